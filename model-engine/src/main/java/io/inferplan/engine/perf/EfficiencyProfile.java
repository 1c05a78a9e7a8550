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
 * @param collectiveLatencySeconds   fixed latency of one all-reduce or all-to-all over the scale-up link (NVLink one-shot
 *                                   kernels inside a CUDA graph: about 5-20 us; PCIe several times more)
 * @param requestOverheadSeconds     per-request time before the first token that no GPU work explains: HTTP, tokenizing,
 *                                   scheduling and detokenizing the first token
 * @param prefillTokenBudget         tokens one engine iteration may prefill (TensorRT-LLM max_num_tokens, vLLM
 *                                   max_num_batched_tokens, SGLang chunked_prefill_size); longer prompts take several
 *                                   iterations; 0 = the stack's default on the accelerator ({@link SchedulerDefaults})
 * @param prefillQueueShare          in a closed loop of N users, the share of the other users' prefills a new request
 *                                   waits behind (0: arrivals spread evenly, 1: all users arrive together); identical
 *                                   request lengths keep closed loops partly in step
 * @param queueCoherenceOutputTokens output length over which a closed loop falls out of step: requests that stop
 *                                   at an end-of-sequence token before the output cap spread the users, so the clumped
 *                                   share is prefillQueueShare x this / (this + output tokens)
 * @param allToAllLatencySeconds     fixed latency of one expert-parallel dispatch or combine (token permutation, a
 *                                   synchronising all-to-all and its bookkeeping: tens of microseconds even on NVLink)
 * @param expertLayerOverheadSeconds extra fixed cost of a MoE layer per iteration (router, top-k, permute and
 *                                   unpermute kernels, grouped-GEMM launch)
 * @param promptTokenOverheadSeconds host time per prompt token before the first token (tokenising the prompt, hashing
 *                                   its KV blocks for prefix caching, building the request): it does not shrink with
 *                                   more GPUs; 0 = none
 * @param expertGemmHalfGflops       size of one expert's grouped GEMM at prefill (GFLOPs: 2 x tokens routed to the expert
 *                                   in a chunk x the expert's parameters on the GPU) at which it reaches half the dense
 *                                   prefill efficiency (w / (w + this) of it): small per-expert matrices, fewer tokens
 *                                   per expert or experts split by tensor parallelism, fill the GPU poorly; 0 = as dense
 * @param kvBandwidthEfficiency      share of datasheet memory bandwidth decode attention reaches reading the KV cache
 *                                   (paged blocks of 16-64 tokens, one sequence per thread block: below the weight
 *                                   streams of the matrix kernels); 0 = as {@code memoryBandwidthEfficiency}
 * @param prefillLayerOverheadSeconds fixed cost per layer of an iteration that carries a prefill chunk, beyond
 *                                   {@code layerOverheadSeconds}: stacks replay CUDA graphs for decode-only batches
 *                                   (and vLLM for mixed ones up to 512 tokens), so a prefill chunk's kernels are
 *                                   launched and dispatched one by one from the host; 0 = none
 * @param hostSequenceSeconds        host time per sequence per iteration that runs while the GPU works (the overlap
 *                                   schedulers of TensorRT-LLM's PyTorch backend and SGLang prepare iteration n + 1
 *                                   during iteration n: batching, sampling bookkeeping, detokenising in Python); an
 *                                   iteration takes at least this x the sequences one scheduler handles, so it binds only
 *                                   where the GPU's step is short (many GPUs, large batches of small models); 0 = none
 * @param admissionIterations        engine iterations a new request waits, beyond its own prefill, before its first
 *                                   token reaches the client (tokenizer and detokenizer process hops, the overlap
 *                                   scheduler's one-iteration lag, the server's streaming loop): TTFT gains this x the
 *                                   iteration time, which grows with the running batch; 0 = none
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
        double lowPrecisionComputePenalty,
        double collectiveLatencySeconds,
        double requestOverheadSeconds,
        int prefillTokenBudget,
        double prefillQueueShare,
        double allToAllLatencySeconds,
        double expertLayerOverheadSeconds,
        double queueCoherenceOutputTokens,
        double promptTokenOverheadSeconds,
        double expertGemmHalfGflops,
        double kvBandwidthEfficiency,
        double prefillLayerOverheadSeconds,
        double hostSequenceSeconds,
        double admissionIterations) {

    /** Stated defaults for the factors a profile written before they existed does not give. */
    public static final double DEFAULT_COLLECTIVE_LATENCY_SECONDS = 8e-6;
    public static final double DEFAULT_REQUEST_OVERHEAD_SECONDS = 0.02;
    /** The stack's own default ({@link SchedulerDefaults}). */
    public static final int DEFAULT_PREFILL_TOKEN_BUDGET = 0;
    public static final double DEFAULT_PREFILL_QUEUE_SHARE = 0.2;
    public static final double DEFAULT_ALL_TO_ALL_LATENCY_SECONDS = 30e-6;
    public static final double DEFAULT_EXPERT_LAYER_OVERHEAD_SECONDS = 20e-6;
    public static final double DEFAULT_QUEUE_COHERENCE_OUTPUT_TOKENS = 2000;

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
        // Zero means "not given" (a table written before these factors existed): the stated default applies.
        collectiveLatencySeconds = collectiveLatencySeconds == 0 ? DEFAULT_COLLECTIVE_LATENCY_SECONDS
                : inRange("efficiency.collectiveLatencySeconds", collectiveLatencySeconds, 1e-7, 1e-3);
        nonNegative("efficiency.requestOverheadSeconds", requestOverheadSeconds, 10.0);
        if (prefillTokenBudget != 0) {
            inRange("efficiency.prefillTokenBudget", prefillTokenBudget, 16, 10_000_000);
        }
        inRange("efficiency.prefillQueueShare", prefillQueueShare, 0.0, 1.0);
        allToAllLatencySeconds = allToAllLatencySeconds == 0 ? DEFAULT_ALL_TO_ALL_LATENCY_SECONDS
                : inRange("efficiency.allToAllLatencySeconds", allToAllLatencySeconds, 1e-7, 1e-2);
        nonNegative("efficiency.expertLayerOverheadSeconds", expertLayerOverheadSeconds, 0.01);
        queueCoherenceOutputTokens = queueCoherenceOutputTokens == 0 ? DEFAULT_QUEUE_COHERENCE_OUTPUT_TOKENS
                : inRange("efficiency.queueCoherenceOutputTokens", queueCoherenceOutputTokens, 1, 1e9);
        nonNegative("efficiency.promptTokenOverheadSeconds", promptTokenOverheadSeconds, 1e-3);
        nonNegative("efficiency.expertGemmHalfGflops", expertGemmHalfGflops, 1e6);
        kvBandwidthEfficiency = kvBandwidthEfficiency == 0 ? memoryBandwidthEfficiency
                : inRange("efficiency.kvBandwidthEfficiency", kvBandwidthEfficiency, 0.01, 1.0);
        nonNegative("efficiency.prefillLayerOverheadSeconds", prefillLayerOverheadSeconds, 0.01);
        nonNegative("efficiency.hostSequenceSeconds", hostSequenceSeconds, 0.01);
        nonNegative("efficiency.admissionIterations", admissionIterations, 1000);
    }

    /** A profile with the step-time factors only; the latency factors take their stated defaults. */
    public EfficiencyProfile(double prefillComputeEfficiency, double decodeComputeEfficiency, double memoryBandwidthEfficiency,
                             double stepOverheadSeconds, double layerOverheadSeconds, double sequenceOverheadSeconds,
                             double collectiveEfficiency, double kvMemoryFraction, double kvReservedOutputFraction,
                             int defaultMaxBatch, double lowPrecisionComputePenalty) {
        this(prefillComputeEfficiency, decodeComputeEfficiency, memoryBandwidthEfficiency, stepOverheadSeconds,
                layerOverheadSeconds, sequenceOverheadSeconds, collectiveEfficiency, kvMemoryFraction, kvReservedOutputFraction,
                defaultMaxBatch, lowPrecisionComputePenalty, DEFAULT_COLLECTIVE_LATENCY_SECONDS, DEFAULT_REQUEST_OVERHEAD_SECONDS,
                DEFAULT_PREFILL_TOKEN_BUDGET, DEFAULT_PREFILL_QUEUE_SHARE, DEFAULT_ALL_TO_ALL_LATENCY_SECONDS,
                DEFAULT_EXPERT_LAYER_OVERHEAD_SECONDS, DEFAULT_QUEUE_COHERENCE_OUTPUT_TOKENS, 0, 0, 0, 0, 0, 0);
    }

    /** The same profile with the factors a fit varies replaced (see {@link EfficiencyFitter}). */
    EfficiencyProfile withFitted(double[] v) {
        return new EfficiencyProfile(v[0], v[1], v[2], v[3], v[4], v[5], v[6], kvMemoryFraction, kvReservedOutputFraction,
                defaultMaxBatch, v[10], v[7], v[8], prefillTokenBudget, v[9], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19]);
    }

    /**
     * A profile for related hardware or software: compute and memory efficiencies scaled (capped at 1), fixed costs
     * divided by {@code speedScale}, and the stack's own memory and batch settings.
     */
    EfficiencyProfile scaled(double computeScale, double memoryScale, double speedScale, double kvFraction,
                             double kvReservedFraction, int maxBatch) {
        return new EfficiencyProfile(Math.min(1, prefillComputeEfficiency * computeScale),
                Math.min(1, decodeComputeEfficiency * computeScale), Math.min(1, memoryBandwidthEfficiency * memoryScale),
                stepOverheadSeconds / speedScale, layerOverheadSeconds / speedScale, sequenceOverheadSeconds / speedScale,
                collectiveEfficiency, kvFraction, kvReservedFraction, maxBatch, lowPrecisionComputePenalty,
                collectiveLatencySeconds, requestOverheadSeconds / speedScale, prefillTokenBudget, prefillQueueShare,
                allToAllLatencySeconds, expertLayerOverheadSeconds / speedScale, queueCoherenceOutputTokens,
                promptTokenOverheadSeconds / speedScale, expertGemmHalfGflops, Math.min(1, kvBandwidthEfficiency * memoryScale),
                prefillLayerOverheadSeconds / speedScale, hostSequenceSeconds / speedScale, admissionIterations);
    }

    /** The factors a fit varies, in the order of {@link #withFitted}. */
    double[] fittedFactors() {
        return new double[] {prefillComputeEfficiency, decodeComputeEfficiency, memoryBandwidthEfficiency, stepOverheadSeconds,
                layerOverheadSeconds, sequenceOverheadSeconds, collectiveEfficiency, collectiveLatencySeconds,
                requestOverheadSeconds, prefillQueueShare, lowPrecisionComputePenalty, allToAllLatencySeconds,
                expertLayerOverheadSeconds, queueCoherenceOutputTokens, promptTokenOverheadSeconds, expertGemmHalfGflops,
                kvBandwidthEfficiency, prefillLayerOverheadSeconds, hostSequenceSeconds, admissionIterations};
    }

}
