package io.inferplan.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.TestAccelerators;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disaggregated prefill/decode candidates in the configuration search. */
class DisaggregatedSearchTest {
    private final ConfigurationSearch search = new ConfigurationSearch(PerformanceModel.standard(), 2);

    private SearchResult run(ResolvedScenario resolved, boolean disaggregated) {
        return search.search(resolved, ConfigurationSearchTest.candidates(3.0),
                SearchOptions.defaults().withFrontier(false).withDisaggregated(disaggregated), null);
    }

    @Test
    void theBestIsNeverDearerWithDisaggregationOnAndItsTwinsPayForBothPools() {
        for (String json : List.of(ConfigurationSearchTest.scenario("Llama-3.3-70B", "H100-SXM-80GB", 2, 1, "vllm"),
                ConfigurationSearchTest.scenario("Qwen3-235B-A22B", "H100-SXM-80GB", 8, 8, "sglang"))) {
            ResolvedScenario resolved = ConfigurationSearchTest.resolve(json);
            SearchResult off = run(resolved, false);
            SearchResult on = run(resolved, true);
            assertTrue(off.configurations().stream().noneMatch(RankedConfiguration::disaggregated));
            RankedConfiguration bestOff = off.configurations().getFirst();
            RankedConfiguration bestOn = on.configurations().getFirst();
            assertTrue(bestOn.costPerMillionOutputTokensUsd() <= bestOff.costPerMillionOutputTokensUsd() + 1e-12,
                    bestOn.describe() + " dearer than " + bestOff.describe());
            List<RankedConfiguration> twins = on.configurations().stream().filter(RankedConfiguration::disaggregated).toList();
            assertFalse(twins.isEmpty(), "disaggregated candidates are searched when asked for");
            for (RankedConfiguration twin : twins) {
                DisaggregatedPools pools = twin.pools();
                assertEquals(pools.prefillGpus() + pools.decodeGpus(), twin.gpusTotal(), "both pools are counted: " + twin.describe());
                assertEquals(pools.prefillWorkers(), twin.prefillWorkers());
                assertEquals(pools.decodeWorkers(), twin.decodeWorkers());
                assertTrue(twin.prefillWorkers() >= 1 && twin.decodeWorkers() >= 1);
                if (pools.sameWorker()) {
                    assertEquals(twin.gpusPerReplica() * (twin.prefillWorkers() + twin.decodeWorkers()), twin.gpusTotal());
                    assertTrue(twin.describe().contains("disaggregated P " + twin.gpusPerReplica() + " x " + twin.prefillWorkers()
                            + " + D " + twin.gpusPerReplica() + " x " + twin.decodeWorkers()), twin.describe());
                } else {
                    assertTrue(twin.describe().startsWith("disaggregated P " + pools.prefillWorker().describe() + " x "
                            + twin.prefillWorkers() + " + D " + pools.decodeWorker().describe()), twin.describe());
                    assertEquals(pools.decodeWorker().accelerator(), twin.accelerator(), "the row's part is the decode pool's");
                }
                assertTrue(twin.ttftSeconds() <= 2 + 1e-9 && twin.tpotSeconds() <= 0.05 + 1e-9, twin.describe());
            }
        }
    }

    /** Lots of FLOPs per dollar, little bandwidth: cheap prompts, dear tokens (an inference-prefill card). */
    static AcceleratorSpec computeCard() {
        return new AcceleratorSpec("FLOPS-CARD", "compute card", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER, 96e9, 1.2e12,
                Map.of(Precision.BF16, 2e15, Precision.FP16, 2e15, Precision.FP8, 4e15), 450e9, 8, 600, false, List.of(), 50e9);
    }

    /** Bandwidth per dollar, few FLOPs: cheap tokens, slow prompts. */
    static AcceleratorSpec bandwidthCard() {
        return new AcceleratorSpec("HBM-CARD", "bandwidth card", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER, 141e9, 4.8e12,
                Map.of(Precision.BF16, 0.4e15, Precision.FP16, 0.4e15, Precision.FP8, 0.8e15), 450e9, 8, 600, false, List.of(), 50e9);
    }

    /** Long prompts and short replies: prefill and decode both weigh, each best on another card. */
    static final String LONG_PROMPTS = """
            {"schemaVersion": 1, "name": "mixed pools",
             "workload": {"averageRequestsPerSecond": 20, "peakToAverageRatio": 2,
               "inputTokens": {"mean": 8000}, "outputTokens": {"mean": 400},
               "latency": {"maxTimeToFirstTokenSeconds": 3, "maxTimePerOutputTokenSeconds": 0.05}},
             "deployment": {"accelerator": "HBM-CARD", "model": "Llama-3.3-70B", "tensorParallel": 4,
               "weightPrecision": "FP8", "kvPrecision": "FP8", "servingStack": "vllm"},
             "cost": {"basis": "rent", "term": "on-demand", "usdPerGpuHour": 2.0},
             "pricing": {"tiers": [{"name": "api", "trafficShare": 1, "usdPerMillionInputTokens": 1,
               "usdPerMillionCachedInputTokens": 0.1, "usdPerMillionOutputTokens": 4}]}}
            """;

