package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;

/** One bar of a token histogram: {@code share} of requests have about {@code tokens} tokens. */
public record HistogramBin(double tokens, double share) {
    public HistogramBin {
        nonNegative("tokens", tokens, TokenDistribution.MAX_TOKENS);
        inRange("share", share, 0, 1);
    }
}
