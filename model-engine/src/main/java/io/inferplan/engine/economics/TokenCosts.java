package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;

/**
 * Cost of serving, per million tokens of each kind, at the fleet's actual (average) utilisation.
 *
 * <p>Attribution: the replica's time on prefill (its prefill time share) is charged to input tokens, the rest
 * (decode) to generated tokens. A cached input token skips prefill but is still read from the cache and held in
 * memory; it is charged {@link #CACHED_INPUT_COST_FACTOR} of an uncached one. The parts add up exactly to the cost
 * per request.
 *
 * @param costPerMillionTokensBlendedUsd  cost per request over all its tokens (input, cached input, output, reasoning)
 */
public record TokenCosts(double costPerMillionInputTokensUsd, double costPerMillionCachedInputTokensUsd,
                         double costPerMillionOutputTokensUsd, double costPerMillionTokensBlendedUsd,
                         double costPerRequestUsd) {

    /** Cost of a prompt-cache hit relative to computing the token, in line with providers' cached-input discounts. */
    public static final double CACHED_INPUT_COST_FACTOR = 0.1;

    public static TokenCosts attribute(double costPerRequestUsd, double prefillTimeShare, RequestTokens tokens) {
        nonNegative("costPerRequestUsd", costPerRequestUsd, 1e12);
        inRange("prefillTimeShare", prefillTimeShare, 0, 1);
        double prefillCost = costPerRequestUsd * prefillTimeShare;
        double decodeCost = costPerRequestUsd - prefillCost;
        double chargedInputTokens = tokens.uncachedInputTokens() + CACHED_INPUT_COST_FACTOR * tokens.cachedInputTokens();
        double perInputToken = chargedInputTokens > 0 ? prefillCost / chargedInputTokens : 0;
        double perOutputToken = tokens.generatedTokens() > 0 ? decodeCost / tokens.generatedTokens() : 0;
        double perToken = tokens.totalTokens() > 0 ? costPerRequestUsd / tokens.totalTokens() : 0;
        return new TokenCosts(perInputToken * 1e6, perInputToken * CACHED_INPUT_COST_FACTOR * 1e6, perOutputToken * 1e6,
                perToken * 1e6, costPerRequestUsd);
    }

    /** What one request costs rebuilt from the per-token rates: equals {@link #costPerRequestUsd()}. */
    public double costOf(RequestTokens tokens) {
        return (tokens.uncachedInputTokens() * costPerMillionInputTokensUsd
                + tokens.cachedInputTokens() * costPerMillionCachedInputTokensUsd
                + tokens.generatedTokens() * costPerMillionOutputTokensUsd) / 1e6;
    }
}
