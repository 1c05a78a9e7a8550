package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.economics.ProjectionSettings;
import io.inferplan.engine.perf.Bottleneck;
import org.junit.jupiter.api.Test;

class ScenarioEvaluatorTest {
    private final ScenarioEvaluator evaluator = new ScenarioEvaluator(Fixtures.STUB);

    private ScenarioResult evaluate(Scenario scenario) {
        return evaluator.evaluate(Fixtures.RESOLVER.resolve(scenario));
    }

    @Test
    void aGivenReplicaCapacityReplacesTheSteadyStateOneInTheFleetAndEconomics() {
        var resolved = Fixtures.RESOLVER.resolve(ScenarioJson.read(Fixtures.JSON));
        ScenarioResult steady = evaluator.evaluate(resolved);
        // The stub's 8 requests/s given back: the same fleet and money, plus a note saying where it came from.
        ScenarioResult same = evaluator.evaluateAtReplicaCapacity(resolved, 8);
        assertEquals(steady.capacity(), same.capacity());
        assertEquals(steady.tokenCosts(), same.tokenCosts());
        assertEquals(steady.projection(), same.projection());
        assertTrue(same.notes().getFirst().contains("8.00 requests/s given"), same.notes().getFirst());
        // Half of it (a p99 target the steady state does not see): peak 20 at 80% of 4 -> ceil(6.25) = 7 GPUs.
        ScenarioResult half = evaluator.evaluateAtReplicaCapacity(resolved, 4);
        assertEquals(7, half.capacity().gpusRequired());
        assertEquals(4, half.capacity().replicaRequestsPerSecond(), 1e-12);
        assertEquals(steady.tokenCosts().costPerRequestUsd() * 7 / 4, half.tokenCosts().costPerRequestUsd(), 1e-15);
        assertEquals(7 * 2 * 730, half.totals().servingCostUsdPerMonth(), 1e-9);
        // The projection's months carry the same halved capacity.
        assertEquals(7, half.projection().months().getFirst().gpus());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(io.inferplan.engine.InvalidInputException.class,
                () -> evaluator.evaluateAtReplicaCapacity(resolved, 0)).getMessage().contains("replicaRequestsPerSecond"));
    }

    @Test
    void evaluatesByHand() {
        ScenarioResult result = evaluate(ScenarioJson.read(Fixtures.JSON));
        // 500 generated tokens per request -> 8 requests per second per replica; peak 20 at 80% -> ceil(3.125) = 4.
        assertEquals(4, result.capacity().gpusRequired());
        assertEquals(31.25, result.capacity().averageUtilizationPercent(), 1e-9);
        // 4 GPUs x $2 x 730 h = $5,840 a month over 10 rps x 2,628,000 s.
        assertEquals(5840, result.totals().servingCostUsdPerMonth(), 1e-9);
        double costPerRequest = 5840 / 26_280_000.0;
        assertEquals(costPerRequest, result.tokenCosts().costPerRequestUsd(), 1e-15);
        // Decode (75%) over 500 generated tokens.
        assertEquals(costPerRequest * 0.75 / 500 * 1e6, result.tokenCosts().costPerMillionOutputTokensUsd(), 1e-9);
        // Revenue per request: (810 x 3 + 90 x 0.3 + 500 x 15) / 1e6 = $0.009957.
        assertEquals(26_280_000 * 0.009957, result.totals().revenueUsdPerMonth(), 1e-6);
        double margin = 26_280_000 * 0.009957 - 5840;
        assertEquals(100 * margin / (26_280_000 * 0.009957), result.totals().grossMarginPercent(), 1e-9);
        // On-demand rent is variable: fixed cost is the staff alone.
        assertEquals(50_000, result.breakEven().fixedCostsUsdPerMonth(), 1e-9);
        assertEquals(50_000, result.breakEven().breakEvenTokensPerMonth() / 1e6 * result.breakEven().contributionPerMillionTokensUsd(), 1e-6);
        assertEquals(1, result.breakEven().breakEvenMonth());
        assertEquals(12, result.projection().months().size());
        // Month 1 of the projection is the scenario itself.
        assertEquals(result.totals().servingCostUsdPerMonth(), result.projection().months().get(0).servingCostUsd(), 1e-9);
        assertEquals(result.totals().revenueUsdPerMonth(), result.projection().months().get(0).revenueUsd(), 1e-6);
    }

    @Test
    void replicaCarriesWhatLimitsItAsAValueAndInWords() {
        ScenarioResult.ReplicaSummary replica = evaluate(ScenarioJson.read(Fixtures.JSON)).replica();
        assertEquals(Bottleneck.MEMORY_BANDWIDTH, replica.bottleneck(), "the stub estimate's bottleneck");
        assertEquals(replica.bottleneck().description(), replica.limitedBy());
    }

    @Test
    void fullResultJsonHasTheKeysTheCommandLinePromises() throws Exception {
        Scenario losing = ScenarioJson.read(Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": 2000"));
        JsonNode json = JsonSupport.mapper().readTree(ScenarioJson.write(evaluate(losing)));
        for (String key : new String[] {"costPerMillionInputTokensUsd", "costPerMillionOutputTokensUsd", "gpusRequired",
                "grossMarginPercent", "breakEvenMonth"}) {
            assertTrue(json.findValue(key) != null, "missing " + key);
        }
        assertTrue(json.findValue("breakEvenMonth").isNull(), "never breaks even: null");
        assertNull(evaluate(losing).breakEven().breakEvenTokensPerMonth());
    }

    @Test
    void projectionEstimatesOncePerDistinctShape() {
        EstimateCache cache = new EstimateCache(Fixtures.STUB, 64);
        Scenario growing = ScenarioJson.read(Fixtures.JSON)
                .withProjection(new ProjectionSettings(36, 0.05, 0.2, 0.1, 0.5, 0.2, 0.3, null));
        ScenarioResult result = new ScenarioEvaluator(cache).evaluate(Fixtures.RESOLVER.resolve(growing));
        assertEquals(36, result.projection().months().size());
        // Shapes change once a year: three shapes in 36 months.
        assertEquals(3, cache.computedCount());
        new ScenarioEvaluator(cache).evaluate(Fixtures.RESOLVER.resolve(growing.withName("again")));
        assertEquals(3, cache.computedCount());
    }

    @Test
    void moreTrafficOnTheSameFleetLowersCostPerToken() {
        Scenario base = ScenarioJson.read(Fixtures.JSON);
        Scenario busier = ScenarioJson.read(Fixtures.JSON.replace("\"averageRequestsPerSecond\": 10", "\"averageRequestsPerSecond\": 15"));
        assertTrue(evaluate(busier).tokenCosts().costPerMillionTokensBlendedUsd() < evaluate(base).tokenCosts().costPerMillionTokensBlendedUsd());
    }
}
