/**
 * The Optimize page: the configuration search over the catalog for the open scenario's workload (parts, parallelism,
 * precisions, stacks), ranked by cost, each part's throughput/interactivity frontier, and applying a configuration
 * to the scenario as one undoable edit.
 */
package io.inferplan.app.optimize;
