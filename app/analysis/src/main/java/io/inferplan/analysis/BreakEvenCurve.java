package io.inferplan.analysis;

/**
 * Monthly revenue and cost against monthly token volume (the break-even chart's data).
 *
 * @param millionTokensPerMonth    x values (all tokens, input and output)
 * @param breakEvenMillionTokensPerMonth null when revenue never catches up with cost
 * @param tiers                          one line per tier (empty with a single tier: it is the blend)
 */
public record BreakEvenCurve(double[] millionTokensPerMonth, double[] revenueUsdPerMonth, double[] costUsdPerMonth,
                    Double breakEvenMillionTokensPerMonth, double currentMillionTokensPerMonth, java.util.List<TierLine> tiers) {
    public BreakEvenCurve {
        tiers = tiers == null ? java.util.List.of() : java.util.List.copyOf(tiers);
    }

    /**
     * @param revenueUsdPerMonth             the tier's revenue at each x, as if every token paid its prices
     * @param breakEvenMillionTokensPerMonth where that revenue covers the cost; null when it never does
     */
    public record TierLine(String name, double[] revenueUsdPerMonth, Double breakEvenMillionTokensPerMonth) {
    }
}
