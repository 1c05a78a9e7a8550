package io.inferplan.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.scenario.ResolvedScenario;
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
                assertEquals(twin.gpusPerReplica() * (twin.prefillWorkers() + twin.decodeWorkers()), twin.gpusTotal(),
                        "both pools are counted: " + twin.describe());
                assertTrue(twin.prefillWorkers() >= 1 && twin.decodeWorkers() >= 1);
                assertTrue(twin.describe().contains("disaggregated P " + twin.gpusPerReplica() + " x " + twin.prefillWorkers()
                        + " + D " + twin.gpusPerReplica() + " x " + twin.decodeWorkers()), twin.describe());
                assertTrue(twin.ttftSeconds() <= 2 + 1e-9 && twin.tpotSeconds() <= 0.05 + 1e-9, twin.describe());
            }
        }
    }
}
