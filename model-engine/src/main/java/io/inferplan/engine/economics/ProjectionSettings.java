package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;

/**
 * How the scenario moves month by month. Every field is optional in JSON; absent means no change (and 36 months).
 *
 * @param months                        horizon (1-240, default 36)
 * @param demandGrowthPerMonth          compound growth of requests per month (0.05 = +5% a month); may be negative
 * @param priceDeclinePerYear           list prices fall this share a year, compounding monthly (0.3 = -30% a year)
 * @param hardwareCostDeclinePerYear    rental rates and purchase prices fall this share a year
 * @param reasoningTokenGrowthPerYear   hidden reasoning tokens per request grow this share a year, stepping at each
 *                                      anniversary (models change in releases, not smoothly)
 * @param contextGrowthPerYear          input tokens per request (agents' contexts) grow this share a year, also in yearly steps
 * @param priceElasticity               demand responds to price: demand x (price / starting price)^-elasticity (0 = none)
 * @param newGeneration                 from a chosen month, new capacity is a newer accelerator (null: none)
 */
public record ProjectionSettings(Integer months, Double demandGrowthPerMonth, Double priceDeclinePerYear,
                                 Double hardwareCostDeclinePerYear, Double reasoningTokenGrowthPerYear,
                                 Double contextGrowthPerYear, Double priceElasticity, NewGeneration newGeneration) {
    public static final int DEFAULT_MONTHS = 36;

    public ProjectionSettings {
        months = inRange("months", months == null ? DEFAULT_MONTHS : months, 1, 240);
        demandGrowthPerMonth = inRange("demandGrowthPerMonth", orZero(demandGrowthPerMonth), -0.5, 2);
        priceDeclinePerYear = inRange("priceDeclinePerYear", orZero(priceDeclinePerYear), -1, 0.99);
        hardwareCostDeclinePerYear = inRange("hardwareCostDeclinePerYear", orZero(hardwareCostDeclinePerYear), -1, 0.99);
        reasoningTokenGrowthPerYear = inRange("reasoningTokenGrowthPerYear", orZero(reasoningTokenGrowthPerYear), -0.9, 10);
        contextGrowthPerYear = inRange("contextGrowthPerYear", orZero(contextGrowthPerYear), -0.9, 10);
        priceElasticity = inRange("priceElasticity", orZero(priceElasticity), 0, 5);
        if (newGeneration != null && newGeneration.fromMonth() > months) {
            throw new io.inferplan.engine.InvalidInputException("newGeneration.fromMonth",
                    "must be within the horizon (1 to " + months + "), was " + newGeneration.fromMonth());
        }
    }

    /** 36 months with nothing changing. */
    public static ProjectionSettings flat() {
        return new ProjectionSettings(null, null, null, null, null, null, null, null);
    }

    /** Price relative to month 1 in {@code month} (1-based). */
    public double priceFactor(int month) {
        return Math.pow(1 - priceDeclinePerYear, (month - 1) / 12.0);
    }

    /** Hardware prices and rental rates relative to month 1. */
    public double hardwareCostFactor(int month) {
        return Math.pow(1 - hardwareCostDeclinePerYear, (month - 1) / 12.0);
    }

    /** Requests relative to month 1: compound growth, then the response to the price change. */
    public double demandFactor(int month) {
        return Math.pow(1 + demandGrowthPerMonth, month - 1) * Math.pow(priceFactor(month), -priceElasticity);
    }

    /** Reasoning tokens per request relative to month 1; steps once a year. */
    public double reasoningTokenFactor(int month) {
        return Math.pow(1 + reasoningTokenGrowthPerYear, (month - 1) / 12);
    }

    /** Input tokens per request relative to month 1; steps once a year. */
    public double contextFactor(int month) {
        return Math.pow(1 + contextGrowthPerYear, (month - 1) / 12);
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }
}
