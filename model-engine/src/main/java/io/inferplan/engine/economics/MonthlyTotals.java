package io.inferplan.engine.economics;

import java.util.List;

/**
 * The whole service over one month at the scenario's volume.
 *
 * @param servingCostUsdPerMonth      the GPU fleet
 * @param fixedCostsUsdPerMonth       the scenario's fixed monthly costs (staff, licences); the fleet is not in here
 * @param grossMarginPercent          (revenue - serving cost) / revenue; null when there is no revenue
 * @param operatingProfitUsdPerMonth  revenue - serving cost - fixed costs
 * @param contributionPerMillionTokensUsd revenue minus variable serving cost, per million tokens of all kinds
 */
public record MonthlyTotals(double requestsPerMonth, double tokensPerMonth, double revenueUsdPerMonth,
                            double servingCostUsdPerMonth, double grossMarginUsdPerMonth, Double grossMarginPercent,
                            double fixedCostsUsdPerMonth, double operatingProfitUsdPerMonth,
                            double revenuePerMillionTokensUsd, double contributionPerMillionTokensUsd) {

    public static MonthlyTotals of(List<TierEconomics> tiers, double servingCostUsdPerMonth, double variableCostUsdPerMonth,
                                   double fixedCostsUsdPerMonth) {
        double requests = tiers.stream().mapToDouble(TierEconomics::requestsPerMonth).sum();
        double tokens = tiers.stream().mapToDouble(TierEconomics::tokensPerMonth).sum();
        double revenue = tiers.stream().mapToDouble(TierEconomics::revenueUsdPerMonth).sum();
        double margin = revenue - servingCostUsdPerMonth;
        double perMillion = tokens > 0 ? 1e6 / tokens : 0;
        return new MonthlyTotals(requests, tokens, revenue, servingCostUsdPerMonth, margin,
                TierEconomics.percentOf(margin, revenue), fixedCostsUsdPerMonth, margin - fixedCostsUsdPerMonth,
                revenue * perMillion, (revenue - variableCostUsdPerMonth) * perMillion);
    }
}
