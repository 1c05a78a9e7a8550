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
 * @param linearAttentionLayers layers with linear attention (Gated DeltaNet, Lightning): a fixed-size recurrent state
 *                             per sequence instead of a KV cache that grows with the context
 * @param linearStateValuesPerLayer values of that state per sequence and layer (recurrent state plus convolution
 *                             window); the whole state is read and written at every step
 * @param sparseAttentionTopTokens sparse attention (DeepSeek Sparse Attention): each new token attends to at most this
 *                             many earlier tokens chosen by an indexer; 0 when attention is dense
 * @param indexerHeads         sparse attention only: query heads of the indexer that scores every cached token
 * @param indexerHeadDim       sparse attention only: size of the indexer key cached per token and layer
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
        int linearAttentionLayers,
        long linearStateValuesPerLayer,
        int sparseAttentionTopTokens,
        int indexerHeads,
        int indexerHeadDim,
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
        inRange("model.linearAttentionLayers", linearAttentionLayers, 0, layers - slidingWindowLayers);
        inRange("model.linearStateValuesPerLayer", linearStateValuesPerLayer, linearAttentionLayers > 0 ? 1 : 0,
                linearAttentionLayers > 0 ? 1_000_000_000L : 0);
        inRange("model.sparseAttentionTopTokens", sparseAttentionTopTokens, 0, 100_000_000);
        if (sparseAttentionTopTokens > 0) {
            inRange("model.indexerHeads", indexerHeads, 1, 4096);
            inRange("model.indexerHeadDim", indexerHeadDim, 1, 4096);
        } else {
            inRange("model.indexerHeads", indexerHeads, 0, 0);
            inRange("model.indexerHeadDim", indexerHeadDim, 0, 0);
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

    /** Without linear or sparse attention: the form every preset had before those were modelled. */
    public ModelSpec(String id, String name, long totalParameters, long activeParameters, int layers, int hiddenSize,
                     int attentionHeads, int kvHeads, int headDim, int ffnSize, int vocabSize, AttentionKind attention,
                     int kvLatentDim, int ropeHeadDim, int slidingWindowTokens, int slidingWindowLayers, MoeSpec moe,
                     List<String> aliases, String source) {
        this(id, name, totalParameters, activeParameters, layers, hiddenSize, attentionHeads, kvHeads, headDim, ffnSize,
                vocabSize, attention, kvLatentDim, ropeHeadDim, slidingWindowTokens, slidingWindowLayers, 0, 0, 0, 0, 0,
                moe, aliases, source);
    }

    /** JSON form: the MLA, sliding-window, linear- and sparse-attention fields are optional (absent means none). */
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
            @JsonProperty("linearAttentionLayers") Integer linearAttentionLayers,
            @JsonProperty("linearStateValuesPerLayer") Long linearStateValuesPerLayer,
            @JsonProperty("sparseAttentionTopTokens") Integer sparseAttentionTopTokens,
            @JsonProperty("indexerHeads") Integer indexerHeads,
            @JsonProperty("indexerHeadDim") Integer indexerHeadDim,
            @JsonProperty("moe") MoeSpec moe,
            @JsonProperty("aliases") List<String> aliases,
            @JsonProperty("source") String source) {
        return new ModelSpec(id, name, totalParameters, activeParameters, layers, hiddenSize, attentionHeads, kvHeads, headDim,
                ffnSize, vocabSize, attention, orZero(kvLatentDim), orZero(ropeHeadDim), orZero(slidingWindowTokens),
                orZero(slidingWindowLayers), orZero(linearAttentionLayers),
                linearStateValuesPerLayer == null ? 0 : linearStateValuesPerLayer, orZero(sparseAttentionTopTokens),
                orZero(indexerHeads), orZero(indexerHeadDim), moe, aliases, source);
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

    /** Layers whose attention spans the whole context (neither sliding-window nor linear). */
    public int fullAttentionLayers() {
        return layers - slidingWindowLayers - linearAttentionLayers;
    }

    public boolean hasSparseAttention() {
        return sparseAttentionTopTokens > 0;
    }

    public boolean hasLinearAttention() {
        return linearAttentionLayers > 0;
    }

    /** Token-layers of K/V (or latent) one sequence caches at this context: sliding-window layers keep only their window. */
    private double cachedTokenLayers(double contextTokens) {
        double windowTokens = slidingWindowLayers == 0 ? 0 : Math.min(contextTokens, slidingWindowTokens);
        return fullAttentionLayers() * contextTokens + slidingWindowLayers * windowTokens;
    }

    /**
     * Token-layers one new token attends to: sparse attention reads only its top tokens of each full layer (the
     * indexer picks them; its own keys are counted separately).
     */
    private double attendedTokenLayers(double contextTokens) {
        double windowTokens = slidingWindowLayers == 0 ? 0 : Math.min(contextTokens, slidingWindowTokens);
        double fullTokens = hasSparseAttention() ? Math.min(contextTokens, sparseAttentionTopTokens) : contextTokens;
        return fullAttentionLayers() * fullTokens + slidingWindowLayers * windowTokens;
    }

    /**
     * Bytes of one sequence's linear-attention state. Serving stacks keep it in FP32 whatever the KV precision
     * (vLLM and SGLang default the Mamba/GDN state to float32; Qwen3.5 configs say mamba_ssm_dtype float32).
     */
    public double linearStateBytesPerSequence() {
        return (double) linearAttentionLayers * linearStateValuesPerLayer * Precision.FP32.bytesPerValue();
    }

    /**
     * KV cache bytes one sequence holds at a context of {@code contextTokens}: sliding-window layers keep only
     * their window, the sparse-attention indexer keeps a key per token and layer, linear layers a fixed state.
     */
    public double kvBytesPerSequence(double contextTokens, Precision kvPrecision) {
        double indexerKeys = hasSparseAttention() ? cachedTokenLayers(contextTokens) * indexerHeadDim : 0;
        return (cachedTokenLayers(contextTokens) * kvValuesPerTokenPerLayer() + indexerKeys) * kvPrecision.bytesPerValue()
                + linearStateBytesPerSequence();
    }

    /**
     * KV bytes one decode step reads for one sequence: with sparse attention only the top tokens' latents but every
     * indexer key (the indexer scores the whole context); the linear state is read and written back.
     */
    public double kvBytesReadPerStep(double contextTokens, Precision kvPrecision) {
        double indexerKeys = hasSparseAttention() ? cachedTokenLayers(contextTokens) * indexerHeadDim : 0;
        return (attendedTokenLayers(contextTokens) * kvValuesPerTokenPerLayer() + indexerKeys) * kvPrecision.bytesPerValue()
                + 2 * linearStateBytesPerSequence();
    }

    /**
     * Attention score and value FLOPs for one new token attending to {@code contextTokens} earlier ones
     * (2 FLOPs per multiply-add, QK and PV). MLA computes attention in the latent space at decode; a sparse
     * indexer scores every cached token; a linear layer updates and reads its state (about 4 FLOPs per value).
     */
    public double attentionFlopsPerToken(double contextTokens) {
        double perAttendedToken = attention == AttentionKind.MLA
                ? 2.0 * attentionHeads * (2.0 * kvLatentDim + ropeHeadDim)
                : 2.0 * 2.0 * attentionHeads * headDim;
        return attentionFlopsPerToken(contextTokens, perAttendedToken);
    }

    /**
     * Attention FLOPs for one prompt token at prefill. Serving stacks run MLA's prefill in its expanded (multi-head)
     * form: the latent is projected up to per-head keys and values once per token (those FLOPs are in the parameter
     * count), then each head scores over head + rotary dims and mixes head dims of values, about a third of the
     * latent-space (absorbed) form that decode uses with 512-dim latents. Other attention kinds as at decode.
     */
    public double prefillAttentionFlopsPerToken(double contextTokens) {
        if (attention != AttentionKind.MLA) {
            return attentionFlopsPerToken(contextTokens);
        }
        return attentionFlopsPerToken(contextTokens, 2.0 * attentionHeads * (2.0 * headDim + ropeHeadDim));
    }

    private double attentionFlopsPerToken(double contextTokens, double perAttendedToken) {
        double indexer = hasSparseAttention() ? cachedTokenLayers(contextTokens) * 2.0 * indexerHeads * indexerHeadDim : 0;
        double linear = 4.0 * linearAttentionLayers * linearStateValuesPerLayer;
        return attendedTokenLayers(contextTokens) * perAttendedToken + indexer + linear;
    }
}