    @Test
    void aPairOfDifferentPartsCanWinWhenOneIsCheapForPromptsAndTheOtherForTokens() {
        List<AcceleratorSpec> parts = List.of(computeCard(), bandwidthCard());
        ResolvedScenario resolved = new ScenarioResolver(AcceleratorResolver.of(parts)).resolve(ScenarioJson.read(LONG_PROMPTS));
        // The compute card a little cheaper an hour, as inference-prefill parts are priced against HBM-heavy ones.
        List<Candidate> candidates = parts.stream().map(p -> new Candidate(p, new CostModel.Rent(RentalTerm.ON_DEMAND,
                p.id().equals("FLOPS-CARD") ? 1.6 : 2.0, "test"), "test " + p.id())).toList();
        SearchOptions options = SearchOptions.defaults().withFrontier(false);
        SearchResult off = search.search(resolved, candidates, options, null);
        SearchResult on = search.search(resolved, candidates, options.withDisaggregated(true), null);
        RankedConfiguration bestTwin = on.configurations().stream().filter(c -> c.disaggregated() && c.pools().samePart())
                .findFirst().orElseThrow();
        RankedConfiguration bestMixed = on.configurations().stream().filter(c -> c.disaggregated() && !c.pools().samePart())
                .findFirst().orElseThrow();
        assertEquals("FLOPS-CARD", bestMixed.pools().prefillWorker().accelerator(), bestMixed.describe());
        assertEquals("HBM-CARD", bestMixed.pools().decodeWorker().accelerator(), bestMixed.describe());
        assertTrue(bestMixed.costPerMillionOutputTokensUsd() < bestTwin.costPerMillionOutputTokensUsd(),
                bestMixed.describe() + " vs " + bestTwin.describe());
        assertTrue(bestMixed.costPerMillionOutputTokensUsd() < off.configurations().getFirst().costPerMillionOutputTokensUsd(),
                bestMixed.describe() + " vs the best aggregated " + off.configurations().getFirst().describe());
        assertEquals(bestMixed, on.configurations().getFirst(), "the mixed pair wins the whole ranking");
        // Both pools are paid at their own part's rate: the GPUs of each pool times its part's cost per token per GPU.
        assertTrue(bestMixed.priceSource().contains("prefill: test FLOPS-CARD") && bestMixed.priceSource().contains("decode: test HBM-CARD"));
        assertEquals(bestMixed.pools().prefillGpus() + bestMixed.pools().decodeGpus(), bestMixed.gpusTotal());
    }

    @Test
    void poolsPairOnlyWorkersThatCanHandTheKvCacheOver() {
        ResolvedScenario resolved = ConfigurationSearchTest.resolve(ConfigurationSearchTest.scenario("Llama-3.3-70B", "H100-SXM-80GB",
                2, 1, "vllm"));
        List<RankedConfiguration> pools = run(resolved, true).configurations().stream().filter(RankedConfiguration::disaggregated).toList();
        assertTrue(pools.stream().anyMatch(c -> !c.pools().sameWorker()), "layouts other than the source's are paired");
        for (RankedConfiguration c : pools) {
            assertEquals(c.pools().prefillWorker().servingStack(), c.pools().decodeWorker().servingStack(), c.describe());
            assertEquals(c.pools().prefillWorker().kvPrecision(), c.pools().decodeWorker().kvPrecision(), c.describe());
            assertFalse(c.pools().prefillWorker().accelerator().equals("MI300X") != c.pools().decodeWorker().accelerator().equals("MI300X"),
                    "no KV cache between AMD and NVIDIA: " + c.describe());
        }
        Deployment h100 = Deployment.of(TestAccelerators.h100(), 2, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        assertTrue(DisaggregatedCandidates.handsOver(h100, Deployment.of(ConfigurationSearchTest.b200(), 1, Precision.FP4,
                Precision.FP8, ServingStack.VLLM)), "another NVIDIA part, other weights, same stack and KV format");
        assertFalse(DisaggregatedCandidates.handsOver(h100, Deployment.of(TestAccelerators.mi300x(), 2, Precision.FP8, Precision.FP8,
                ServingStack.VLLM)));
        assertFalse(DisaggregatedCandidates.handsOver(h100, Deployment.of(TestAccelerators.h100(), 2, Precision.FP8, Precision.FP8,
                ServingStack.SGLANG)));
        assertFalse(DisaggregatedCandidates.handsOver(h100, Deployment.of(TestAccelerators.h100(), 2, Precision.FP8, Precision.BF16,
                ServingStack.VLLM)));
    }
}
