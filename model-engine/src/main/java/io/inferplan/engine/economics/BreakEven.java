package io.inferplan.engine.economics;

/**
 * Where revenue covers every cost. Fixed costs are the monthly fixed costs plus, for owned or reserved fleets, the
 * fleet itself; contribution is revenue minus the serving cost that scales with volume (on-demand or spot rent).
 * Break-even volume x contribution = fixed costs.
 *
 * @param breakEvenTokensPerMonth      null when each token loses money (contribution at or below 0)
 * @param breakEvenRequestsPerSecond   the same volume as average requests per second of this scenario's shape
 * @param capacityTokensPerMonth       the volume the sized fleet can carry with the same peak-to-average shape
 * @param withinCapacity               break-even volume fits on the sized fleet (always true for rented on-demand fleets,
 *                                     which grow with demand)
 * @param breakEvenMonth               first month of the projection whose revenue covers all its costs; null if none
 * @param paybackMonth                 first month the cumulative cash (capex paid upfront) is back at or above 0; null if none
 * @param tiers                        each pricing tier's own break-even, as if all traffic paid its prices
 */
public record BreakEven(double fixedCostsUsdPerMonth, double contributionPerMillionTokensUsd, Double breakEvenTokensPerMonth,
                        Double breakEvenRequestsPerSecond, double capacityTokensPerMonth, boolean withinCapacity,
                        Integer breakEvenMonth, Integer paybackMonth, java.util.List<TierBreakEven> tiers) {

    public BreakEven {
        tiers = tiers == null ? java.util.List.of() : java.util.List.copyOf(tiers);
    }

    public static final double SECONDS_PER_MONTH = GpuHourCost.HOURS_PER_MONTH * 3600;

    /**
     * @param tokensPerRequest tokens of one request (all kinds), to express the volume as requests per second
     */
    public static BreakEven of(double fixedCostsUsdPerMonth, double contributionPerMillionTokensUsd, double tokensPerRequest,
                               double capacityTokensPerMonth, boolean fleetGrowsWithDemand, Integer breakEvenMonth,
                               Integer paybackMonth) {
        return of(fixedCostsUsdPerMonth, contributionPerMillionTokensUsd, tokensPerRequest, capacityTokensPerMonth,
                fleetGrowsWithDemand, breakEvenMonth, paybackMonth, java.util.List.of());
    }

    /** As above, with each tier's own break-even at the same fixed costs. */
    public static BreakEven of(double fixedCostsUsdPerMonth, double contributionPerMillionTokensUsd, double tokensPerRequest,
                               double capacityTokensPerMonth, boolean fleetGrowsWithDemand, Integer breakEvenMonth,
                               Integer paybackMonth, java.util.List<TierEconomics> tiers) {
        Double tokens = null;
        Double requestsPerSecond = null;
        if (contributionPerMillionTokensUsd > 0) {
            tokens = fixedCostsUsdPerMonth / contributionPerMillionTokensUsd * 1e6;
            requestsPerSecond = tokens / tokensPerRequest / SECONDS_PER_MONTH;
        }
        boolean within = tokens != null && (fleetGrowsWithDemand || tokens <= capacityTokensPerMonth);
        return new BreakEven(fixedCostsUsdPerMonth, contributionPerMillionTokensUsd, tokens, requestsPerSecond,
                capacityTokensPerMonth, within, breakEvenMonth, paybackMonth,
                tiers.stream().map(t -> TierBreakEven.of(t, fixedCostsUsdPerMonth, tokensPerRequest)).toList());
    }
}
