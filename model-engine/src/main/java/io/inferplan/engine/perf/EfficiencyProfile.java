package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;

/**
 * The few explicit factors that turn datasheet peaks into what a serving stack reaches on an accelerator
 * family. Fitted against published measurements (see docs/performance-model.md and `inferplan calibrate`).
 *
 * @param prefillComputeEfficiency   share of dense peak FLOPS reached by prefill matrix work
 * @param decodeComputeEfficiency    share of dense peak FLOPS reached by decode matrix work (skinny GEMMs)
 * @param memoryBandwidthEfficiency  share of datasheet memory bandwidth reached by decode's weight and KV reads
 * @param stepOverheadSeconds        fixed cost of one engine iteration (scheduling, sampling, launch gaps)
 * @param layerOverheadSeconds       fixed cost per transformer layer per iteration (kernel boundaries)
 * @param sequenceOverheadSeconds    cost per sequence in the batch per iteration (scheduling, sampling, KV paging)
 * @param collectiveEfficiency       share of the scale-up link bandwidth that tensor-parallel all-reduces reach
 * @param kvMemoryFraction           share of memory left after weights and runtime that the stack gives the KV cache
 * @param kvReservedOutputFraction   share of a request's output length the scheduler reserves KV for up front
 *                                   (1 = guaranteed no eviction as in TensorRT-LLM; 0.5 = allocates as it goes)
 * @param defaultMaxBatch            the stack's default limit on sequences in flight
 * @param lowPrecisionComputePenalty compute efficiency multiplier for FP4/INT4 math, whose kernels reach a smaller share of peak
 */
public record EfficiencyProfile(
        double prefillComputeEfficiency,
        double decodeComputeEfficiency,
        double memoryBandwidthEfficiency,
        double stepOverheadSeconds,
        double layerOverheadSeconds,
        double sequenceOverheadSeconds,
        double collectiveEfficiency,
        double kvMemoryFraction,
        double kvReservedOutputFraction,
        int defaultMaxBatch,
        double lowPrecisionComputePenalty) {

    public EfficiencyProfile {
        inRange("efficiency.prefillComputeEfficiency", prefillComputeEfficiency, 0.01, 1.0);
        inRange("efficiency.decodeComputeEfficiency", decodeComputeEfficiency, 0.01, 1.0);
        inRange("efficiency.memoryBandwidthEfficiency", memoryBandwidthEfficiency, 0.01, 1.0);
        nonNegative("efficiency.stepOverheadSeconds", stepOverheadSeconds, 1.0);
        nonNegative("efficiency.layerOverheadSeconds", layerOverheadSeconds, 0.01);
        nonNegative("efficiency.sequenceOverheadSeconds", sequenceOverheadSeconds, 0.01);
        inRange("efficiency.collectiveEfficiency", collectiveEfficiency, 0.01, 1.0);
        inRange("efficiency.kvMemoryFraction", kvMemoryFraction, 0.05, 1.0);
        inRange("efficiency.kvReservedOutputFraction", kvReservedOutputFraction, 0.0, 1.0);
        inRange("efficiency.defaultMaxBatch", defaultMaxBatch, 1, 1_000_000);
        inRange("efficiency.lowPrecisionComputePenalty", lowPrecisionComputePenalty, 0.05, 1.0);
    }

}
