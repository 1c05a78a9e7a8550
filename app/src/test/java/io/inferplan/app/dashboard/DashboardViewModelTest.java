package io.inferplan.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.engine.scenario.ScenarioResult;
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
}
