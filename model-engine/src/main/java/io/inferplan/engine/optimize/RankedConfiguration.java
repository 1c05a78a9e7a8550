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
 * @param disaggregated                separate prefill and decode pools ({@code prefillWorkers} + {@code decodeWorkers}
 *                                     workers of {@code gpusPerReplica} GPUs each, the layout the other fields give);
 *                                     {@code plan} is then the aggregated layout of one worker
 * @param meetsLatencyTargets          false: even one request alone misses the scenario's targets; the costs are
 *                                     then those of serving without targets (highest throughput)
 * @param grossMarginPercent           at the scenario's prices; null when there is no revenue
 * @param errorBandPercent             how far the performance figures may be off (from published measurements)
 * @param outputTokensPerSecondPerGpu  one replica's output throughput per GPU at its operating point
 * @param outputTokensPerSecondPerUser one user's decode speed at that point (1 / TPOT)
 * @param prefillWorkers               prefill pool's workers (0 when aggregated)
 * @param decodeWorkers                decode pool's workers (0 when aggregated)
 * @param ttftP99Seconds               simulated p99 TTFT at the scenario's peak spread over this row's {@code replicas}
 *                                     (null: not simulated, or the simulator finds those replicas overloaded there)
 * @param tpotP99Seconds               the same for TPOT (also null when no simulated request had two tokens)
 * @param simulatedReplicas            replicas the serving simulator needs for the peak within the targets at their
 *                                     percentiles (p99 unless the scenario names others), at the planned utilisation;
 *                                     null: not simulated; 0: no rate meets the targets in the simulator
 * @param simulatedGpusTotal           the GPUs of those replicas (null and 0 likewise)
 * @param pools                        a disaggregated row's prefill and decode pools (their parts and layouts may
 *                                     differ: the row's own part and layout are then the decode pool's); null when
 *                                     aggregated
 * @param costPerMillionTokensBlendedUsd cost per million tokens of the scenario's own mix of input, cached input and
 *                                     output tokens
 * @param powerKilowatts               IT power of the whole fleet ({@code gpusTotal}): accelerator boards, plus the
 *                                     server's share per GPU for owned fleets (the scenario's or the catalog's);
 *                                     facility overhead (PUE) not included
 */
public record RankedConfiguration(String accelerator, String acceleratorName, int gpusPerReplica, int replicas,
                                  int gpusTotal, int tensorParallel, int pipelineParallel, int expertParallel,
                                  AttentionParallelism attentionParallelism, Precision weightPrecision,
                                  Precision kvPrecision, ServingStack servingStack, boolean speculative,
                                  boolean disaggregated, double costPerMillionOutputTokensUsd,
                                  double costPerMillionInputTokensUsd, boolean meetsLatencyTargets, double ttftSeconds,
                                  double tpotSeconds, Double grossMarginPercent, double errorBandPercent,
                                  double outputTokensPerSecondPerGpu, double outputTokensPerSecondPerUser,
                                  String priceSource, DeploymentPlan plan, int prefillWorkers, int decodeWorkers,
                                  Double ttftP99Seconds, Double tpotP99Seconds, Integer simulatedReplicas,
                                  Integer simulatedGpusTotal, DisaggregatedPools pools,
                                  double costPerMillionTokensBlendedUsd, double powerKilowatts) {

    /** An aggregated configuration without simulated percentiles. */
    public RankedConfiguration(String accelerator, String acceleratorName, int gpusPerReplica, int replicas, int gpusTotal,
                               int tensorParallel, int pipelineParallel, int expertParallel,
                               AttentionParallelism attentionParallelism, Precision weightPrecision, Precision kvPrecision,
                               ServingStack servingStack, boolean speculative, boolean disaggregated,
                               double costPerMillionOutputTokensUsd, double costPerMillionInputTokensUsd,
                               boolean meetsLatencyTargets, double ttftSeconds, double tpotSeconds, Double grossMarginPercent,
                               double errorBandPercent, double outputTokensPerSecondPerGpu, double outputTokensPerSecondPerUser,
                               String priceSource, DeploymentPlan plan, double costPerMillionTokensBlendedUsd,
                               double powerKilowatts) {
        this(accelerator, acceleratorName, gpusPerReplica, replicas, gpusTotal, tensorParallel, pipelineParallel, expertParallel,
                attentionParallelism, weightPrecision, kvPrecision, servingStack, speculative, disaggregated,
                costPerMillionOutputTokensUsd, costPerMillionInputTokensUsd, meetsLatencyTargets, ttftSeconds, tpotSeconds,
                grossMarginPercent, errorBandPercent, outputTokensPerSecondPerGpu, outputTokensPerSecondPerUser, priceSource, plan,
                0, 0, null, null, null, null, null, costPerMillionTokensBlendedUsd, powerKilowatts);
    }

    /** The same configuration with simulated p99 TTFT and TPOT, no simulated fleet. */
    public RankedConfiguration withPercentiles(double ttftP99, double tpotP99) {
        return withSimulation(ttftP99, tpotP99, null, null);
    }

    /**
     * The same configuration with what the serving simulator found: the p99s at the peak on this row's replicas
     * (null where it found them overloaded) and the fleet it needs within the targets.
     */
    public RankedConfiguration withSimulation(Double ttftP99, Double tpotP99, Integer replicasForTargets, Integer gpusForTargets) {
        return new RankedConfiguration(accelerator, acceleratorName, gpusPerReplica, replicas, gpusTotal, tensorParallel,
                pipelineParallel, expertParallel, attentionParallelism, weightPrecision, kvPrecision, servingStack, speculative,
                disaggregated, costPerMillionOutputTokensUsd, costPerMillionInputTokensUsd, meetsLatencyTargets, ttftSeconds,
                tpotSeconds, grossMarginPercent, errorBandPercent, outputTokensPerSecondPerGpu, outputTokensPerSecondPerUser,
                priceSource, plan, prefillWorkers, decodeWorkers, ttftP99, tpotP99, replicasForTargets, gpusForTargets, pools,
                costPerMillionTokensBlendedUsd, powerKilowatts);
    }

    /** True once the serving simulator has looked at this row. */
    public boolean simulated() {
        return simulatedReplicas != null;
    }

    /**
     * A short description: "H200 x4 (TP4 EP4, DP attention) fp8/fp8 SGLang"; a disaggregated row ends with
     * ", disaggregated P 4 x 2 + D 4 x 6" (GPUs per worker x workers), or, with pools of different layouts, reads
     * "disaggregated P (prefill worker) x 2 + D (decode worker) x 6".
     */
    public String describe() {
        if (pools != null && !pools.sameWorker()) {
            return "disaggregated P " + pools.prefillWorker().describe() + " x " + pools.prefillWorkers() + " + D "
                    + pools.decodeWorker().describe() + " x " + pools.decodeWorkers();
        }
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
        if (disaggregated) {
            text.append(", disaggregated P ").append(gpusPerReplica).append(" x ").append(prefillWorkers).append(" + D ")
                    .append(gpusPerReplica).append(" x ").append(decodeWorkers);
        }
        return text.toString();
    }
}
