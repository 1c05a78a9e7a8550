package io.inferplan.app.profile;

import io.inferplan.app.fx.Columns;
import io.inferplan.app.page.PageView;
import io.inferplan.app.profile.ProfileViewModel.Row;
import io.inferplan.catalog.profile.ProfileMode;
import io.inferplan.catalog.profile.ProfileReport;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Measures this machine: detect its accelerators, run the quick or full micro-benchmarks with progress and
 * cancel, see each figure beside the datasheet, and use the measured device as the open scenario's hardware
 * ({@link ProfileViewModel} does the work).
 */
public final class ProfileView implements PageView {
    private final ProfileViewModel model;
    private final VBox root;

    public ProfileView(ProfileViewModel model) {
        this.model = model;
        Label title = new Label("Profile");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Measure this machine's accelerators (OpenCL, NVML, amd-smi) and compare them with their datasheets.");
        subtitle.getStyleClass().add("page-subtitle");
        Button detect = button("Detect", "profile-detect", model::detect);
        Button quick = button("Quick profile", "profile-quick", () -> model.profile(ProfileMode.QUICK));
        Button full = button("Full profile", "profile-full", () -> model.profile(ProfileMode.FULL));
        Button cancel = button("Cancel", "profile-cancel", model::cancel);
        for (Button start : List.of(detect, quick, full)) {
            start.disableProperty().bind(model.runningProperty());
        }
        cancel.disableProperty().bind(model.runningProperty().not());
        Button useAsHardware = button("Use as hardware in this scenario", "profile-use", model::useAsHardware);
        useAsHardware.disableProperty().bind(model.canUseAsHardwareProperty().not());
        Button saveEntry = button("Save as my catalog entry", "profile-save-entry", model::saveAsCatalogEntry);
        saveEntry.disableProperty().bind(model.canSaveEntryProperty().not());
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(260);
        progress.setId("profile-progress");
        progress.progressProperty().bind(model.progressProperty());
        Label step = new Label();
        step.setId("profile-step");
        step.textProperty().bind(model.stepProperty());
        Label notes = new Label();
        notes.getStyleClass().add("page-subtitle");
        notes.setWrapText(true);
        notes.textProperty().bind(model.notesProperty());
        TableView<Row> results = new TableView<>(model.rows());
        results.setId("profile-results");
        results.setPlaceholder(new Label("Run Detect or a profile to see this machine's devices."));
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getColumns().addAll(List.of(
                column("Device", Row::deviceName, 220),
                column("Measured", Row::measured, 150),
                column("Value", Row::value, 130),
                column("Of datasheet", Row::ofDatasheet, 90),
                column("Catalog match", Row::catalogMatch, 120),
                column("How", Row::how, 400)));
        // A long step message ("now runs on ... (measured on HOST)") is cut, never the buttons beside it; the
        // results table above takes the space, not the buttons below.
        progress.setMinWidth(120);
        step.setMinWidth(0);
        step.setTooltip(new Tooltip());
        step.getTooltip().textProperty().bind(step.textProperty());
        HBox buttons = new HBox(8, detect, quick, full, cancel, progress, step);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(results, Priority.ALWAYS);
        root = new VBox(10, new VBox(2, title, subtitle), buttons, results, notes, new HBox(8, useAsHardware, saveEntry));
        root.setPadding(new Insets(12));
        root.getStyleClass().add("page");
        root.setId("profile-page");
    }

    @Override
    public Node node() {
        return root;
    }

    /** The last finished report (tests look at it). */
    public ProfileReport lastReport() {
        return model.lastReportProperty().get();
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = Columns.text(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
