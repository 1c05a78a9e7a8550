package io.inferplan.engine.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.Fixtures;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.sim.SimulationProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Monte Carlo on the hand-built fixture: determinism, known percentiles, break-even, drivers, progress and errors. */
class MonteCarloTest {
    private static final String FIXED_COSTS_UNIFORM = Fixtures.JSON.replace("\"usdPerMonth\": 50000",
            "\"usdPerMonth\": {\"distribution\": \"uniform\", \"min\": 40000, \"max\": 60000}");

    private static MonteCarlo of(String json, boolean standard) {
        return MonteCarlo.of(json, Fixtures.RESOLVER, Fixtures.STUB, standard);
    }

    @Test
    void sameSeedSameAnswerOnAnyNumberOfThreads() {
        MonteCarlo run = of(Fixtures.JSON, true);
        UncertaintyResult one = run.run(500, 7, 1, SimulationProgress.NONE);
        UncertaintyResult two = of(Fixtures.JSON, true).run(500, 7, 3, SimulationProgress.NONE);
        assertArrayEquals(one.operatingProfitDraws(), two.operatingProfitDraws());
        assertEquals(one.operatingProfitUsdPerMonth(), two.operatingProfitUsdPerMonth());
        assertEquals(one.drivers(), two.drivers());
        UncertaintyResult other = run.run(500, 8, 2, SimulationProgress.NONE);
        assertNotEquals(one.operatingProfitUsdPerMonth(), other.operatingProfitUsdPerMonth());
    }

    @Test
    void aFixedCostDrawnUniformlyGivesItsPercentilesInTheProfit() {
        MonteCarlo run = of(FIXED_COSTS_UNIFORM, false);
        double asWritten = run.baseResult().totals().operatingProfitUsdPerMonth();
        UncertaintyResult result = run.run(10_000, 1, SimulationProgress.NONE);
        // Profit = (profit at the midpoint 50,000) + 50,000 - fixed; fixed uniform 40k-60k: p10 58k, p50 50k, p90 42k.
        assertEquals(asWritten - 8_000, result.operatingProfitUsdPerMonth().p10(), 300);
        assertEquals(asWritten, result.operatingProfitUsdPerMonth().p50(), 300);
        assertEquals(asWritten + 8_000, result.operatingProfitUsdPerMonth().p90(), 300);
        assertEquals(asWritten, result.operatingProfitUsdPerMonth().mean(), 200);
        assertEquals(1, result.drivers().size());
        assertEquals("fixedMonthlyCosts[0].usdPerMonth", result.drivers().getFirst().input());
        assertEquals(-1, result.drivers().getFirst().rankCorrelation(), 1e-9, "profit falls exactly as the cost rises");
        assertEquals(run.baseResult().capacity().gpusRequired(), result.gpusRequired().p50(), 0, "the fleet does not move");
    }

    @Test
    void aScenarioThatNeverBreaksEvenSaysSoWithNullPercentiles() {
        String hopeless = Fixtures.JSON.replace("\"usdPerMonth\": 50000", "\"usdPerMonth\": 50000000");
        UncertaintyResult result = of(hopeless, true).run(200, 1, SimulationProgress.NONE);
        assertNull(result.breakEvenMonth());
        assertEquals(0, result.probabilityOfBreakEven());
        UncertaintyResult likely = of(Fixtures.JSON, true).run(400, 1, SimulationProgress.NONE);
        assertTrue(likely.probabilityOfBreakEven() > 0 && likely.probabilityOfBreakEven() <= 1);
        assertTrue(likely.breakEvenMonth().p10() >= 1 && likely.breakEvenMonth().p90() <= 12);
    }

    @Test
    void theFanHasEveryMonthInOrder() {
        UncertaintyResult result = of(Fixtures.JSON, true).run(300, 3, SimulationProgress.NONE);
        assertEquals(12, result.monthlyOperatingProfit().size());
        assertEquals(12, result.cumulativeOperatingProfit().size());
        for (UncertaintyResult.MonthBand band : result.monthlyOperatingProfit()) {
            assertTrue(band.p10() <= band.p50() && band.p50() <= band.p90(), band.toString());
        }
        assertEquals(result.monthlyOperatingProfit().getFirst().p50(), result.cumulativeOperatingProfit().getFirst().p50(), 1e-6);
        assertEquals(result.validDraws(), result.operatingProfitDraws().length);
    }

