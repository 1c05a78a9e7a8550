package io.inferplan.app.dashboard;

import io.inferplan.analysis.charts.AnalysisCharts;
import io.inferplan.analysis.RouteRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final DashboardViewModel model = new DashboardViewModel(fixture.evaluation,
            (field, message, range) -> "[" + field + "] " + message);

    @Test
    void tilesSayTheEvaluatedFiguresInWords() {
        assertEquals("–", model.tile(DashboardViewModel.Kpi.GPUS).get().value(), "nothing evaluated yet");
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        ScenarioResult r = fixture.evaluation.analysisProperty().get().result();
        DashboardViewModel.Tile gpus = model.tile(DashboardViewModel.Kpi.GPUS).get();
        assertEquals(Integer.toString(r.capacity().gpusRequired()), gpus.value());
        assertTrue(gpus.detail().startsWith(r.capacity().replicas() + " × " + r.capacity().gpusPerReplica() + " "), gpus.detail());
        DashboardViewModel.Tile margin = model.tile(DashboardViewModel.Kpi.MARGIN).get();
        assertTrue(margin.value().endsWith("%"), margin.value());
        assertEquals(r.totals().grossMarginPercent() >= 0 ? DashboardViewModel.Tone.GOOD : DashboardViewModel.Tone.BAD, margin.tone());
        assertTrue(model.tile(DashboardViewModel.Kpi.OUTPUT_COST).get().value().startsWith("$"));
        assertTrue(model.tile(DashboardViewModel.Kpi.TRUST).get().value().startsWith("±"));
        // Sized by the simulator (the chat sample's targets are reachable): the tiles say so and give its figures.
        var analysis = fixture.evaluation.analysisProperty().get();
        assertTrue(analysis.simulated());
        assertEquals(Integer.toString(analysis.sizing().gpus()), gpus.value());
        assertTrue(gpus.detail().contains("sized by simulation at p99"), gpus.detail());
        DashboardViewModel.Tile latency = model.tile(DashboardViewModel.Kpi.LATENCY).get();
        assertTrue(latency.detail().startsWith("p99, simulated at "), latency.detail());
        assertTrue(latency.detail().endsWith("targets 1.5 s · 50 ms"), latency.detail());
        double p99TtftSeconds = analysis.sizing().capacity().targets().ttftOf(analysis.sizing().capacity().atCapacity());
        assertTrue(p99TtftSeconds <= 1.5, "at capacity the simulated p99 TTFT is within its target: " + p99TtftSeconds);
        assertFalse(model.descriptionProperty().get().isBlank());
        assertEquals(3, model.sourcesProperty().get().size());
        assertTrue(model.analysisProperty().get().acceleratorSweepDone(), "the charts get the completed analysis");
    }

    @Test
    void aFailedEvaluationKeepsTheTilesMarksThemStaleAndSaysWhyInTheFieldsWords() {
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        DashboardViewModel.Tile before = model.tile(DashboardViewModel.Kpi.INPUT_COST).get();
        fixture.evaluation.request(AnalysisFixture.consumerChat().replace("\"tensorParallel\": 2", "\"tensorParallel\": 0"));
        assertTrue(model.staleProperty().get());
        assertEquals(before, model.tile(DashboardViewModel.Kpi.INPUT_COST).get(), "the last good figures stay");
        assertTrue(model.problemProperty().get().startsWith("Not evaluated: [deployment.tensorParallel]"), model.problemProperty().get());
        assertTrue(model.problemProperty().get().endsWith("showing the last valid results"));
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        assertFalse(model.staleProperty().get());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void theLimitTileLeadsWithTheBottleneckAndKeepsTheWholeSentenceAsDetail() {
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        var replica = fixture.evaluation.analysisProperty().get().result().replica();
        DashboardViewModel.Tile limit = model.tile(DashboardViewModel.Kpi.LIMIT).get();
        assertEquals(DashboardViewModel.shortLimit(replica.bottleneck()), limit.value());
        assertEquals(replica.limitedBy(), limit.detail());
    }

    @Test
    void aTargetAtTheEdgeOfWhatTheModelPredictsShowsTheLimitTileInRed() {
        // The chat sample's replica with one request alone, then a TPOT target 3% below that: within the band.
        var engine = io.inferplan.engine.perf.PerformanceModel.standard();
        var deployment = io.inferplan.engine.perf.Deployment.of(
                io.inferplan.catalog.store.AcceleratorLookup.bundled().require("accelerator", "H100-SXM"), 2,
                io.inferplan.engine.model.Precision.FP8, io.inferplan.engine.model.Precision.FP8, io.inferplan.engine.perf.ServingStack.VLLM);
        double aloneTpotSeconds = engine.estimate(io.inferplan.engine.model.ModelPresets.bundled().require("model", "Llama-3.3-70B"),
                deployment, new io.inferplan.engine.perf.RequestShape(1500, 350, 0.5),
                new io.inferplan.engine.perf.ServingTarget.FixedBatch(1)).timePerOutputTokenSeconds();
        fixture.evaluation.request(AnalysisFixture.consumerChat().replace("\"maxTimePerOutputTokenSeconds\": 0.05",
                "\"maxTimePerOutputTokenSeconds\": " + 0.97 * aloneTpotSeconds));
        DashboardViewModel.Tile limit = model.tile(DashboardViewModel.Kpi.LIMIT).get();
        assertEquals("latency target", limit.value());
        assertTrue(limit.detail().contains("within its error band"), limit.detail());
        assertEquals(DashboardViewModel.Tone.BAD, limit.tone());
    }

    @Test
    void aScenarioWithRoutesHasOneRowPerRouteAndTheRouteChart() {
        fixture.evaluation.request(AnalysisFixture.router());
        var analysis = fixture.evaluation.analysisProperty().get();
        var routed = analysis.routes();
        List<RouteRows> rows = model.routeRowsProperty().get();
        assertEquals(List.of("small 85%", "frontier 15%", "Total"), rows.stream().map(RouteRows::route).toList());
        assertTrue(rows.get(0).runsOn().startsWith("Llama-3.1-8B · " + routed.route("small").gpus() + " × l40s"), rows.get(0).runsOn());
        assertTrue(rows.get(1).margin().startsWith(Formats.usd(routed.route("frontier").grossMarginUsdPerMonth()) + "/mo"), rows.get(1).margin());
        assertTrue(rows.get(2).runsOn().startsWith(routed.totals().gpusTotal() + " GPUs · router $"), rows.get(2).runsOn());

        assertEquals(Integer.toString(routed.totals().gpusTotal()), model.tile(DashboardViewModel.Kpi.GPUS).get().value(),
                "the tiles are the whole routed service, not the baseline");
        assertEquals(Formats.usd(routed.totals().costPerMillionOutputTokensUsd()), model.tile(DashboardViewModel.Kpi.OUTPUT_COST).get().value());
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", routed.totals().grossMarginPercent()),
                model.tile(DashboardViewModel.Kpi.MARGIN).get().value());
        assertEquals("by route", model.tile(DashboardViewModel.Kpi.LIMIT).get().value());
        JFreeChart chart = AnalysisCharts.costByRoute(analysis, ChartStyle.light()).orElseThrow();
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(List.of("small 85%", "frontier 15%", "Total"), data.getColumnKeys());
        assertEquals(routed.route("frontier").costUsdPerMonth(), data.getValue("Cost", "frontier 15%").doubleValue(), 1e-6);
        assertEquals(routed.totals().totalCostUsdPerMonth(), data.getValue("Cost", "Total").doubleValue(), 1e-6);
        assertEquals(routed.totals().grossMarginUsdPerMonth(), data.getValue("Gross margin", "Total").doubleValue(), 1e-6);
    }

    @Test
    void aScenarioWithoutRoutesHasNoRouteCard() {
        fixture.evaluation.request(AnalysisFixture.router());
        fixture.evaluation.request(AnalysisFixture.consumerChat());
        assertTrue(model.routeRowsProperty().get().isEmpty(), "the rows go with the routes");
        assertTrue(AnalysisCharts.costByRoute(fixture.evaluation.analysisProperty().get(), ChartStyle.light()).isEmpty());
    }
}
