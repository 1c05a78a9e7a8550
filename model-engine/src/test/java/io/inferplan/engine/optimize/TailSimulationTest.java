package io.inferplan.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.sim.SimulationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The serving simulator on the first rows of a search's ranking. */
class TailSimulationTest {
    private static final ResolvedScenario SCENARIO = ConfigurationSearchTest.resolve(
            ConfigurationSearchTest.scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"));
    private static final List<Candidate> PARTS = ConfigurationSearchTest.candidates(3.0);
    private static final List<RankedConfiguration> RANKED = new ConfigurationSearch(PerformanceModel.standard(), 2)
            .search(SCENARIO, PARTS, SearchOptions.defaults().withFrontier(false), null).configurations();

    private static TailSimulation.Result simulate(int rows, int threads) {
        return new TailSimulation(PerformanceModel.standard(), threads).simulate(SCENARIO, PARTS, RANKED, rows, null);
    }

    @Test
    void theTopRowsGetTheSimulatorsTailAtTheirOwnLoadAndTheRestStayUnsimulated() {
        TailSimulation.Result result = simulate(2, 2);
        assertEquals(2, result.simulated());
        assertEquals(RANKED.size(), result.ranked().size(), "the ranking keeps every row, in its order");
        for (int i = 0; i < 2; i++) {
            RankedConfiguration row = result.ranked().get(i);
            assertEquals(RANKED.get(i).describe(), row.describe());
            assertEquals(RANKED.get(i).costPerMillionOutputTokensUsd(), row.costPerMillionOutputTokensUsd(), "the ranking's figures stay");
            assertTrue(row.simulated());
            assertNotNull(row.ttftP99Seconds(), row.describe());
            assertNotNull(row.tpotP99Seconds(), row.describe());
            // The same simulator at the same load: the p99 is its p99 there, and no lower than its mean.
            SimulationSummary atLoad = simulationOf(row).operatingPoint(SCENARIO.scenario().workload().peakRps() / row.replicas(), SimulationProgress.NONE).summary();
            assertEquals(atLoad.ttft().p99Seconds(), row.ttftP99Seconds(), 1e-12);
            assertEquals(atLoad.tpot().p99Seconds(), row.tpotP99Seconds(), 1e-12);
            assertTrue(row.ttftP99Seconds() >= atLoad.ttft().meanSeconds(), row.describe());
            assertTrue(row.tpotP99Seconds() >= atLoad.tpot().meanSeconds(), row.describe());
            assertTrue(row.simulatedReplicas() >= 1 && row.simulatedGpusTotal() == row.simulatedReplicas() * row.gpusPerReplica(),
                    row.describe());
            if (row.simulatedReplicas() <= row.replicas()) {
                // The simulator's own fleet is no larger, so the row's replicas run within its capacity: the p99 targets hold.
                assertTrue(row.ttftP99Seconds() <= 2 && row.tpotP99Seconds() <= 0.05, row.describe() + " p99 " + row.ttftP99Seconds()
                        + " s / " + row.tpotP99Seconds() + " s on " + row.replicas() + " replicas");
            }
        }
        for (RankedConfiguration row : result.ranked().subList(2, result.ranked().size())) {
            assertFalse(row.simulated());
            assertNull(row.ttftP99Seconds());
        }
    }

    /** A row's scenario in the simulator, built independently of {@link TailSimulation}'s own. */
    private static ScenarioSimulation simulationOf(RankedConfiguration row) {
        Candidate part = PARTS.stream().filter(c -> c.accelerator().id().equals(row.accelerator())).findFirst().orElseThrow();
        ResolvedScenario onRow = ConfigurationSearchTest.resolve(ScenarioJson.write(SCENARIO.scenario().withDeployment(row.plan())
                .withCost(part.cost())));
        return ScenarioSimulation.of(new ResolvedScenario(onRow.scenario(), onRow.model(),
                onRow.deployment().withAttentionParallelism(row.attentionParallelism()), onRow.newGeneration()), PerformanceModel.standard());
    }

    @Test
    void aDisaggregatedRowAboveIsSkippedWithoutUsingUpTheRows() {
        RankedConfiguration twin = new ConfigurationSearch(PerformanceModel.standard(), 2).search(SCENARIO, PARTS,
                SearchOptions.defaults().withFrontier(false).withDisaggregated(true), null).configurations().stream()
                .filter(RankedConfiguration::disaggregated).findFirst().orElseThrow();
        List<RankedConfiguration> withTwinFirst = new ArrayList<>();
        withTwinFirst.add(twin);
        withTwinFirst.addAll(RANKED);
        TailSimulation.Result result = new TailSimulation(PerformanceModel.standard(), 1).simulate(SCENARIO, PARTS, withTwinFirst, 1, null);
        assertEquals(1, result.simulated());
        assertFalse(result.ranked().get(0).simulated(), "the simulator runs no disaggregated pools");
        assertTrue(result.ranked().get(1).simulated(), "the first aggregated row is simulated instead");
    }

    @Test
    void noRowsLeavesThePercentilesNull() {
        TailSimulation.Result result = simulate(0, 1);
        assertEquals(0, result.simulated());
        assertTrue(result.ranked().stream().noneMatch(RankedConfiguration::simulated));
        assertTrue(result.ranked().stream().allMatch(r -> r.ttftP99Seconds() == null && r.tpotP99Seconds() == null));
    }

    @Test
    void seededSoThreadsDoNotChangeTheAnswer() {
        List<RankedConfiguration> one = simulate(2, 1).ranked().subList(0, 2);
        List<RankedConfiguration> two = simulate(2, 2).ranked().subList(0, 2);
        assertEquals(one, two);
    }

    @Test
    void cancellingStopsAndProgressOnlyRises() {
        List<Double> reported = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        TailSimulation.Result result = new TailSimulation(PerformanceModel.standard(), 1).simulate(SCENARIO, PARTS, RANKED, 3,
                SimulationProgress.of(reported::add, () -> polls.incrementAndGet() > 3));
        assertTrue(result.cancelled());
        assertTrue(result.simulated() < 3);
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) >= reported.get(i - 1), "progress fell: " + reported);
        }
    }

    @Test
    void theRowCountIsValidated() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> simulate(TailSimulation.MAX_ROWS + 1, 1));
        assertEquals("simulateTop", e.field());
    }
}
