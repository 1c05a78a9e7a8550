package io.inferplan.engine.model;

import static io.inferplan.engine.Checks.inRange;

/**
 * Mixture-of-experts layout.
 *
 * @param routedExperts         routed experts per MoE layer
 * @param expertsPerToken       routed experts each token activates (top-k)
 * @param sharedExperts         always-active experts per MoE layer
 * @param parametersPerExpert   parameters of one expert in one layer
 * @param moeLayers             layers that are MoE (the rest are dense)
 */
public record MoeSpec(int routedExperts, int expertsPerToken, int sharedExperts, long parametersPerExpert, int moeLayers) {
    public MoeSpec {
        inRange("moe.routedExperts", routedExperts, 2, 4096);
        inRange("moe.expertsPerToken", expertsPerToken, 1, routedExperts);
        inRange("moe.sharedExperts", sharedExperts, 0, 64);
        inRange("moe.parametersPerExpert", parametersPerExpert, 1L, 1_000_000_000_000L);
        inRange("moe.moeLayers", moeLayers, 1, 1000);
    }

    /** Parameters of all routed experts of all MoE layers. */
    public double routedExpertParameters() {
        return (double) routedExperts * parametersPerExpert * moeLayers;
    }

    /**
     * Expected number of distinct routed experts a step with {@code tokens} tokens touches in one layer, with
     * uniform routing: E * (1 - (1 - k/E)^n). Weight traffic per step follows this, not all experts nor only k.
     */
    public double expectedExpertsTouched(double tokens) {
        if (tokens <= 0) {
            return 0;
        }
        double missProbability = 1.0 - (double) expertsPerToken / routedExperts;
        return routedExperts * (1.0 - Math.pow(missProbability, tokens));
    }
}
