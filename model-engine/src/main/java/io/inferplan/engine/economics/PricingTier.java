package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.text;

import io.inferplan.engine.InvalidInputException;
import java.util.Comparator;
import java.util.List;

/**
 * One price list (premium, mid, commodity or the user's own) and the share of traffic that buys at it.
 * Every tier serves the same request shape on the same fleet; tiers differ in what customers pay.
 *
 * @param trafficShare                     share of all requests in this tier (the tiers' shares add up to 1)
 * @param usdPerMillionInputTokens         list price of uncached input
 * @param usdPerMillionCachedInputTokens   list price of input served from the prompt cache
 * @param usdPerMillionOutputTokens        list price of output (hidden reasoning tokens included when the plan bills them)
 * @param customers                        customers sharing the tier's volume evenly; volume brackets apply per customer (default 1)
 * @param volumeDiscounts                  marginal brackets on each customer's monthly tokens (may be empty)
 * @param committedShareOfTraffic          share of the tier's traffic bought under a committed-use contract
 * @param committedUseDiscountShare        discount those contracts give
 * @param prepaidShareOfTraffic            share of the tier's traffic paid with prepaid credits
 * @param prepaidBonusShare                extra credit granted on a purchase (0.1: pay 100, get 110 of credit)
 * @param prepaidBreakageShare             share of prepaid credit that expires unused (revenue with no serving cost)
 */
public record PricingTier(String name, double trafficShare, double usdPerMillionInputTokens,
                          double usdPerMillionCachedInputTokens, double usdPerMillionOutputTokens, Integer customers,
                          List<VolumeDiscount> volumeDiscounts, Double committedShareOfTraffic,
                          Double committedUseDiscountShare, Double prepaidShareOfTraffic, Double prepaidBonusShare,
                          Double prepaidBreakageShare) {

    /** The highest list price accepted, USD per million tokens. */
    public static final double MAX_PRICE = 100_000;

    public PricingTier {
        name = text("name", name);
        inRange("trafficShare", trafficShare, 0, 1);
        nonNegative("usdPerMillionInputTokens", usdPerMillionInputTokens, MAX_PRICE);
        nonNegative("usdPerMillionCachedInputTokens", usdPerMillionCachedInputTokens, MAX_PRICE);
        nonNegative("usdPerMillionOutputTokens", usdPerMillionOutputTokens, MAX_PRICE);
        customers = inRange("customers", customers == null ? 1 : customers, 1, 100_000_000);
        volumeDiscounts = volumeDiscounts == null ? List.of()
                : volumeDiscounts.stream().sorted(Comparator.comparingDouble(VolumeDiscount::fromMillionTokensPerMonth)).toList();
        for (int i = 1; i < volumeDiscounts.size(); i++) {
            if (volumeDiscounts.get(i).fromMillionTokensPerMonth() == volumeDiscounts.get(i - 1).fromMillionTokensPerMonth()) {
                throw new InvalidInputException("volumeDiscounts", "two brackets start at the same volume ("
                        + volumeDiscounts.get(i).fromMillionTokensPerMonth() + " million tokens per month)");
            }
        }
        committedShareOfTraffic = inRange("committedShareOfTraffic", orZero(committedShareOfTraffic), 0, 1);
        committedUseDiscountShare = inRange("committedUseDiscountShare", orZero(committedUseDiscountShare), 0, 1);
        prepaidShareOfTraffic = inRange("prepaidShareOfTraffic", orZero(prepaidShareOfTraffic), 0, 1);
        prepaidBonusShare = inRange("prepaidBonusShare", orZero(prepaidBonusShare), 0, 10);
        prepaidBreakageShare = inRange("prepaidBreakageShare", orZero(prepaidBreakageShare), 0, 0.99);
    }

    /** A tier at list prices with no discounts. */
    public static PricingTier simple(String name, double trafficShare, double input, double cachedInput, double output) {
        return new PricingTier(name, trafficShare, input, cachedInput, output, 1, List.of(), 0.0, 0.0, 0.0, 0.0, 0.0);
    }

    /** The same tier with every list price multiplied by {@code factor} (for price-decline projections and sliders). */
    public PricingTier withPricesScaled(double factor) {
        return new PricingTier(name, trafficShare, usdPerMillionInputTokens * factor, usdPerMillionCachedInputTokens * factor,
                usdPerMillionOutputTokens * factor, customers, volumeDiscounts, committedShareOfTraffic,
                committedUseDiscountShare, prepaidShareOfTraffic, prepaidBonusShare, prepaidBreakageShare);
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }
}
