package io.inferplan.engine.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    /** 1,000 input and 500 output tokens: $0.002 per request at $1 / $2 per million. */
    private static final RequestTokens TOKENS = new RequestTokens(1000, 0, 500, 0);
    private static final PricingPlan PRICES = PricingPlan.of(PricingTier.simple("only", 1, 1, 0.1, 2));
    private static final CostModel RENT = new CostModel.Rent(RentalTerm.ON_DEMAND, 2, null);

    private static ProjectionSettings settings(int months, double growth) {
        return new ProjectionSettings(months, growth, null, null, null, null, null, null);
    }

    @Test
    void rentedFleetFollowsDemandAndBreaksEvenInMonthThree() {
        var in = new Projection.Inputs(settings(3, 0.10), TOKENS, 5, 10, 1.0, 1,
                List.of(new Projection.Generation("X", 1, 1, RENT, 700)), PRICES, 27_000);
        ProjectionResult result = Projection.run(in, (generation, tokens) -> 10);
        List<ProjectionMonth> months = result.months();
        // Month 1: peak 10 -> 1 GPU, $2 x 730 h; revenue 5 rps x 2,628,000 s x $0.002.
        assertEquals(1, months.get(0).gpus());
        assertEquals(1460, months.get(0).servingCostUsd(), 1e-9);
        assertEquals(26_280, months.get(0).revenueUsd(), 1e-6);
        assertEquals(-2180, months.get(0).operatingProfitUsd(), 1e-6);
        // Month 2: peak 11 -> 2 GPUs; revenue x1.1.
        assertEquals(2, months.get(1).gpus());
        assertEquals(28_908, months.get(1).revenueUsd(), 1e-6);
        assertEquals(-1012, months.get(1).operatingProfitUsd(), 1e-6);
        assertEquals(1878.8, months.get(2).operatingProfitUsd(), 1e-6);
        assertEquals(3, result.breakEvenMonth());
        // Cumulative: -2,180, -3,192, -1,313.2: not paid back within three months.
        assertEquals(-1313.2, months.get(2).cumulativeCashUsd(), 1e-6);
        assertNull(result.paybackMonth());
    }

    @Test
    void ownedHardwareIsPaidUpfrontAndWrittenOff() {
        // $10,000 GPU over one year, nothing else: $833.33 a month while being written off.
        CostModel own = new CostModel.Own(10_000, 0, 1, 0, 0, 1, 0, 0, 0, null);
        PricingPlan cheap = PricingPlan.of(PricingTier.simple("only", 1, 0.1, 0.01, 0.2));
        var in = new Projection.Inputs(settings(13, 0), TOKENS, 5, 5, 1.0, 1,
                List.of(new Projection.Generation("X", 1, 1, own, 700)), cheap, 0);
        ProjectionResult result = Projection.run(in, (generation, tokens) -> 10);
        // Revenue $2,628 a month; cash: -7,372, -4,744, -2,116, +512.
        assertEquals(10_000, result.months().get(0).capexUsd(), 1e-9);
        assertEquals(10_000 / 12.0, result.months().get(0).servingCostUsd(), 1e-6);
        assertEquals(1, result.breakEvenMonth());
        assertEquals(4, result.paybackMonth());
        assertEquals(0, result.months().get(12).servingCostUsd(), 1e-9);
        assertEquals(1, result.months().get(12).gpus());
    }

    @Test
    void newGenerationTakesOverNewCapacity() {
        CostModel newer = new CostModel.Rent(RentalTerm.ON_DEMAND, 3, null);
        var in = new Projection.Inputs(settings(2, 0.10), TOKENS, 5, 10, 1.0, 1,
                List.of(new Projection.Generation("old", 1, 1, RENT, 700), new Projection.Generation("new", 2, 1, newer, 1000)),
                PRICES, 0);
        ProjectionResult result = Projection.run(in, (generation, tokens) -> generation == 0 ? 10 : 20);
        assertEquals("new", result.months().get(1).accelerator());
        // Peak 11 on 20-rps replicas: one GPU at $3.
        assertEquals(1, result.months().get(1).gpus());
        assertEquals(2190, result.months().get(1).servingCostUsd(), 1e-9);
    }

    @Test
    void priceDeclineAndElasticityMoveRevenueAndDemand() {
        ProjectionSettings s = new ProjectionSettings(13, 0.0, 0.5, 0.2, 1.0, 0.0, 1.0, null);
        assertEquals(0.5, s.priceFactor(13), 1e-12);
        assertEquals(0.8, s.hardwareCostFactor(13), 1e-12);
        // Elasticity 1: half the price, twice the demand.
        assertEquals(2.0, s.demandFactor(13), 1e-12);
        // Reasoning steps once a year.
        assertEquals(1.0, s.reasoningTokenFactor(12), 1e-12);
        assertEquals(2.0, s.reasoningTokenFactor(13), 1e-12);
    }

    @Test
    void aFleetBeyondAnyRealOneNamesTheSettingThatGrewIt() {
        // +100% a month for 36 months: 3.4e10 times the load; GPU counts used to overflow an int and turn negative.
        var in = new Projection.Inputs(settings(36, 1.0), TOKENS, 5, 10, 1.0, 1,
                List.of(new Projection.Generation("X", 1, 1, RENT, 700)), PRICES, 0);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.inferplan.engine.InvalidInputException.class,
                () -> Projection.run(in, (generation, tokens) -> 10));
        assertEquals("projection.demandGrowthPerMonth", e.field());
        org.junit.jupiter.api.Assertions.assertTrue(e.reason().contains("more than 10,000,000 GPUs"), e.reason());
    }

    @Test
    void largeButRealFleetsAreCountedWithoutOverflow() {
        // 3 million GPUs in month 12: more than an int's worth of GPU-dollars, well within a long.
        var in = new Projection.Inputs(settings(12, 0.0), TOKENS, 1_000_000, 3_000_000, 1.0, 1,
                List.of(new Projection.Generation("X", 1, 1, RENT, 700)), PRICES, 0);
        ProjectionResult result = Projection.run(in, (generation, tokens) -> 1);
        assertEquals(3_000_000, result.peakGpus());
        org.junit.jupiter.api.Assertions.assertTrue(result.months().getLast().servingCostUsd() > 0);
    }
}
