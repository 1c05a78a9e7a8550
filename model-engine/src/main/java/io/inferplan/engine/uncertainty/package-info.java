/**
 * Monte Carlo uncertainty: a scenario's inputs drawn from distributions (written in the file, see
 * {@link io.inferplan.engine.scenario.Distribution}, or the standard ones a scenario has without them), each draw
 * evaluated by the same economics as a plain evaluation, and the spread summarised: percentiles of operating
 * profit, cost per token, GPUs and break-even month, the chance of breaking even, a month-by-month fan, and which
 * inputs drive the spread (Spearman rank correlation). Entry point: {@link io.inferplan.engine.uncertainty.MonteCarlo}.
 * Method and defaults: docs/uncertainty.md.
 */
package io.inferplan.engine.uncertainty;
