package io.inferplan.engine.model;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.inferplan.engine.InvalidInputException;
import java.util.List;

/**
 * A transformer's architecture, as in its published config. Parameter counts are totals (not per GPU).
 *
 * @param kvLatentDim          MLA only: the compressed KV latent size per layer (DeepSeek: kv_lora_rank)
 * @param ropeHeadDim          MLA only: the decoupled rotary key size cached beside the latent
 * @param slidingWindowTokens  0 when every layer attends to the whole context
 * @param slidingWindowLayers  layers that attend only to the last slidingWindowTokens tokens
 * @param moe                  null for a dense model
 * @param source               where the figures come from (config file and its address)
 */
public record ModelSpec(
        String id,
        String name,
        long totalParameters,
        long activeParameters,
        int layers,
        int hiddenSize,
        int attentionHeads,
        int kvHeads,
        int headDim,
        int ffnSize,
        int vocabSize,
        AttentionKind attention,
        int kvLatentDim,
        int ropeHeadDim,
        int slidingWindowTokens,
        int slidingWindowLayers,
        MoeSpec moe,
        List<String> aliases,
        String source) {

    public ModelSpec {
        text("model.id", id);
        name = name == null || name.isBlank() ? id : name.strip();
        inRange("model.totalParameters", totalParameters, 1_000_000L, 100_000_000_000_000L);
        inRange("model.activeParameters", activeParameters, 1_000_000L, totalParameters);
        inRange("model.layers", layers, 1, 1000);
        inRange("model.hiddenSize", hiddenSize, 64, 262_144);
        inRange("model.attentionHeads", attentionHeads, 1, 4096);
        inRange("model.kvHeads", kvHeads, 1, attentionHeads);
        inRange("model.headDim", headDim, 8, 4096);
        inRange("model.ffnSize", ffnSize, 1, 1_048_576);
        inRange("model.vocabSize", vocabSize, 1, 10_000_000);
        present("model.attention", attention);
        if (attention == AttentionKind.MLA) {
            inRange("model.kvLatentDim", kvLatentDim, 1, 65_536);
            inRange("model.ropeHeadDim", ropeHeadDim, 0, 4096);
        } else {
            inRange("model.kvLatentDim", kvLatentDim, 0, 0);
        }
        inRange("model.slidingWindowTokens", slidingWindowTokens, 0, 100_000_000);
        inRange("model.slidingWindowLayers", slidingWindowLayers, 0, layers);
        if (slidingWindowLayers > 0 && slidingWindowTokens == 0) {
            throw new InvalidInputException("model.slidingWindowTokens", "must be set when slidingWindowLayers is above 0");
        }
        if (moe == null && activeParameters != totalParameters) {
            throw new InvalidInputException("model.activeParameters", "must equal totalParameters for a dense model (no moe section)");
        }
        if (moe != null && moe.moeLayers() > layers) {
            throw new InvalidInputException("model.moe.moeLayers", "must be at most model.layers (" + layers + ")");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        source = source == null ? "" : source;
    }

    /** JSON form: the MLA and sliding-window fields are optional (absent means none). */
    @JsonCreator
    static ModelSpec fromJson(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty("name") String name,
            @JsonProperty(value = "totalParameters", required = true) long totalParameters,
            @JsonProperty(value = "activeParameters", required = true) long activeParameters,
            @JsonProperty(value = "layers", required = true) int layers,
            @JsonProperty(value = "hiddenSize", required = true) int hiddenSize,
            @JsonProperty(value = "attentionHeads", required = true) int attentionHeads,
            @JsonProperty(value = "kvHeads", required = true) int kvHeads,
            @JsonProperty(value = "headDim", required = true) int headDim,
            @JsonProperty(value = "ffnSize", required = true) int ffnSize,
            @JsonProperty(value = "vocabSize", required = true) int vocabSize,
            @JsonProperty(value = "attention", required = true) AttentionKind attention,
            @JsonProperty("kvLatentDim") Integer kvLatentDim,
            @JsonProperty("ropeHeadDim") Integer ropeHeadDim,
            @JsonProperty("slidingWindowTokens") Integer slidingWindowTokens,
            @JsonProperty("slidingWindowLayers") Integer slidingWindowLayers,
            @JsonProperty("moe") MoeSpec moe,
            @JsonProperty("aliases") List<String> aliases,
            @JsonProperty("source") String source) {
        return new ModelSpec(id, name, totalParameters, activeParameters, layers, hiddenSize, attentionHeads, kvHeads, headDim,
                ffnSize, vocabSize, attention, orZero(kvLatentDim), orZero(ropeHeadDim), orZero(slidingWindowTokens),
                orZero(slidingWindowLayers), moe, aliases, source);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public boolean isMoe() {
        return moe != null;
    }

    /** Parameters every token uses whatever its routing: everything but the routed experts. */
    public double alwaysActiveParameters() {
        return isMoe() ? totalParameters - moe.routedExpertParameters() : totalParameters;
    }

    /** Values cached per token and per layer that attends to the full context (K and V, or MLA's latent). */
    public double kvValuesPerTokenPerLayer() {
        return attention == AttentionKind.MLA ? kvLatentDim + ropeHeadDim : 2.0 * kvHeads * headDim;
    }

    /**
     * KV cache bytes one sequence holds at a context of {@code contextTokens}: sliding-window layers keep
     * only their window.
     */
    public double kvBytesPerSequence(double contextTokens, Precision kvPrecision) {
        double fullLayers = layers - slidingWindowLayers;
        double windowTokens = slidingWindowLayers == 0 ? 0 : Math.min(contextTokens, slidingWindowTokens);
        double tokenLayers = fullLayers * contextTokens + slidingWindowLayers * windowTokens;
        return tokenLayers * kvValuesPerTokenPerLayer() * kvPrecision.bytesPerValue();
    }

    /**
     * Attention score and value FLOPs for one new token attending to {@code contextTokens} earlier ones
     * (2 FLOPs per multiply-add, QK and PV). MLA computes attention in the latent space at decode.
     */
    public double attentionFlopsPerToken(double contextTokens) {
        double fullLayers = layers - slidingWindowLayers;
        double windowTokens = slidingWindowLayers == 0 ? 0 : Math.min(contextTokens, slidingWindowTokens);
        double attendedTokenLayers = fullLayers * contextTokens + slidingWindowLayers * windowTokens;
        double perAttendedToken = attention == AttentionKind.MLA
                ? 2.0 * attentionHeads * (2.0 * kvLatentDim + ropeHeadDim)
                : 2.0 * 2.0 * attentionHeads * headDim;
        return attendedTokenLayers * perAttendedToken;
    }
}
