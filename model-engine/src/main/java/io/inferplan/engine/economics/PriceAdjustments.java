package io.inferplan.engine.economics;

import java.util.List;

/**
 * Turns a tier's list prices into what is actually collected: volume brackets, committed-use discounts and
 * prepaid credits, applied in that order, as one factor on list revenue.
 */
public final class PriceAdjustments {
    private PriceAdjustments() {
    }

    /**
     * Share of list price collected for a tier whose customers together use {@code tierMillionTokensPerMonth}.
     * Revenue = list revenue x this factor.
     */
    public static double collectedShareOfList(PricingTier tier, double tierMillionTokensPerMonth) {
        double perCustomer = tierMillionTokensPerMonth / tier.customers();
        double afterVolume = 1 - averageVolumeDiscount(tier.volumeDiscounts(), perCustomer);
        double afterCommitted = afterVolume * (1 - tier.committedShareOfTraffic() * tier.committedUseDiscountShare());
        // Prepaid: a customer pays P for P x (1 + bonus) of credit and uses (1 - breakage) of it, so each dollar of
        // list-priced usage brings 1 / ((1 + bonus) x (1 - breakage)) dollars.
        double prepaidFactor = 1 / ((1 + tier.prepaidBonusShare()) * (1 - tier.prepaidBreakageShare()));
        double prepaidMix = (1 - tier.prepaidShareOfTraffic()) + tier.prepaidShareOfTraffic() * prepaidFactor;
        return afterCommitted * prepaidMix;
    }

    /** Average discount over a customer's {@code millionTokens}, with brackets applied marginally. */
    public static double averageVolumeDiscount(List<VolumeDiscount> brackets, double millionTokens) {
        if (brackets.isEmpty() || millionTokens <= 0) {
            return 0;
        }
        double discounted = 0;
        for (int i = 0; i < brackets.size(); i++) {
            double from = brackets.get(i).fromMillionTokensPerMonth();
            double to = i + 1 < brackets.size() ? brackets.get(i + 1).fromMillionTokensPerMonth() : Double.POSITIVE_INFINITY;
            double inBracket = Math.max(0, Math.min(millionTokens, to) - from);
            discounted += inBracket * brackets.get(i).discountShare();
        }
        return discounted / millionTokens;
    }
}
