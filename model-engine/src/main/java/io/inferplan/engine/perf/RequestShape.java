package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;

/**
 * One request as the serving engine sees it.
 *
 * @param inputTokens         prompt tokens (mean)
 * @param outputTokens        generated tokens (mean), hidden reasoning tokens included: they cost the same to generate
 * @param promptCacheHitRate  share of input tokens found in the prefix cache (not recomputed at prefill)
 */
public record RequestShape(double inputTokens, double outputTokens, double promptCacheHitRate) {
    public static final double MAX_TOKENS = 10_000_000;

    public RequestShape {
        positive("request.inputTokens", inputTokens, MAX_TOKENS);
        positive("request.outputTokens", outputTokens, MAX_TOKENS);
        inRange("request.promptCacheHitRate", promptCacheHitRate, 0.0, 1.0);
    }

    public static RequestShape of(double inputTokens, double outputTokens) {
        return new RequestShape(inputTokens, outputTokens, 0.0);
    }

    /** Input tokens prefill actually computes. */
    public double uncachedInputTokens() {
        return inputTokens * (1 - promptCacheHitRate);
    }
}
