package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.text;

import io.inferplan.engine.perf.ServingStack;

/**
 * How a serving stack fills each engine step (see docs/simulator.md for the sources of each default).
 *
 * @param maxSequences              sequences in flight at most (max_num_seqs, max_batch_size, max_running_requests)
 * @param maxTokensPerStep          token budget of one step: decode tokens plus prompt chunks (max_num_batched_tokens,
 *                                  max_num_tokens, chunked_prefill_size)
 * @param chunkedPrefill            a prompt longer than the budget left is split over steps; otherwise it waits
 *                                  until its whole prompt fits in one step
 * @param mixedPrefillDecode        prompt chunks ride in the same step as decoding sequences; false = a step that
 *                                  prefills runs no decode (SGLang's default prefill-first batches)
 * @param kvBlockTokens             tokens per KV-cache block (page)
 * @param reservedOutputShare       share of a request's output whose KV blocks are allocated at admission (1 =
 *                                  TensorRT-LLM GUARANTEED_NO_EVICT: never preempted); the rest are allocated as
 *                                  tokens arrive and the stack preempts by recompute when none are left
 * @param admissionHeadroomShare    share of a request's output that must fit in free blocks before it is admitted,
 *                                  beyond what is reserved (SGLang's new-token ratio); 0 = only its prompt
 * @param source                    where the defaults come from
 * @param preemption                what a preempted sequence's KV blocks become: freed and recomputed (every stack's
 *                                  default) or swapped to host memory over the host link and back
 * @param swapSpaceBytesPerGpu      host memory for swapped KV blocks, per GPU of the replica (vLLM's swap_space,
 *                                  4 GiB by default); used only with {@link Preemption#SWAP}
 */
