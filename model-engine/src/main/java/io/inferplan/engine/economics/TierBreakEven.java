package io.inferplan.engine.economics;

/**
 * Where one pricing tier would break even on its own: the monthly volume at which its prices, charged on every
 * token, would cover all fixed costs. A tier whose tokens each lose money (a free tier, a price below the serving
 * cost that scales with volume) never does; the blend's break-even depends on the traffic mix, this one does not.
 *
 * @param contributionPerMillionTokensUsd the tier's revenue minus the volume-dependent serving cost, per million tokens
 * @param breakEvenTokensPerMonth         null when the tier's contribution is at or below zero
 * @param breakEvenRequestsPerSecond      the same volume as average requests per second of this scenario's shape
 */
public record TierBreakEven(String name, double revenuePerMillionTokensUsd, double contributionPerMillionTokensUsd,
                            Double breakEvenTokensPerMonth, Double breakEvenRequestsPerSecond) {

    static TierBreakEven of(TierEconomics tier, double fixedCostsUsdPerMonth, double tokensPerRequest) {
        double contribution = tier.contributionPerMillionTokensUsd();
        if (!(contribution > 0) || tier.tokensPerMonth() <= 0) {
            return new TierBreakEven(tier.name(), tier.revenuePerMillionTokensUsd(), contribution, null, null);
        }
        double tokens = fixedCostsUsdPerMonth / contribution * 1e6;
        return new TierBreakEven(tier.name(), tier.revenuePerMillionTokensUsd(), contribution, tokens,
                tokens / tokensPerRequest / BreakEven.SECONDS_PER_MONTH);
    }
}
