package io.inferplan.engine.optimize;

import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.AttentionParallelism;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.scenario.DeploymentPlan;

/**
 * One evaluated configuration, with the figures the scenario's evaluation gives it.
 *
 * @param plan                         the scenario's deployment rewritten to this configuration (to apply it)
 * @param attentionParallelism         tensor or data (data: attention data-parallel over expert-parallel MoE)
 * @param speculative                  true when the scenario's speculative decoding is on
 * @param disaggregated                always false: separate prefill and decode pools are not searched yet
 * @param meetsLatencyTargets          false: even one request alone misses the scenario's targets; the costs are
 *                                     then those of serving without targets (highest throughput)
 * @param grossMarginPercent           at the scenario's prices; null when there is no revenue
 * @param errorBandPercent             how far the performance figures may be off (from published measurements)
 * @param outputTokensPerSecondPerGpu  one replica's output throughput per GPU at its operating point
 * @param outputTokensPerSecondPerUser one user's decode speed at that point (1 / TPOT)
 */
public record RankedConfiguration(String accelerator, String acceleratorName, int gpusPerReplica, int replicas,
                                  int gpusTotal, int tensorParallel, int pipelineParallel, int expertParallel,
                                  AttentionParallelism attentionParallelism, Precision weightPrecision,
                                  Precision kvPrecision, ServingStack servingStack, boolean speculative,
                                  boolean disaggregated, double costPerMillionOutputTokensUsd,
                                  double costPerMillionInputTokensUsd, boolean meetsLatencyTargets, double ttftSeconds,
                                  double tpotSeconds, Double grossMarginPercent, double errorBandPercent,
                                  double outputTokensPerSecondPerGpu, double outputTokensPerSecondPerUser,
                                  String priceSource, DeploymentPlan plan) {

    /** A short description: "H200 x4 (TP4 EP4, data attention) fp8/fp8 SGLang". */
    public String describe() {
        StringBuilder text = new StringBuilder(accelerator).append(" x").append(gpusPerReplica).append(" (TP")
                .append(tensorParallel);
        if (pipelineParallel > 1) {
            text.append(" PP").append(pipelineParallel);
        }
        if (expertParallel > 1) {
            text.append(" EP").append(expertParallel);
        }
        if (attentionParallelism == AttentionParallelism.DATA) {
            text.append(", DP attention");
        }
        text.append(") ").append(weightPrecision.id()).append('/').append(kvPrecision.id()).append(' ')
                .append(servingStack.displayName());
        if (speculative) {
            text.append(", speculative");
        }
        return text.toString();
    }
}
