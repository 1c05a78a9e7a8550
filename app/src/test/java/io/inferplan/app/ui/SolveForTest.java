package io.inferplan.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** "Solve for…" from the gross-margin tile, as a user does it: target, Solve, Apply, then Undo. */
class SolveForTest extends FxRobot {
    @TempDir
    Path dataDirectory;

    @Test
    void aMarginTargetFromItsTileIsAppliedAndUndone() throws Exception {
        try (AppFixture app = AppFixture.open(dataDirectory)) {
            String before = app.context.session().json();
            moveTo("#kpi-margin");
            app.waitUntil(() -> lookup("#kpi-margin-solve").query().isVisible(), "the Solve button over the hovered tile");
            clickOn("#kpi-margin-solve");
            TextField target = lookup("#solve-target").queryAs(TextField.class);
            clickOn(target).eraseText(target.getText().length()).write("65");
            clickOn("#solve-run");
            Label answer = lookup("#solve-answer").queryAs(Label.class);
            app.waitUntil(() -> answer.getText().startsWith("Gross margin 65"), "the goal seek's answer");
            clickOn("#solve-apply");
            app.waitUntil(() -> !app.context.session().json().equals(before), "the answer written into the scenario");
            app.waitUntil(() -> app.context.evaluation().analysisProperty().get().sizingDone()
                    && !app.context.session().json().equals(before), "the dashboard's figures for the new prices");
            double margin = app.context.evaluation().analysisProperty().get().result().totals().grossMarginPercent();
            assertEquals(65, margin, 0.05, "the margin the tile shows");
            assertTrue(app.window.controller().notificationText().startsWith("Set pricing.tiers"),
                    app.window.controller().notificationText());
            press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            app.waitUntil(() -> app.context.session().json().equals(before), "Ctrl+Z to take the answer back");
        }
    }
}
