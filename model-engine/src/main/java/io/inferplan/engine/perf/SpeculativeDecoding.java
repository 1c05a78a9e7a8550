package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;

/**
 * Speculative decoding or multi-token prediction: {@code draftTokens} proposed per step, each accepted with
 * {@code acceptanceRate} (independently, the usual approximation).
 *
 * @param draftCostFraction cost of drafting per step relative to one target-model step (0 for MTP heads)
 */
public record SpeculativeDecoding(int draftTokens, double acceptanceRate, double draftCostFraction) {
    public SpeculativeDecoding {
        inRange("speculative.draftTokens", draftTokens, 1, 16);
        inRange("speculative.acceptanceRate", acceptanceRate, 0.0, 0.99);
        inRange("speculative.draftCostFraction", draftCostFraction, 0.0, 1.0);
    }

    /** Expected tokens emitted per target-model step: (1 - a^(k+1)) / (1 - a). */
    public double tokensPerStep() {
        return (1 - Math.pow(acceptanceRate, draftTokens + 1)) / (1 - acceptanceRate);
    }
}
