package io.inferplan.app.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.engine.optimize.TailSimulation;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OptimizeViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final AtomicInteger searches = new AtomicInteger();
    private ObjectNode document;
    private final OptimizeViewModel model = new OptimizeViewModel(fixture.evaluation.analysisProperty(),
            fixture.inputs::catalog, fixture.inputs::ownUsdPerGpuHour, this::edit, () -> {
                searches.incrementAndGet();
                return new ConfigurationSearch(PerformanceModel.standard(), 1);
            }, () -> new TailSimulation(PerformanceModel.standard(), 1), TaskRunner.sameThread());

    private void edit(Consumer<ObjectNode> change) {
        change.accept(document);
    }

    private void open(String json) throws Exception {
        document = (ObjectNode) JsonSupport.mapper().readTree(json);
        fixture.evaluation.request(json);
    }

    @Test
    void searchesOnlyWhileShownAndRanksTheCheapestConfigurationMeetingTheTargetsFirst() throws Exception {
        open(AnalysisFixture.consumerChat());
        assertEquals(0, searches.get(), "hidden: nothing searched");
        model.activate();
        assertEquals(1, searches.get());
        assertFalse(model.rows().isEmpty());
        RankedConfiguration best = model.rows().getFirst();
        assertTrue(best.meetsLatencyTargets(), "the chat sample's targets are reachable");
        double own = fixture.evaluation.analysisProperty().get().steadyState().tokenCosts().costPerMillionOutputTokensUsd();
        assertTrue(best.costPerMillionOutputTokensUsd() <= own * (1 + 1e-9),
                "never worse than the scenario's own deployment (a point of the space): " + best.costPerMillionOutputTokensUsd() + " vs " + own);
        for (int i = 1; i < model.rows().size(); i++) {
            RankedConfiguration before = model.rows().get(i - 1);
            RankedConfiguration row = model.rows().get(i);
            if (before.meetsLatencyTargets() == row.meetsLatencyTargets()) {
                assertTrue(before.costPerMillionOutputTokensUsd() <= row.costPerMillionOutputTokensUsd(), "ranked cheapest first at " + i);
            } else {
                assertTrue(before.meetsLatencyTargets(), "those meeting the targets come first");
            }
        }
        assertTrue(model.summaryProperty().get().startsWith("Searched "), model.summaryProperty().get());
        assertTrue(model.summaryProperty().get().contains("Cheapest: " + best.describe()), model.summaryProperty().get());
        assertFalse(model.outcomeProperty().get().result().frontier().isEmpty(), "the frontier is computed for the chart");
        // After the search, the serving simulator on the first rows: their p99s, and nothing on the rows after them.
        assertNotNull(model.outcomeProperty().get().tails());
        assertEquals(OptimizeViewModel.SIMULATED_ROWS, model.outcomeProperty().get().tails().simulated());
        for (int i = 0; i < model.rows().size(); i++) {
            RankedConfiguration row = model.rows().get(i);
            assertEquals(i < OptimizeViewModel.SIMULATED_ROWS, row.simulated(), "row " + i);
            if (row.simulated()) {
                assertTrue(row.ttftP99Seconds() != null && row.ttftP99Seconds() > 0 && row.simulatedGpusTotal() > 0, row.toString());
            }
        }
        assertTrue(model.summaryProperty().get().contains("Simulated the first " + OptimizeViewModel.SIMULATED_ROWS), model.summaryProperty().get());

        model.deactivate();
        model.activate();
        assertEquals(1, searches.get(), "coming back to an unchanged scenario searches nothing again");
        model.searchAgain();
        assertEquals(2, searches.get(), "search again does");
    }

    @Test
    void theAppliedConfigurationEvaluatesToItsRowsFigures() throws Exception {
        open(AnalysisFixture.consumerChat());
        model.activate();
        RankedConfiguration chosen = model.rows().stream()
                .filter(c -> c.meetsLatencyTargets() && !c.accelerator().equals("h100-sxm-80gb")).findFirst().orElseThrow();
        String said = model.apply(chosen);
        assertTrue(said.startsWith("Applied " + chosen.describe()), said);
        assertEquals(chosen.accelerator(), document.at("/deployment/accelerator").asText());
        assertEquals(chosen.tensorParallel(), document.at("/deployment/tensorParallel").asInt());
        assertEquals(chosen.weightPrecision().name(), document.at("/deployment/weightPrecision").asText());
        assertEquals(chosen.servingStack().name(), document.at("/deployment/servingStack").asText());
        ScenarioResult evaluated = fixture.analyzer.evaluate(JsonSupport.mapper().writeValueAsString(document));
        assertEquals(chosen.costPerMillionOutputTokensUsd(), evaluated.tokenCosts().costPerMillionOutputTokensUsd(),
                chosen.costPerMillionOutputTokensUsd() * 1e-9, "the scenario now costs what the row said");
        assertEquals(chosen.gpusTotal(), evaluated.capacity().gpusRequired());
    }

    @Test
    void filtersNarrowTheSearchAndAPartWithoutAPriceIsNamed() throws Exception {
        open(AnalysisFixture.consumerChat());
        model.activate();
        int allRows = model.outcomeProperty().get().result().configurations().size();
        model.vendors().add("AMD");
        assertTrue(model.rows().stream().allMatch(c -> fixture.inputs.catalog().find(c.accelerator()).orElseThrow().vendor().equals("AMD")),
                "only AMD parts");
        model.vendors().clear();
        model.precisionFloorProperty().set(Precision.BF16);
        assertTrue(model.rows().stream().allMatch(c -> c.weightPrecision() == Precision.BF16 && c.kvPrecision() == Precision.BF16));
        model.precisionFloorProperty().set(Precision.FP4);
        model.maxGpusPerReplicaProperty().set(2);
        assertTrue(model.rows().stream().allMatch(c -> c.gpusPerReplica() <= 2));
        model.maxGpusPerReplicaProperty().set(32);
        model.onlyMeetingTargetsProperty().set(true);
        assertTrue(model.rows().stream().allMatch(RankedConfiguration::meetsLatencyTargets));
        assertEquals(allRows, model.outcomeProperty().get().result().configurations().size(), "the filter on targets searches nothing again");
        var unpriced = model.outcomeProperty().get().parts().unpriced();
        if (!unpriced.isEmpty()) {
            assertTrue(model.summaryProperty().get().contains("No price for " + unpriced.size()), model.summaryProperty().get());
            assertTrue(model.summaryProperty().get().contains(unpriced.getFirst()), "the first is named");
        }
    }

    @Test
    void ownPricesAreWhatPartsAreComparedAt() throws Exception {
        fixture.inputs.useOwnPrices(Map.of("b200-180gb", 0.5));
        open(AnalysisFixture.consumerChat());
        model.activate();
        RankedConfiguration b200 = model.rows().stream().filter(c -> c.accelerator().equals("b200-180gb")).findFirst().orElseThrow();
        assertEquals("your price", b200.priceSource());
        assertNotNull(model.outcomeProperty().get().candidateOf(b200));
        assertEquals("b200-180gb", model.rows().getFirst().accelerator(), "a B200 at $0.50 an hour is the cheapest");
    }
}