    @Test
    void standardInputsIncludeTheEnginesErrorBandAndDriveTheSpread() {
        // At $200 per GPU-hour the fleet is most of the cost, so how fast a replica really is matters.
        MonteCarlo run = of(Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": 200"), true);
        List<String> names = run.inputs().stream().map(UncertainInput::name).toList();
        assertTrue(names.containsAll(List.of("Demand growth", "Price decline", "Hardware cost decline", "Utilisation",
                "Prompt cache hit rate", "Input tokens", "Output tokens", "Reasoning tokens", "GPU price",
                "Performance model error")), names.toString());
        UncertaintyResult result = run.run(2000, 1, SimulationProgress.NONE);
        UncertaintyResult.Driver error = result.drivers().stream().filter(d -> d.input().equals("Performance model error"))
                .findFirst().orElseThrow();
        assertTrue(error.rankCorrelation() > 0.3, "a faster replica, a cheaper fleet, more profit: " + error);
        UncertaintyResult.Driver gpu = result.drivers().stream().filter(d -> d.input().equals("GPU price")).findFirst().orElseThrow();
        assertTrue(gpu.rankCorrelation() < 0, "dearer GPUs, less profit: " + gpu);
    }

    @Test
    void aDeclaredDistributionReplacesTheStandardOneForTheSameNumber() {
        MonteCarlo run = of(FIXED_COSTS_UNIFORM.replace("\"usdPerGpuHour\": 2.0",
                "\"usdPerGpuHour\": {\"distribution\": \"uniform\", \"min\": 1.9, \"max\": 2.1}"), true);
        List<String> names = run.inputs().stream().map(UncertainInput::name).toList();
        assertTrue(names.contains("cost.usdPerGpuHour") && !names.contains("GPU price"), names.toString());
    }

    @Test
    void tokenLengthDrawsShareGridEstimates() {
        AtomicInteger computed = new AtomicInteger();
        EstimateSource counting = (model, deployment, request, target) -> {
            computed.incrementAndGet();
            return Fixtures.STUB.estimate(model, deployment, request, target);
        };
        String lengths = Fixtures.JSON.replace("\"inputTokens\": {\"mean\": 900, \"p90\": 3000}",
                "\"inputTokens\": {\"mean\": {\"distribution\": \"lognormal\", \"p10\": 700, \"p90\": 1200}, \"p90\": 3000}")
                .replace("\"outputTokens\": {\"mean\": 300}",
                        "\"outputTokens\": {\"mean\": {\"distribution\": \"uniform\", \"min\": 200, \"max\": 400}}");
        MonteCarlo run = MonteCarlo.of(lengths, Fixtures.RESOLVER, counting, false);
        assertEquals(2, run.inputs().size());
        run.run(2000, 1, 1, SimulationProgress.NONE);
        // Input 700-1200 and output 200-400 tokens span about 14 x 17 grid points at 5% steps.
        assertTrue(computed.get() < 2000 / 5, "2000 draws of input and output lengths needed " + computed.get() + " estimates");
    }

    @Test
    void aDrawWithoutChangeEvaluatesExactlyAsThePlainEvaluation() {
        String narrow = Fixtures.JSON.replace("\"usdPerMonth\": 50000",
                "\"usdPerMonth\": {\"distribution\": \"uniform\", \"min\": 50000, \"max\": 50000}");
        UncertaintyResult result = of(narrow, false).run(20, 1, SimulationProgress.NONE);
        double plain = new ScenarioEvaluator(Fixtures.STUB).evaluate(Fixtures.RESOLVER.resolve(ScenarioJson.read(Fixtures.JSON)))
                .totals().operatingProfitUsdPerMonth();
        assertEquals(plain, result.operatingProfitUsdPerMonth().p10(), 1e-6);
        assertEquals(plain, result.operatingProfitUsdPerMonth().p90(), 1e-6);
    }

    @Test
    void progressRisesToOneAndCancelStops() {
        List<Double> reported = new ArrayList<>();
        of(Fixtures.JSON, true).run(300, 1, 2, SimulationProgress.of(reported::add, () -> false));
        assertEquals(1.0, reported.getLast());
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) >= reported.get(i - 1), reported.toString());
        }
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> of(Fixtures.JSON, true).run(10_000, 1, 2,
                SimulationProgress.of(f -> { }, () -> polls.incrementAndGet() > 50)));
    }

    @Test
    void aDistributionReachingValuesTheFieldRefusesNamesTheFieldAndRange() {
        String negative = Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0",
                "\"usdPerGpuHour\": {\"distribution\": \"normal\", \"p10\": 1, \"p90\": 3, \"min\": -1}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> of(negative, false));
        assertEquals("cost.usdPerGpuHour", e.field());
        assertTrue(e.reason().startsWith("the distribution (normal p10 1, p90 3, min -1) reaches -1, which the field "
                + "does not allow: must be "), e.reason());
        String share = Fixtures.JSON.replace("\"promptCacheHitRate\": 0.1",
                "\"promptCacheHitRate\": {\"distribution\": \"uniform\", \"min\": 0.5, \"max\": 1.5}");
        InvalidInputException hit = assertThrows(InvalidInputException.class, () -> of(share, false));
        assertEquals("workload.promptCacheHitRate", hit.field());
        assertTrue(hit.reason().contains("0 to 1") || hit.reason().contains("from 0"), hit.reason());
        assertThrows(InvalidInputException.class, () -> of(Fixtures.JSON, true).run(5, 1, SimulationProgress.NONE));
    }
}
