package io.inferplan.engine.perf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.inferplan.engine.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The serving software: the same GPU and model reach very different throughput under each. */
public enum ServingStack {
    TENSORRT_LLM("TensorRT-LLM"),
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
            case "tensorrtllm", "trtllm", "trt", "tensorrt" -> TENSORRT_LLM;
            case "vllm" -> VLLM;
            case "sglang" -> SGLANG;
            case "generic", "unknown", "other", "default" -> GENERIC;
            default -> throw new InvalidInputException(field, "unknown serving stack '" + text + "'; one of "
                    + Arrays.stream(values()).map(ServingStack::id).collect(Collectors.joining(", ")));
        };
    }
}
