package io.inferplan.engine.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One route over a month. Its cost is its deployment's fleet plus, for a cascade, the escalation's; the router's cost
 * is shared by traffic; its revenue is what its requests bring at the scenario's tier prices.
 *
 * @param gpus                           GPUs of the route's deployment plus its escalation's
 * @param servingCostUsdPerMonth         the route's fleets (deployment and escalation)
 * @param routerCostUsdPerMonth          its traffic share of the router's cost
 * @param grossMarginUsdPerMonth         revenue - serving cost - router cost
 * @param grossMarginPercent             over revenue; null when the route brings no revenue
 * @param costPerMillionInputTokensUsd   cost of the route's uncached input tokens (escalation's prefill included)
 * @param costPerMillionOutputTokensUsd  cost of the route's generated tokens (escalation's decode included)
 * @param timeToFirstTokenSeconds        mean over the route's requests; an escalated request waits for the small
 *                                       model's whole answer and then the large model's first token
 * @param timePerOutputTokenSeconds      mean over the route's requests (an escalated one streams at the large model's pace)
 * @param shareOfCostPercent             the route's serving cost over all routes' serving cost
 * @param errorBandPercent               the widest expected error of its performance figures
 * @param escalation                     the cascade's larger model; null when the route escalates nothing
 * @param result                         the route's own evaluation (its share of the traffic on its deployment)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteResult(String name, double trafficShare, String model, String accelerator, int gpus,
                          double servingCostUsdPerMonth, double routerCostUsdPerMonth, double revenueUsdPerMonth,
                          double grossMarginUsdPerMonth, Double grossMarginPercent, double costPerMillionInputTokensUsd,
                          double costPerMillionOutputTokensUsd, double timeToFirstTokenSeconds,
                          double timePerOutputTokenSeconds, double shareOfCostPercent, double errorBandPercent,
                          EscalationResult escalation, @JsonIgnore ScenarioResult result) {

    /** Serving and router cost together. */
    public double costUsdPerMonth() {
        return servingCostUsdPerMonth + routerCostUsdPerMonth;
    }

    /**
     * A cascade's larger model serving the escalated requests.
     *
     * @param share                            share of the route's requests that escalate
     * @param escalatedTimeToFirstTokenSeconds what an escalated request waits for its first token
     * @param result                           the escalation's own evaluation
     */
    public record EscalationResult(double share, String model, String accelerator, int gpus, double servingCostUsdPerMonth,
                                   double timeToFirstTokenSeconds, double timePerOutputTokenSeconds,
                                   double escalatedTimeToFirstTokenSeconds, @JsonIgnore ScenarioResult result) {
    }
}
