/**
 * Evaluating the open scenario, with no view in it: the inputs an evaluation reads (catalog in use, own prices), the one
 * route their changes take, and the two-phase evaluation service that runs the analyzer ({@code io.inferplan.analysis})
 * off the FX thread.
 */
package io.inferplan.app.evaluation;
