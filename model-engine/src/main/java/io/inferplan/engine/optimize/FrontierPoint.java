package io.inferplan.engine.optimize;

import io.inferplan.engine.model.Precision;

/**
 * One point of a part's Pareto frontier: the throughput per GPU a configuration reaches at a batch size, against
 * the decode speed each user sees there. No point of the same part and precision is better in both.
 */
public record FrontierPoint(String accelerator, Precision weightPrecision, int batch,
                            double outputTokensPerSecondPerUser, double outputTokensPerSecondPerGpu,
                            String configuration) {
}
