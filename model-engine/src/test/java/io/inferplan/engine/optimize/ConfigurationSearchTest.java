package io.inferplan.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.TestAccelerators;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigurationSearchTest {
    private static final double GIB = TestAccelerators.GIB;

    /** Blackwell-like figures (B200 datasheet: 180 GB HBM3e at 8 TB/s, dense FP4 9 PFLOPS) so FP4 is in the space. */
    static AcceleratorSpec b200() {
        return new AcceleratorSpec("B200", "B200", "NVIDIA", AcceleratorFamily.NVIDIA_BLACKWELL, 180 * GIB, 8e12,
                Map.of(Precision.BF16, 2.25e15, Precision.FP16, 2.25e15, Precision.FP8, 4.5e15, Precision.FP4, 9e15),
                900e9, 8, 1000, false, List.of());
    }

    /** A 24 GB PCIe card, where a 70B model only fits spread wide: pruning has work to do. */
    static AcceleratorSpec small() {
        return new AcceleratorSpec("L4-like", "24GB card", "NVIDIA", AcceleratorFamily.NVIDIA_ADA, 24 * GIB, 0.3e12,
                Map.of(Precision.BF16, 121e12, Precision.FP16, 121e12, Precision.FP8, 242e12), 0, 1, 72, false, List.of());
    }

    private static final List<AcceleratorSpec> PARTS = List.of(TestAccelerators.h100(), TestAccelerators.a100(),
            TestAccelerators.mi300x(), b200(), small());

    static String scenario(String model, String accelerator, int tensorParallel, int expertParallel, String stack) {
        return """
                {"schemaVersion": 1, "name": "search test",
                 "workload": {"averageRequestsPerSecond": 20, "peakToAverageRatio": 2,
                   "inputTokens": {"mean": 1500}, "outputTokens": {"mean": 400},
                   "latency": {"maxTimeToFirstTokenSeconds": 2, "maxTimePerOutputTokenSeconds": 0.05}},
                 "deployment": {"accelerator": "%s", "model": "%s", "tensorParallel": %d, "expertParallel": %d,
                   "weightPrecision": "FP8", "kvPrecision": "FP8", "servingStack": "%s", "minReplicas": 2},
                 "cost": {"basis": "rent", "term": "on-demand", "usdPerGpuHour": 3.0},
                 "pricing": {"tiers": [{"name": "api", "trafficShare": 1, "usdPerMillionInputTokens": 1, "usdPerMillionCachedInputTokens": 0.1,
                   "usdPerMillionOutputTokens": 4}]}}
                """.formatted(accelerator, model, tensorParallel, expertParallel, stack);
    }

    static ResolvedScenario resolve(String json) {
        return new ScenarioResolver(AcceleratorResolver.of(PARTS)).resolve(ScenarioJson.read(json));
    }

    static List<Candidate> candidates(double usdPerGpuHour) {
        List<Candidate> list = new ArrayList<>();
        for (AcceleratorSpec part : PARTS) {
            // Rates roughly in proportion to memory bandwidth, so no part wins on price alone.
            double rate = usdPerGpuHour * part.memoryBandwidthBytesPerSecond() / 3.35e12;
            list.add(new Candidate(part, new CostModel.Rent(RentalTerm.ON_DEMAND, rate, "test"), "test"));
        }
        return list;
    }

    @Test
    void theBestIsNeverWorseThanTheScenariosOwnDeployment() {
        for (String json : List.of(scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"),
                scenario("Qwen3-235B-A22B", "H100-SXM-80GB", 8, 8, "sglang"),
                scenario("Llama-3.1-8B", "MI300X", 1, 1, "vllm"))) {
            ResolvedScenario resolved = resolve(json);
            double own = ScenarioEvaluator.standard().evaluate(resolved).tokenCosts().costPerMillionOutputTokensUsd();
            // The scenario's own part at the scenario's own rate: its deployment is then a point of the space.
            List<Candidate> parts = new ArrayList<>(candidates(3.0));
            parts.replaceAll(c -> c.accelerator().id().equals(resolved.deployment().accelerator().id())
                    ? new Candidate(c.accelerator(), resolved.scenario().cost(), "scenario") : c);
            SearchResult result = ConfigurationSearch.standard().search(resolved, parts, SearchOptions.defaults().withFrontier(false), null);
            assertNotNull(result.best(), json);
            assertTrue(result.best().costPerMillionOutputTokensUsd() <= own * (1 + 1e-9),
                    result.best().describe() + " costs " + result.best().costPerMillionOutputTokensUsd() + " > own " + own);
        }
    }

    @Test
    void thePrecisionFloorIsRespected() {
        ResolvedScenario resolved = resolve(scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"));
        SearchResult all = ConfigurationSearch.standard().search(resolved, candidates(3), SearchOptions.defaults().withFrontier(false), null);
        assertTrue(all.configurations().stream().anyMatch(c -> c.weightPrecision() == Precision.FP4),
                "B200 runs FP4: it is in the unrestricted space");
        SearchResult fp8 = ConfigurationSearch.standard().search(resolved, candidates(3),
                SearchOptions.defaults().withFrontier(false).withPrecisionFloor(Precision.FP8), null);
        assertFalse(fp8.configurations().isEmpty());
        assertTrue(fp8.configurations().stream().noneMatch(c -> c.weightPrecision() == Precision.FP4 || c.kvPrecision() == Precision.FP4));
        SearchResult bf16 = ConfigurationSearch.standard().search(resolved, candidates(3),
                SearchOptions.defaults().withFrontier(false).withPrecisionFloor(Precision.BF16), null);
        assertTrue(bf16.configurations().stream().allMatch(c -> c.weightPrecision() == Precision.BF16 && c.kvPrecision() == Precision.BF16));
        // FP4 is searched only where the part computes in it.
        assertTrue(all.configurations().stream().filter(c -> c.weightPrecision() == Precision.FP4).allMatch(c -> c.accelerator().equals("B200")));
    }

    @Test
    void pruningNeverDropsAFeasibleConfiguration() {
        for (String json : List.of(scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"),
                scenario("Qwen3-235B-A22B", "H100-SXM-80GB", 8, 8, "sglang"))) {
            ResolvedScenario resolved = resolve(json);
            SearchOptions tiny = SearchOptions.defaults().withFrontier(false).withMaxGpusPerReplica(8);
            SearchResult pruned = ConfigurationSearch.standard().search(resolved, candidates(3), tiny, null);
            SearchResult unpruned = ConfigurationSearch.standard().search(resolved, candidates(3), tiny.withPruning(false), null);
            assertTrue(pruned.pruned() > 0, "the 24 GB card cannot hold a 70B model on one GPU");
            assertEquals(0, unpruned.pruned());
            assertEquals(pruned.searched(), unpruned.searched());
            assertEquals(described(unpruned), described(pruned));
        }
    }

    private static List<String> described(SearchResult result) {
        return result.configurations().stream().map(c -> c.describe() + " " + c.costPerMillionOutputTokensUsd() + " " + c.meetsLatencyTargets())
                .collect(Collectors.toList());
    }

    @Test
    void rankedByCostAmongThoseMeetingTheTargetsThenTheRest() {
        ResolvedScenario resolved = resolve(scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"));
        SearchResult result = ConfigurationSearch.standard().search(resolved, candidates(3), SearchOptions.defaults().withFrontier(false), null);
        List<RankedConfiguration> list = result.configurations();
        assertTrue(list.stream().anyMatch(c -> !c.meetsLatencyTargets()), "the slow card misses the TPOT target, and is kept");
        boolean missing = false;
        double previous = 0;
        for (RankedConfiguration c : list) {
            if (!c.meetsLatencyTargets() && !missing) {
                missing = true;
                previous = 0;
            }
            assertFalse(missing && c.meetsLatencyTargets(), "a configuration meeting the targets after one missing them");
            assertTrue(c.costPerMillionOutputTokensUsd() >= previous, "not cheapest first");
            previous = c.costPerMillionOutputTokensUsd();
            assertEquals(c.gpusPerReplica() * c.replicas(), c.gpusTotal());
            assertEquals(c.tensorParallel() * c.pipelineParallel(), c.gpusPerReplica());
            assertTrue(c.gpusPerReplica() <= SearchOptions.MAX_GPUS_PER_REPLICA);
        }
        for (RankedConfiguration c : list) {
            if (c.meetsLatencyTargets()) {
                assertTrue(c.ttftSeconds() <= 2 + 1e-9 && c.tpotSeconds() <= 0.05 + 1e-9, c.describe());
            }
        }
    }

    @Test
    void stacksFollowTheParts() {
        ResolvedScenario resolved = resolve(scenario("Llama-3.1-8B", "MI300X", 1, 1, "vllm"));
        SearchResult result = ConfigurationSearch.standard().search(resolved, candidates(3), SearchOptions.defaults().withFrontier(false), null);
        assertTrue(result.configurations().stream().filter(c -> c.accelerator().equals("MI300X"))
                .noneMatch(c -> c.servingStack() == io.inferplan.engine.perf.ServingStack.TENSORRT_LLM));
        assertTrue(result.configurations().stream().anyMatch(c -> c.servingStack() == io.inferplan.engine.perf.ServingStack.TENSORRT_LLM));
    }

    @Test
    void cancellationStopsEarlyAndProgressRises() {
        ResolvedScenario resolved = resolve(scenario("Qwen3-235B-A22B", "H100-SXM-80GB", 8, 8, "sglang"));
        SearchResult full = ConfigurationSearch.standard().search(resolved, candidates(3), SearchOptions.defaults().withFrontier(false), null);
        AtomicInteger polls = new AtomicInteger();
        List<Double> reported = new ArrayList<>();
        SearchResult stopped = ConfigurationSearch.standard().search(resolved, candidates(3), SearchOptions.defaults(),
                SearchProgress.of(reported::add, () -> polls.incrementAndGet() > 50));
        assertTrue(stopped.cancelled());
        assertFalse(full.cancelled());
        assertTrue(stopped.searched() - stopped.pruned() <= 50, "evaluated " + (stopped.searched() - stopped.pruned()));
        assertTrue(stopped.configurations().size() < full.configurations().size());
        assertTrue(stopped.frontier().isEmpty());
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) >= reported.get(i - 1));
        }
    }

    @Test
    void theFrontierIsNonDominatedPerPartAndPrecision() {
        ResolvedScenario resolved = resolve(scenario("Llama-3.1-8B", "MI300X", 1, 1, "vllm"));
        SearchResult result = ConfigurationSearch.standard().search(resolved, candidates(3), SearchOptions.defaults(), null);
        assertFalse(result.frontier().isEmpty());
        var groups = result.frontier().stream().collect(Collectors.groupingBy(p -> p.accelerator() + p.weightPrecision()));
        assertTrue(groups.size() >= PARTS.size());
        groups.values().forEach(group -> {
            for (FrontierPoint a : group) {
                for (FrontierPoint b : group) {
                    boolean dominates = b.outputTokensPerSecondPerUser() > a.outputTokensPerSecondPerUser()
                            && b.outputTokensPerSecondPerGpu() > a.outputTokensPerSecondPerGpu();
                    assertFalse(dominates, a + " is dominated by " + b);
                }
            }
        });
    }

    /** "Use this configuration": the plan a row carries, put in the scenario, evaluates to the row's own figures. */
    @Test
    void aRowsPlanReproducesItsCost() {
        ResolvedScenario resolved = resolve(scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"));
        List<Candidate> parts = candidates(3);
        SearchResult result = ConfigurationSearch.standard().search(resolved, parts, SearchOptions.defaults().withFrontier(false), null);
        for (RankedConfiguration row : result.configurations().subList(0, 5)) {
            Candidate part = parts.stream().filter(c -> c.accelerator().id().equals(row.accelerator())).findFirst().orElseThrow();
            var applied = resolve(ScenarioJson.write(resolved.scenario().withDeployment(row.plan()).withCost(part.cost())));
            double cost = ScenarioEvaluator.standard().evaluate(applied).tokenCosts().costPerMillionOutputTokensUsd();
            assertEquals(row.costPerMillionOutputTokensUsd(), cost, 1e-9 * cost, row.describe());
        }
    }

    @Test
    void optionsAreValidated() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.inferplan.engine.InvalidInputException.class,
                () -> new SearchOptions(Precision.INT8, 8, true, false));
        assertEquals("precisionFloor", e.field());
        org.junit.jupiter.api.Assertions.assertThrows(io.inferplan.engine.InvalidInputException.class,
                () -> new SearchOptions(Precision.FP8, SearchOptions.MAX_GPUS_PER_REPLICA + 1, true, false));
    }
}
