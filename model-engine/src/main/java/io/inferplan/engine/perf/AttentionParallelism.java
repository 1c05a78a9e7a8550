package io.inferplan.engine.perf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.inferplan.engine.InvalidInputException;
import java.util.Locale;

/**
 * How a replica spreads attention over its GPUs. Fine-grained MoE models (DeepSeek, Qwen3-MoE) are served with
 * attention data-parallel and experts expert-parallel in throughput mode: each GPU keeps whole sequences (its own
 * KV cache, not a slice of everyone's, which matters most for MLA's unsplittable latent) and a share of the experts.
 */
public enum AttentionParallelism {
    /** Attention heads split over the tensor-parallel GPUs; every GPU sees every sequence. */
    TENSOR,
    /** Each GPU runs attention for its own sequences; non-expert weights are replicated, routed experts split. */
    DATA,
    /** TENSOR, except fine-grained MoE on several GPUs, where whichever of the two gives more throughput. */
    AUTO;

    @JsonCreator
    public static AttentionParallelism parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "tensor", "tp", "tensorparallel" -> TENSOR;
            case "data", "dp", "dataparallel", "dpattention" -> DATA;
            case "auto", "" -> AUTO;
            default -> throw new InvalidInputException("attentionParallelism", "must be tensor, data or auto, was '" + text + "'");
        };
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
