package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tiers a service sells at.
 *
 * @param billReasoningTokensAsOutput hidden reasoning tokens are billed as output tokens (the norm at OpenAI,
 *                                    Anthropic, Google and DeepSeek); default true
 */
public record PricingPlan(List<PricingTier> tiers, Boolean billReasoningTokensAsOutput) {
    /** Tolerance on the tiers' traffic shares adding up to 1, for shares typed as rounded percentages. */
    public static final double SHARE_TOLERANCE = 0.001;

    public PricingPlan {
        present("tiers", tiers);
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new InvalidInputException("tiers", "needs at least one pricing tier");
        }
        double total = tiers.stream().mapToDouble(PricingTier::trafficShare).sum();
        if (Math.abs(total - 1) > SHARE_TOLERANCE) {
            throw new InvalidInputException("tiers", "the tiers' trafficShare values must add up to 1 (100%), they add up to "
                    + Math.round(total * 1000) / 1000.0);
        }
        Set<String> names = new HashSet<>();
        for (PricingTier tier : tiers) {
            if (!names.add(tier.name())) {
                throw new InvalidInputException("tiers", "two tiers are named '" + tier.name() + "'");
            }
        }
        billReasoningTokensAsOutput = billReasoningTokensAsOutput == null || billReasoningTokensAsOutput;
    }

    public static PricingPlan of(PricingTier... tiers) {
        return new PricingPlan(List.of(tiers), true);
    }
}
