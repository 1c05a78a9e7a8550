package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.nonNegative;

/**
 * The mean tokens of one request (one model call), split the way they are priced and the way they cost.
 *
 * @param uncachedInputTokens  prompt tokens prefill computes
 * @param cachedInputTokens    prompt tokens served from the prompt (prefix) cache
 * @param visibleOutputTokens  tokens the user sees
 * @param reasoningTokens      hidden reasoning tokens: generated like output, billed as output when the plan says so
 */
public record RequestTokens(double uncachedInputTokens, double cachedInputTokens, double visibleOutputTokens,
                            double reasoningTokens) {
    private static final double MAX = 10_000_000;

    public RequestTokens {
        nonNegative("uncachedInputTokens", uncachedInputTokens, MAX);
        nonNegative("cachedInputTokens", cachedInputTokens, MAX);
        nonNegative("visibleOutputTokens", visibleOutputTokens, MAX);
        nonNegative("reasoningTokens", reasoningTokens, MAX);
    }

    public double inputTokens() {
        return uncachedInputTokens + cachedInputTokens;
    }

    /** Tokens the model generates: visible output and hidden reasoning. */
    public double generatedTokens() {
        return visibleOutputTokens + reasoningTokens;
    }

    public double totalTokens() {
        return inputTokens() + generatedTokens();
    }

    public double billedOutputTokens(boolean billReasoning) {
        return visibleOutputTokens + (billReasoning ? reasoningTokens : 0);
    }

    /** Tokens on a customer's bill: all input and the billed output. */
    public double billedTokens(boolean billReasoning) {
        return inputTokens() + billedOutputTokens(billReasoning);
    }

    public double cacheHitRate() {
        return inputTokens() == 0 ? 0 : cachedInputTokens / inputTokens();
    }
}
