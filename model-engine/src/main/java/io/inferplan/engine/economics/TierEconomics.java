package io.inferplan.engine.economics;

/**
 * One pricing tier over a month: what it brings in, what serving it costs, what is left.
 *
 * @param collectedShareOfList          share of list price actually collected after discounts and credits
 * @param revenuePerMillionTokensUsd    collected revenue over the tier's tokens (all input and generated tokens)
 * @param grossMarginPercent            gross margin over revenue; null when the tier brings no revenue
 * @param contributionPerMillionTokensUsd revenue minus variable serving cost, per million tokens
 */
public record TierEconomics(String name, double trafficShare, double requestsPerMonth, double tokensPerMonth,
                            double collectedShareOfList, double revenuePerMillionTokensUsd, double revenueUsdPerMonth,
                            double servingCostUsdPerMonth, double grossMarginUsdPerMonth, Double grossMarginPercent,
                            double contributionPerMillionTokensUsd) {

    /**
     * @param totalRequestsPerMonth     requests of all tiers together
     * @param costPerRequestUsd         serving cost of one request (the same in every tier)
     * @param variableCostPerRequestUsd the part of it that scales with volume (0 for owned or reserved fleets)
     */
    public static TierEconomics of(PricingTier tier, boolean billReasoning, RequestTokens tokens, double totalRequestsPerMonth,
                                   double costPerRequestUsd, double variableCostPerRequestUsd) {
        double requests = totalRequestsPerMonth * tier.trafficShare();
        double tokensPerMonth = requests * tokens.totalTokens();
        double listPerRequest = listRevenuePerRequestUsd(tier, tokens, billReasoning);
        double collected = PriceAdjustments.collectedShareOfList(tier, requests * tokens.billedTokens(billReasoning) / 1e6);
        double revenue = requests * listPerRequest * collected;
        double cost = requests * costPerRequestUsd;
        double margin = revenue - cost;
        double perMillion = tokensPerMonth > 0 ? 1e6 / tokensPerMonth : 0;
        return new TierEconomics(tier.name(), tier.trafficShare(), requests, tokensPerMonth, collected, revenue * perMillion,
                revenue, cost, margin, percentOf(margin, revenue),
                (revenue - requests * variableCostPerRequestUsd) * perMillion);
    }

    /** List-price revenue of one request: uncached input, cached input and billed output at their prices. */
    public static double listRevenuePerRequestUsd(PricingTier tier, RequestTokens tokens, boolean billReasoning) {
        return (tokens.uncachedInputTokens() * tier.usdPerMillionInputTokens()
                + tokens.cachedInputTokens() * tier.usdPerMillionCachedInputTokens()
                + tokens.billedOutputTokens(billReasoning) * tier.usdPerMillionOutputTokens()) / 1e6;
    }

    static Double percentOf(double part, double whole) {
        return whole > 0 ? 100 * part / whole : null;
    }
}
