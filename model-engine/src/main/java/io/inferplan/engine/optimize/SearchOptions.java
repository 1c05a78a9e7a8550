package io.inferplan.engine.optimize;

import static io.inferplan.engine.Checks.inRange;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.Precision;
import java.util.List;

/**
 * Bounds of the configuration search.
 *
 * @param precisionFloor     the narrowest number format allowed for weights and KV cache (FP8: no FP4 anywhere;
 *                           BF16: no quantization); one of BF16, FP8, FP4
 * @param maxGpusPerReplica  the largest replica in GPUs, 1-144 (tensor x pipeline parallel up to 32 in one node's
 *                           domain and across nodes; wide expert-parallel replicas up to 144 GPUs)
 * @param prune              skip configurations whose weights cannot fit before evaluating them (off only to test
 *                           that pruning drops nothing feasible)
 * @param frontier           also compute the Pareto frontier (a batch-size sweep of every feasible configuration)
 * @param disaggregated      also try disaggregated prefill/decode pools built from the cheapest aggregated
 *                           configurations, on one part or two (off by default; a few dozen pool sizings)
 */
public record SearchOptions(Precision precisionFloor, int maxGpusPerReplica, boolean prune, boolean frontier,
                            boolean disaggregated) {
    /** Tensor-parallel sizes inside one node: NVLink/Infinity Fabric domains of 8 on HGX/OAM boards. */
    static final List<Integer> TENSOR_PARALLEL = List.of(1, 2, 4, 8);
    static final List<Integer> PIPELINE_PARALLEL = List.of(1, 2, 4);
    /**
     * Replicas wider than one node for fine-grained MoE: data-parallel attention with the routed experts over every
     * GPU, the expert all-to-all's off-node share over the scale-out network. 16-64 as SGLang's and TensorRT-LLM's
     * wide-EP recipes, 72 one NVL72 rack, 144 DeepSeek's published decode unit (18 nodes of 8 H800s).
     */
    static final List<Integer> WIDE_EXPERT_PARALLEL = List.of(16, 32, 64, 72, 144);
    /** Widest first, so the list reads from the safest format to the most aggressive. */
    static final List<Precision> PRECISIONS = List.of(Precision.BF16, Precision.FP8, Precision.FP4);
    public static final int MAX_GPUS_PER_REPLICA = 144;

    public SearchOptions {
        precisionFloor = precisionFloor == null ? Precision.FP4 : precisionFloor;
        if (!PRECISIONS.contains(precisionFloor)) {
            throw new InvalidInputException("precisionFloor", "must be one of bf16, fp8, fp4, was " + precisionFloor.id());
        }
        inRange("maxGpusPerReplica", maxGpusPerReplica, 1, MAX_GPUS_PER_REPLICA);
    }

    /**
     * Disaggregated candidates off (the default): their model is much less accurate than the aggregated one
     * (docs/optimize.md), so they are asked for, never slipped into a ranking.
     */
    public SearchOptions(Precision precisionFloor, int maxGpusPerReplica, boolean prune, boolean frontier) {
        this(precisionFloor, maxGpusPerReplica, prune, frontier, false);
    }

    /** Everything: FP4 allowed, replicas up to 144 GPUs, pruned, with the frontier. */
    public static SearchOptions defaults() {
        return new SearchOptions(Precision.FP4, MAX_GPUS_PER_REPLICA, true, true, false);
    }

    public SearchOptions withPrecisionFloor(Precision floor) {
        return new SearchOptions(floor, maxGpusPerReplica, prune, frontier, disaggregated);
    }

    public SearchOptions withMaxGpusPerReplica(int gpus) {
        return new SearchOptions(precisionFloor, gpus, prune, frontier, disaggregated);
    }

    public SearchOptions withPruning(boolean on) {
        return new SearchOptions(precisionFloor, maxGpusPerReplica, on, frontier, disaggregated);
    }

    public SearchOptions withFrontier(boolean on) {
        return new SearchOptions(precisionFloor, maxGpusPerReplica, prune, on, disaggregated);
    }

    public SearchOptions withDisaggregated(boolean on) {
        return new SearchOptions(precisionFloor, maxGpusPerReplica, prune, frontier, on);
    }

    /** True when {@code precision} is at least as wide as the floor. */
    public boolean allows(Precision precision) {
        return precision.bytesPerValue() >= precisionFloor.bytesPerValue();
    }
}
