package io.inferplan.app.solve;

import io.inferplan.app.fx.RunControls;
import io.inferplan.engine.solve.GoalSeek;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The "Solve for…" window over the dashboard: the target, what to move, Solve (off the FX thread, with progress and
 * Cancel), the answer in words, and Apply, which writes it into the scenario as one undoable edit.
 */
public final class SolveDialog {
    private static final ButtonType APPLY = new ButtonType("Apply to scenario", ButtonBar.ButtonData.APPLY);
    private final Dialog<String> dialog = new Dialog<>();

    public SolveDialog(Window owner, SolveViewModel model) {
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.APPLICATION_MODAL);
        dialog.setTitle(model.title());
        dialog.setHeaderText("Move one input until the " + model.target().label() + " reaches the target.");

        TextField target = new TextField();
        target.setId("solve-target");
        target.setPrefColumnCount(8);
        target.textProperty().bindBidirectional(model.targetTextProperty());
        Label unit = new Label(model.target().unit());

        ChoiceBox<GoalSeek.Input> input = new ChoiceBox<>();
        input.setId("solve-input");
        input.getItems().setAll(model.inputChoices());
        input.setConverter(new StringConverter<>() {
            @Override
            public String toString(GoalSeek.Input value) {
                return value == null ? "" : value.label() + " (" + value.unit() + ")";
            }

            @Override
            public GoalSeek.Input fromString(String text) {
                return null;
            }
        });
        input.valueProperty().bindBidirectional(model.inputProperty());

        ChoiceBox<String> tier = new ChoiceBox<>();
        tier.setId("solve-tier");
        tier.getItems().setAll(model.tierChoices());
        tier.valueProperty().bindBidirectional(model.tierProperty());
        CheckBox keepRatios = new CheckBox("Input and cached-input prices move in proportion");
        keepRatios.setId("solve-keep-ratios");
        keepRatios.selectedProperty().bindBidirectional(model.keepRatiosProperty());
        var priceOnly = model.inputProperty().isEqualTo(GoalSeek.Input.PRICE);
        Label tierLabel = new Label("Tier");
        for (Node node : new Node[] {tierLabel, tier, keepRatios}) {
            node.visibleProperty().bind(priceOnly);
            node.managedProperty().bind(priceOnly);
        }

        Button solve = new Button("Solve");
        solve.setId("solve-run");
        solve.disableProperty().bind(model.runningProperty());
        solve.setOnAction(event -> model.solve());
        // Enter in the target solves; it never applies an answer the user has not read.
        target.setOnAction(event -> model.solve());

        Label answer = new Label();
        answer.setId("solve-answer");
        answer.setWrapText(true);
        answer.setMaxWidth(460);
        answer.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        answer.textProperty().bind(model.answerProperty());
        Label problem = RunControls.message("solve", model.problemProperty());
        problem.getStyleClass().add("field-error");
        problem.setMaxWidth(460);

        GridPane grid = new GridPane(8, 6);
        grid.addRow(0, new Label("Target"), new HBox(6, target, unit));
        grid.addRow(1, new Label("By moving"), input);
        grid.addRow(2, tierLabel, tier);
        grid.add(keepRatios, 1, 3);
        HBox running = new HBox(8, solve);
        running.getChildren().addAll(RunControls.progressAndCancel("solve", 140, model.progressProperty(), model.runningProperty(),
                model::cancel));
        VBox content = new VBox(10, grid, running, answer, problem);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CLOSE);
        Node apply = dialog.getDialogPane().lookupButton(APPLY);
        apply.setId("solve-apply");
        apply.disableProperty().bind(model.canApplyProperty().not().or(model.runningProperty()));
        dialog.setResultConverter(button -> button == APPLY ? model.apply() : null);
        dialog.setOnHidden(event -> model.cancel());
        // The answer and the problem are a line or three: the window grows to show them whole.
        javafx.beans.InvalidationListener fit = observable -> javafx.application.Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        model.answerProperty().addListener(fit);
        model.problemProperty().addListener(fit);
    }

    /** Shows the window; {@code applied} hears what was written when the user applies an answer. */
    public void show(Consumer<String> applied) {
        dialog.resultProperty().addListener((obs, old, said) -> {
            if (said != null && !said.isEmpty()) {
                applied.accept(said);
            }
        });
        dialog.show();
    }

    Dialog<String> dialog() {
        return dialog;
    }
}
