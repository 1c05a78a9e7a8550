package io.inferplan.engine.perf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.inferplan.engine.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The serving software: the same GPU and model reach very different throughput under each. TensorRT-LLM has two
 * runtimes that behave differently enough to be two stacks: since 1.0 the default is the PyTorch backend (Python
 * scheduler with an overlap loop, kernels from PyTorch and TensorRT-LLM's own ops, trtllm-serve); before it, prebuilt
 * TensorRT engines ran under the C++ executor (trtllm-bench on engines, Triton's tensorrtllm_backend), which has no
 * Python in the loop and replays whole-engine CUDA graphs.
 */
public enum ServingStack {
    /** TensorRT-LLM 1.x, PyTorch backend (the default runtime since 1.0). */
    TENSORRT_LLM("TensorRT-LLM"),
    /** TensorRT-LLM's TensorRT-engine runtime (C++ executor; 0.x releases and the 1.x TensorRT backend). */
    TENSORRT_LLM_ENGINE("TensorRT-LLM engines"),
    VLLM("vLLM"),
    SGLANG("SGLang"),
    /** Nothing known about the stack: the engine's stated default efficiencies apply. */
    GENERIC("generic");

    private final String displayName;

    ServingStack(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** JSON accepts the same spellings as the command line ("vllm", "TensorRT-LLM", "trtllm"). */
    @JsonCreator
    static ServingStack fromJson(String text) {
        return parse("servingStack", text);
    }

    @JsonValue
    String json() {
        return id();
    }

    public static ServingStack parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return GENERIC;
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return switch (key) {
            case "tensorrtllm", "trtllm", "trt", "tensorrt", "tensorrtllmpytorch", "trtllmpytorch" -> TENSORRT_LLM;
            case "tensorrtllmengine", "tensorrtllmengines", "trtllmengine", "trtllmengines", "tensorrtllmcpp", "trtllmcpp"
                    -> TENSORRT_LLM_ENGINE;
            case "vllm" -> VLLM;
            case "sglang" -> SGLANG;
            case "generic", "unknown", "other", "default" -> GENERIC;
            default -> throw new InvalidInputException(field, "unknown serving stack '" + text + "'; one of "
                    + Arrays.stream(values()).map(ServingStack::id).collect(Collectors.joining(", ")));
        };
    }
}
