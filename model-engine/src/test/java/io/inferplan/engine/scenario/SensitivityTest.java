package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.scenario.Sensitivity.Metric;
import io.inferplan.engine.scenario.Sensitivity.Swing;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SensitivityTest {
    private final ScenarioEvaluator evaluator = new ScenarioEvaluator(Fixtures.STUB);
    private final Function<String, ScenarioResult> evaluate = json -> evaluator.evaluate(Fixtures.RESOLVER.resolve(ScenarioJson.read(json)));

    @Test
    void eachInputMovesTheProfitTheWayItShould() {
        Sensitivity.Result result = Sensitivity.of(Fixtures.JSON, Metric.OPERATING_PROFIT, 0.2, Sensitivity.STANDARD, evaluate);
        double base = evaluate.apply(Fixtures.JSON).totals().operatingProfitUsdPerMonth();
        assertEquals(base, result.base(), 1e-6);

        Swing rate = swing(result, "GPU rental rate");
        assertTrue(rate.low() > base && rate.high() < base, "dearer GPUs cost profit: " + rate);
        Swing prices = swing(result, "Token prices (all tiers)");
        assertTrue(prices.high() > base && prices.low() < base, "higher prices earn more: " + prices);
        Swing fixed = swing(result, "Fixed monthly costs");
        assertEquals(base + 0.2 * 50_000, fixed.low(), 1.0, "fixed costs move profit one for one");
        assertEquals(base - 0.2 * 50_000, fixed.high(), 1.0);
        assertEquals(2.0, rate.baseInput(), 1e-12);
        assertEquals("USD/GPU-hour", rate.baseUnit());
        Swing peak = swing(result, "Peak load");
        assertEquals(20, peak.baseInput(), 1e-12, "this scenario gives its peak in requests per second");
        assertEquals("requests/s", peak.baseUnit());
    }

    @Test
    void largestSwingFirstAndUnsetInputsLeftOut() {
        Sensitivity.Result result = Sensitivity.of(Fixtures.JSON, Metric.OPERATING_PROFIT, 0.2, Sensitivity.STANDARD, evaluate);
        List<Double> spreads = result.swings().stream().map(s -> s.spread(result.base())).toList();
        for (int i = 1; i < spreads.size(); i++) {
            assertTrue(spreads.get(i - 1) >= spreads.get(i), "ordered by spread: " + spreads);
        }
        assertTrue(result.swings().stream().noneMatch(s -> s.driver().label().equals("GPU purchase price")), "a rented fleet has no purchase price");
        assertTrue(result.swings().stream().noneMatch(s -> s.driver().label().equals("Electricity price")));
    }

    @Test
    void aMovedValueTheScenarioRejectsIsReportedForThatSideOnly() {
        String nearlyAllCached = Fixtures.JSON.replace("\"promptCacheHitRate\": 0.1", "\"promptCacheHitRate\": 0.95");
        Sensitivity.Result result = Sensitivity.of(nearlyAllCached, Metric.OPERATING_PROFIT, 0.2, Sensitivity.STANDARD, evaluate);
        Swing cache = swing(result, "Prompt cache hit rate");
        assertTrue(Double.isNaN(cache.high()), "114% cache hits is not a scenario");
        assertNotNull(cache.highProblem());
        assertTrue(cache.highProblem().contains("promptCacheHitRate"), cache.highProblem());
        assertFalse(Double.isNaN(cache.low()));
        assertEquals(Math.abs(cache.low() - result.base()), cache.spread(result.base()), 1e-9);
    }

    @Test
    void otherMetricsAndBadSteps() {
        Sensitivity.Result gpus = Sensitivity.of(Fixtures.JSON, Metric.GPUS_NEEDED, 0.5, Sensitivity.STANDARD, evaluate);
        Swing load = swing(gpus, "Average load");
        assertTrue(load.high() >= gpus.base() && load.low() <= gpus.base(), "more load needs at least as many GPUs");
        Sensitivity.Result cost = Sensitivity.of(Fixtures.JSON, Metric.COST_PER_MILLION_OUTPUT_TOKENS, 0.1, Sensitivity.STANDARD, evaluate);
        assertTrue(swing(cost, "GPU rental rate").high() > cost.base());

        InvalidInputException tooBig = assertThrows(InvalidInputException.class,
                () -> Sensitivity.of(Fixtures.JSON, Metric.OPERATING_PROFIT, 1.5, Sensitivity.STANDARD, evaluate));
        assertTrue(tooBig.getMessage().startsWith("step: must be from 1.0% to 90.0%"), tooBig.getMessage());
        assertThrows(InvalidInputException.class,
                () -> Sensitivity.of("[1, 2]", Metric.OPERATING_PROFIT, 0.2, Sensitivity.STANDARD, evaluate));
    }

    @Test
    void reportsEachEvaluationAndStopsWhenCancelled() {
        java.util.List<Integer> done = new java.util.ArrayList<>();
        int[] total = new int[1];
        Sensitivity.Result result = Sensitivity.of(Fixtures.JSON, Metric.OPERATING_PROFIT, 0.2, Sensitivity.STANDARD, evaluate,
                new Sensitivity.Progress() {
                    @Override
                    public void update(int d, int t) {
                        done.add(d);
                        total[0] = t;
                    }
                });
        assertEquals(1 + 2 * result.swings().size(), total[0], "the base and two sides per input");
        assertEquals(total[0], done.getLast().intValue());
        assertEquals(0, done.getFirst().intValue());

        int[] evaluations = new int[1];
        Function<String, ScenarioResult> counting = json -> {
            evaluations[0]++;
            return evaluate.apply(json);
        };
        assertThrows(java.util.concurrent.CancellationException.class, () -> Sensitivity.of(Fixtures.JSON, Metric.OPERATING_PROFIT,
                0.2, Sensitivity.STANDARD, counting, new Sensitivity.Progress() {
                    @Override
                    public boolean cancelled() {
                        return evaluations[0] >= 3;
                    }
                }));
        assertEquals(3, evaluations[0], "no evaluation after the cancel");
    }

    private static Swing swing(Sensitivity.Result result, String label) {
        return result.swings().stream().filter(s -> s.driver().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no swing for " + label + " in " + result.swings()));
    }
}
