package io.inferplan.app.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.engine.solve.GoalSeek;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Solve for…" on the consumer-chat sample, through the real analyzer, on the calling thread. */
class SolveViewModelTest {
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final ScenarioSession session = new ScenarioSession();

    @BeforeEach
    void open() {
        session.open(new StoredScenario(UUID.randomUUID(), "Chat", AnalysisFixture.consumerChat(), 0, Instant.EPOCH, Instant.EPOCH));
    }

    private SolveViewModel solving(GoalSeek.Target target, double now) {
        return new SolveViewModel(target, now, session::json, (json, request, progress) -> fixture.analyzer.solve(json, request,
                null, progress), session::editElsewhere, TaskRunner.sameThread());
    }

    private double margin() {
        return fixture.analyzer.evaluate(session.json()).totals().grossMarginPercent();
    }

    @Test
    void aMarginTargetIsReachedByThePriceAndAppliedAsOneUndoableEdit() {
        double before = margin();
        SolveViewModel model = solving(GoalSeek.Target.GROSS_MARGIN_PERCENT, before);
        assertEquals(GoalSeek.Input.PRICE, model.inputProperty().get());
        model.targetTextProperty().set("70");
        model.solve();
        assertTrue(model.canApplyProperty().get(), model.answerProperty().get() + " " + model.problemProperty().get());
        assertTrue(model.answerProperty().get().startsWith("Gross margin 70"), model.answerProperty().get());

        String said = model.apply();
        assertTrue(said.startsWith("Set pricing.tiers"), said);
        assertEquals(70, margin(), 0.05);
        assertFalse(model.canApplyProperty().get(), "an applied answer is not applied twice");
        session.undo();
        assertEquals(before, margin(), 1e-9);
    }

    @Test
    void aBadTargetIsRefusedNamingTheField() {
        SolveViewModel model = solving(GoalSeek.Target.GPUS, 10);
        model.targetTextProperty().set("-3");
        model.solve();
        assertFalse(model.canApplyProperty().get());
        assertTrue(model.problemProperty().get().startsWith("target:"), model.problemProperty().get());

        model.targetTextProperty().set("lots");
        model.solve();
        assertEquals("target: enter a number in GPUs, was 'lots'", model.problemProperty().get());
        assertEquals("", model.apply());
    }

    @Test
    void unreachableGivesTheClosestResult() {
        SolveViewModel model = solving(GoalSeek.Target.COST_PER_MILLION_OUTPUT_TOKENS, 1);
        model.inputProperty().set(GoalSeek.Input.CACHE_HIT_RATE);
        model.targetTextProperty().set("0.000001");
        model.solve();
        assertFalse(model.canApplyProperty().get());
        assertTrue(model.answerProperty().get().contains("closest"), model.answerProperty().get());
    }

    @Test
    void theAnswerReachesTheTargetOnTheSimulatedFiguresTheDashboardShows() {
        var shown = fixture.analyzer.analyzeFully(session.json());
        assertTrue(shown.simulated(), "the sample is sized by the simulator");
        SolveViewModel model = new SolveViewModel(GoalSeek.Target.GROSS_MARGIN_PERCENT, Double.NaN, session::json,
                (json, request, progress) -> fixture.analyzer.solve(json, request, shown, progress), session::editElsewhere,
                TaskRunner.sameThread());
        model.targetTextProperty().set("65");
        model.solve();
        assertTrue(model.answerProperty().get().contains("at the simulated"), model.answerProperty().get());
        model.apply();
        var after = fixture.analyzer.analyzeFully(session.json());
        assertEquals(65, after.result().totals().grossMarginPercent(), 0.05, "the dashboard's margin after applying");
    }

    @Test
    void theTiersOfTheScenarioAreOffered() {
        SolveViewModel model = solving(GoalSeek.Target.GROSS_MARGIN_PERCENT, Double.NaN);
        assertEquals(SolveViewModel.ALL_TIERS, model.tierChoices().getFirst());
        assertTrue(model.tierChoices().size() > 1, model.tierChoices().toString());
        assertEquals("60", model.targetTextProperty().get());
    }
}
