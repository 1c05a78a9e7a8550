package io.inferplan.engine.perf;

import io.inferplan.engine.hardware.AcceleratorSpec;

/**
 * What each serving stack's scheduler does by default, as its sources set it (checked 2026-12): how many tokens one
 * iteration may prefill (a profile's {@code prefillTokenBudget} above 0 overrides this), and how long TensorRT-LLM
 * holds a prompt to balance data-parallel attention ranks.
 *
 * <ul>
 *   <li>TensorRT-LLM (both runtimes): {@code max_num_tokens} 8192 (and {@code max_batch_size} 2048), the LLM API / trtllm-serve build
 *       defaults (tensorrt_llm/llmapi/llm_args.py); in-flight batching puts a context chunk and the generation batch
 *       in the same iteration.</li>
 *   <li>vLLM (V1, OpenAI server): {@code max_num_batched_tokens} 8192 and {@code max_num_seqs} 1024 on GPUs with at
 *       least 70 GiB that are not an A100, otherwise 2048 and 256 (vllm/engine/arg_utils.py,
 *       {@code EngineArgs._set_default_args}); chunked prefill is always on, decode requests are scheduled first.</li>
 *   <li>SGLang: {@code chunked_prefill_size} 2048 below 35 GB of GPU memory, 8192 below 160 GB (H100, H200), 16384
 *       above (B200, GB200, MI300X) (python/sglang/srt/server_args.py, {@code _handle_chunked_prefill_size}).</li>
 *   <li>TensorRT-LLM with attention data parallelism: {@code attention_dp_config} {@code enable_balance: true},
 *       {@code timeout_iters: 60}, {@code batching_wait_iters: 0}, as NVIDIA's DeepSeek recipes and the InferenceX
 *       benchmark scripts set it for every data-parallel attention run (the library's own default leaves balancing
 *       off). The scheduler then holds new prompts until every attention rank has one, or until its counter reaches
 *       60 iterations (tensorrt_llm/_torch/pyexecutor/py_executor.py, {@code _balance_adp_requests}); idle ranks are
 *       padded with a dummy generation request, so the hold applies at any load.</li>
 * </ul>
 */
public final class SchedulerDefaults {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;
    /** {@code attention_dp_config.timeout_iters} in the recipes (see above). */
    private static final int TENSORRT_LLM_BALANCE_TIMEOUT_ITERATIONS = 60;

    private SchedulerDefaults() {
    }

    /**
     * Iterations a new prompt may be held so that every data-parallel attention rank prefills together (0: the stack
     * does not hold prompts).
     */
    public static int attentionDpBalanceTimeoutIterations(ServingStack stack) {
        return stack == ServingStack.TENSORRT_LLM ? TENSORRT_LLM_BALANCE_TIMEOUT_ITERATIONS : 0;
    }

    /** Tokens one iteration of {@code stack} prefills by default on this accelerator. */
    public static int prefillTokenBudget(ServingStack stack, AcceleratorSpec accelerator) {
        double memory = accelerator.memoryBytes();
        return switch (stack) {
            case TENSORRT_LLM, TENSORRT_LLM_ENGINE, GENERIC -> 8192;
            case VLLM -> memory >= 70 * GIB && !accelerator.name().toUpperCase(java.util.Locale.ROOT).contains("A100") ? 8192 : 2048;
            case SGLANG -> memory < 35_000 * MIB ? 2048 : memory < 160 * 1024 * MIB ? 8192 : 16384;
        };
    }
}
