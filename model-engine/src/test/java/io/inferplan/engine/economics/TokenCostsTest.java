package io.inferplan.engine.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenCostsTest {
    private static final RequestTokens TOKENS = new RequestTokens(900, 100, 300, 200);

    @Test
    void prefillTimeGoesToInputAndDecodeTimeToGeneratedTokens() {
        TokenCosts costs = TokenCosts.attribute(0.01, 0.2, TOKENS);
        // Prefill: $0.002 over 900 + 0.1 x 100 = 910 charged input tokens.
        assertEquals(0.002 / 910 * 1e6, costs.costPerMillionInputTokensUsd(), 1e-9);
        assertEquals(0.002 / 910 * 1e6 * 0.1, costs.costPerMillionCachedInputTokensUsd(), 1e-9);
        // Decode: $0.008 over 300 visible + 200 reasoning tokens = $16 per million.
        assertEquals(16.0, costs.costPerMillionOutputTokensUsd(), 1e-9);
        // Blended: $0.01 over 1,500 tokens.
        assertEquals(0.01 / 1500 * 1e6, costs.costPerMillionTokensBlendedUsd(), 1e-9);
    }

    @Test
    void partsAlwaysAddUpToTheCostPerRequest() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            RequestTokens tokens = new RequestTokens(random.nextDouble() * 10_000, random.nextDouble() * 10_000,
                    1 + random.nextDouble() * 2000, random.nextDouble() * 5000);
            double cost = random.nextDouble();
            TokenCosts costs = TokenCosts.attribute(cost, random.nextDouble(), tokens);
            assertEquals(cost, costs.costOf(tokens), 1e-9 * Math.max(1, cost));
        }
    }
}
