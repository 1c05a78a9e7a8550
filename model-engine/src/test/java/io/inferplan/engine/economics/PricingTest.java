package io.inferplan.engine.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PricingTest {
    private static final RequestTokens TOKENS = new RequestTokens(900, 100, 300, 200);

    @Test
    void volumeBracketsAreMarginal() {
        List<VolumeDiscount> brackets = List.of(new VolumeDiscount(0, 0), new VolumeDiscount(100, 0.1), new VolumeDiscount(1000, 0.2));
        // 2,000 M tokens: 900 M at 10% and 1,000 M at 20% -> 290 / 2,000 = 14.5%.
        assertEquals(0.145, PriceAdjustments.averageVolumeDiscount(brackets, 2000), 1e-12);
        assertEquals(0.0, PriceAdjustments.averageVolumeDiscount(brackets, 50), 1e-12);
        // A bill (volume x (1 - discount)) never falls as volume grows.
        double previousBill = 0;
        for (double volume = 1; volume < 5000; volume += 7) {
            double bill = volume * (1 - PriceAdjustments.averageVolumeDiscount(brackets, volume));
            assertTrue(bill >= previousBill - 1e-9);
            previousBill = bill;
        }
    }

    @Test
    void discountsCommitmentsAndCreditsCombineIntoOneFactor() {
        PricingTier tier = new PricingTier("enterprise", 1, 3, 0.3, 15, 1,
                List.of(new VolumeDiscount(100, 0.1), new VolumeDiscount(1000, 0.2)), 0.5, 0.2, 0.2, 0.1, 0.05);
        // Volume: 14.5% off; committed: half the traffic at 20% off = x0.9;
        // prepaid: a fifth of traffic at 1 / (1.1 x 0.95) = 0.956938 -> x0.991388.
        assertEquals(0.855 * 0.9 * (0.8 + 0.2 / (1.1 * 0.95)), PriceAdjustments.collectedShareOfList(tier, 2000), 1e-12);
        // Ten customers share the volume: 200 M each, 100 M of it at 10% -> 5% off.
        PricingTier shared = new PricingTier("shared", 1, 3, 0.3, 15, 10, tier.volumeDiscounts(), 0.0, 0.0, 0.0, 0.0, 0.0);
        assertEquals(0.95, PriceAdjustments.collectedShareOfList(shared, 2000), 1e-12);
    }

    @Test
    void tierRevenueCostAndMarginByHand() {
        PricingTier tier = PricingTier.simple("mid", 0.5, 3, 0.3, 15);
        TierEconomics economics = TierEconomics.of(tier, true, TOKENS, 1_000_000, 0.004, 0.004);
        // Per request: (900 x 3 + 100 x 0.3 + 500 x 15) / 1e6 = $0.01023; 500,000 requests.
        assertEquals(5115, economics.revenueUsdPerMonth(), 1e-6);
        assertEquals(2000, economics.servingCostUsdPerMonth(), 1e-9);
        assertEquals(3115, economics.grossMarginUsdPerMonth(), 1e-6);
        assertEquals(100 * 3115 / 5115.0, economics.grossMarginPercent(), 1e-9);
        assertEquals(3115 / (500_000 * 1500.0) * 1e6, economics.contributionPerMillionTokensUsd(), 1e-9);
        // Reasoning not billed: 300 output tokens instead of 500.
        assertEquals(500_000.0 * (2700 + 30 + 4500) / 1e6, TierEconomics.of(tier, false, TOKENS, 1_000_000, 0, 0).revenueUsdPerMonth(), 1e-6);
    }

    @Test
    void freeTierHasNoMarginPercent() {
        TierEconomics free = TierEconomics.of(PricingTier.simple("free", 1, 0, 0, 0), true, TOKENS, 1000, 0.01, 0.01);
        assertNull(free.grossMarginPercent());
        assertEquals(-10, free.grossMarginUsdPerMonth(), 1e-9);
    }

    @Test
    void higherPriceNeverLowersMargin() {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            PricingTier tier = new PricingTier("t", 1, random.nextDouble() * 10, random.nextDouble(), random.nextDouble() * 40, 1 + random.nextInt(50),
                    List.of(new VolumeDiscount(random.nextDouble() * 1000, random.nextDouble() * 0.5)),
                    random.nextDouble(), random.nextDouble() * 0.5, random.nextDouble(), random.nextDouble(), random.nextDouble() * 0.5);
            double requests = random.nextDouble() * 1e9;
            double cost = random.nextDouble() * 0.05;
            double factor = 1 + random.nextDouble();
            double before = TierEconomics.of(tier, true, TOKENS, requests, cost, cost).grossMarginUsdPerMonth();
            double after = TierEconomics.of(tier.withPricesScaled(factor), true, TOKENS, requests, cost, cost).grossMarginUsdPerMonth();
            assertTrue(after >= before - 1e-6 * Math.abs(before), "price x" + factor + " lowered the margin: " + before + " -> " + after);
        }
    }

    @Test
    void tierSharesMustAddUpToOne() {
        var e = assertThrows(InvalidInputException.class, () -> PricingPlan.of(PricingTier.simple("a", 0.5, 1, 0.1, 2),
                PricingTier.simple("b", 0.4, 1, 0.1, 2)));
        assertEquals("tiers", e.field());
        assertTrue(e.getMessage().contains("add up to 0.9"), e.getMessage());
    }
}
