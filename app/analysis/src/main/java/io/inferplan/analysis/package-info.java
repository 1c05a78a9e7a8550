/**
 * The scenario analyzer and the records it returns: the scenario's result with the sweeps the charts add to it (cost
 * on every accelerator at its best configuration, batch-size frontier, break-even curve, simulated sizing, Monte Carlo),
 * and the own-rate-else-on-demand rental rule. No view here: the desktop app and the report both read these records.
 */
package io.inferplan.analysis;
