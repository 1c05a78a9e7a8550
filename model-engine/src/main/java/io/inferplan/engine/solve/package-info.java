/**
 * Goal seek: the value of one input (a tier's price, the average load, the prompt cache hit rate, the planned
 * utilisation) at which a result (gross margin, operating profit, cost per million tokens, GPUs) reaches a target.
 * A bracketed search over the input's allowed range (a scan for a sign change, then bisection), which copes with
 * the steps a whole replica more or fewer puts into every result. Entry point: {@link io.inferplan.engine.solve.GoalSeek}.
 */
package io.inferplan.engine.solve;
