package io.inferplan.engine.model;

/** How attention keys and values are stored, which decides the KV cache per token. */
public enum AttentionKind {
    /** Multi-head: one K and one V head per query head. */
    MHA,
    /** Grouped-query: fewer KV heads shared by groups of query heads. */
    GQA,
    /** Multi-head latent attention (DeepSeek): one compressed latent vector plus a rotary key per layer. */
    MLA
}