public record SchedulerPolicy(String name, int maxSequences, int maxTokensPerStep, boolean chunkedPrefill,
                              boolean mixedPrefillDecode, int kvBlockTokens, double reservedOutputShare,
                              double admissionHeadroomShare, String source, Preemption preemption,
                              double swapSpaceBytesPerGpu) {

    /** vLLM's {@code swap_space} default: 4 GiB of host memory per GPU (CacheConfig / engine argument --swap-space). */
    public static final double DEFAULT_SWAP_SPACE_BYTES_PER_GPU = 4.0 * (1L << 30);

    /** What happens to a preempted sequence's KV cache. */
    public enum Preemption {
        /** Blocks freed; the sequence re-prefills its prompt and generated tokens when readmitted (vLLM V1, SGLang). */
        RECOMPUTE,
        /**
         * Blocks copied to host memory over the host link and copied back before the sequence resumes, no prefill
         * repeated; when the swap space is full the sequence is recomputed (vLLM V0's preemption_mode "swap",
         * TensorRT-LLM's host KV offload, SGLang's hierarchical cache: all off by default).
         */
        SWAP
    }

    /** A recompute policy (every stack's default). */
    public SchedulerPolicy(String name, int maxSequences, int maxTokensPerStep, boolean chunkedPrefill,
                           boolean mixedPrefillDecode, int kvBlockTokens, double reservedOutputShare,
                           double admissionHeadroomShare, String source) {
        this(name, maxSequences, maxTokensPerStep, chunkedPrefill, mixedPrefillDecode, kvBlockTokens, reservedOutputShare,
                admissionHeadroomShare, source, Preemption.RECOMPUTE, DEFAULT_SWAP_SPACE_BYTES_PER_GPU);
    }

    public SchedulerPolicy {
        text("scheduler.name", name);
        inRange("scheduler.maxSequences", maxSequences, 1, 1_000_000);
        inRange("scheduler.maxTokensPerStep", maxTokensPerStep, 1, 10_000_000);
        inRange("scheduler.kvBlockTokens", kvBlockTokens, 1, 4096);
        inRange("scheduler.reservedOutputShare", reservedOutputShare, 0.0, 1.0);
        inRange("scheduler.admissionHeadroomShare", admissionHeadroomShare, 0.0, 1.0);
        source = source == null ? "" : source;
        io.inferplan.engine.Checks.present("scheduler.preemption", preemption);
        inRange("scheduler.swapSpaceBytesPerGpu", swapSpaceBytesPerGpu, 0.0, 1e13);
    }

    /**
     * The stack's defaults for a GPU with this much memory; {@code maxSequences} is the deployment's limit (or the
     * performance model's default for the stack), so that simulation and steady-state estimate share it.
     */
    public static SchedulerPolicy defaults(ServingStack stack, int maxSequences, double gpuMemoryBytes) {
        boolean large = gpuMemoryBytes >= 70.0 * (1L << 30);
        return switch (stack) {
            // TensorRT-LLM: max_num_tokens 8192, tokens_per_block 32 (KvCacheConfig), chunked context off, capacity
            // scheduler GUARANTEED_NO_EVICT (KV for prompt + max output reserved at admission), context and generation
            // requests in the same in-flight batch.
            case TENSORRT_LLM, TENSORRT_LLM_ENGINE -> new SchedulerPolicy(stack.displayName(), maxSequences, 8192, false, true, 32, 1.0, 0.0,
                    "TensorRT-LLM: max_num_tokens 8192, tokens_per_block 32, enable_chunked_context false, "
                            + "CapacitySchedulerPolicy.GUARANTEED_NO_EVICT (docs: performance tuning guide, useful runtime flags)");
            // vLLM V1: running requests first, then waiting ones, chunked prefill always on; max_num_batched_tokens
            // 8192 for the API server on GPUs with >= 70 GiB (not A100), 2048 otherwise; block_size 16; preemption
            // by recompute of the most recently scheduled request.
            case VLLM -> new SchedulerPolicy("vLLM", maxSequences, large ? 8192 : 2048, true, true, 16, 0.0, 0.0,
                    "vLLM V1: EngineArgs.get_batch_defaults (OPENAI_API_SERVER: max_num_batched_tokens 8192 on >= 70 GiB "
                            + "GPUs except A100, else 2048), CacheConfig block_size 16, v1/core/sched/scheduler.py (running first, "
                            + "recompute preemption)");
            // SGLang: chunked_prefill_size 8192 on 35-160 GiB GPUs (2048 below, 16384 above), prefill batches run
            // before decode and not mixed with it (enable_mixed_chunk false), page_size 1, admission checks room for
            // the new-token ratio (0.7 initially) of each request's max output.
            case SGLANG -> new SchedulerPolicy("SGLang", maxSequences,
                    gpuMemoryBytes < 35.0 * (1L << 30) ? 2048 : gpuMemoryBytes < 160.0 * (1L << 30) ? 8192 : 16384,
                    true, false, 1, 0.0, 0.7,
                    "SGLang: server_args.py chunked_prefill_size by GPU memory, page_size 1, enable_mixed_chunk false, "
                            + "schedule_batch new_token_ratio 0.7");
            // Nothing known: vLLM-like continuous batching with chunked prefill.
            case GENERIC -> new SchedulerPolicy("generic", maxSequences, large ? 8192 : 2048, true, true, 16, 0.0, 0.0,
                    "generic: vLLM-like defaults");
        };
    }

    public SchedulerPolicy withMaxSequences(int limit) {
        return new SchedulerPolicy(name, limit, maxTokensPerStep, chunkedPrefill, mixedPrefillDecode, kvBlockTokens,
                reservedOutputShare, admissionHeadroomShare, source, preemption, swapSpaceBytesPerGpu);
    }

    public SchedulerPolicy withMaxTokensPerStep(int tokens) {
        return new SchedulerPolicy(name, maxSequences, tokens, chunkedPrefill, mixedPrefillDecode, kvBlockTokens,
                reservedOutputShare, admissionHeadroomShare, source, preemption, swapSpaceBytesPerGpu);
    }

    /**
     * The same preempting by {@code mode}; {@code swapSpaceBytesPerGpu} is the host memory for swapped blocks per GPU
     * (ignored by recompute).
     */
    public SchedulerPolicy withPreemption(Preemption mode, double swapBytesPerGpu) {
        return new SchedulerPolicy(name, maxSequences, maxTokensPerStep, chunkedPrefill, mixedPrefillDecode, kvBlockTokens,
                reservedOutputShare, admissionHeadroomShare, source, mode, swapBytesPerGpu);
    }

    /** The same with chunked prefill on (TensorRT-LLM's enable_chunked_context, needed for prompts over the budget). */
    public SchedulerPolicy withChunkedPrefill() {
        return new SchedulerPolicy(name + " (chunked context)", maxSequences, maxTokensPerStep, true, mixedPrefillDecode,
                kvBlockTokens, reservedOutputShare, admissionHeadroomShare, source + "; enable_chunked_context on for prompts over "
                + maxTokensPerStep + " tokens", preemption, swapSpaceBytesPerGpu);
    }
}
