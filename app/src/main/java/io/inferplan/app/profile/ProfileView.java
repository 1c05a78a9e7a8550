package io.inferplan.app.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.fx.Background;
import io.inferplan.app.fx.Columns;
import io.inferplan.app.shell.AppContext;
import io.inferplan.app.shell.PageView;
import io.inferplan.catalog.profile.BenchmarkResult;
import io.inferplan.catalog.profile.CancelToken;
import io.inferplan.catalog.profile.DeviceProfile;
import io.inferplan.catalog.profile.MeasuredSpecs;
import io.inferplan.catalog.profile.ProfileListener;
import io.inferplan.catalog.profile.ProfileMode;
import io.inferplan.catalog.profile.ProfileReport;
import io.inferplan.catalog.profile.IsolatedProfiler;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.JsonSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Measures this machine: detect its accelerators, run the quick or full micro-benchmarks with progress and
 * cancel, see each figure beside the datasheet, and use the measured device as the open scenario's hardware.
 */
public final class ProfileView implements PageView {
    /** One measured figure of one device, as a table row. */
    record Row(DeviceProfile device, BenchmarkResult result) {
    }

    private final AppContext context;
    private final IsolatedProfiler profiler;
    private final TableView<Row> results = new TableView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label step = new Label("Nothing measured yet.");
    private final Label notes = new Label();
    private final Button detect = new Button("Detect");
    private final Button quick = new Button("Quick profile");
    private final Button full = new Button("Full profile");
    private final Button cancel = new Button("Cancel");
    private final Button useAsHardware = new Button("Use as hardware in this scenario");
    private final Button saveEntry = new Button("Save as my catalog entry");
    private final VBox root;
    private ProfileReport lastReport;
    private CancelToken cancelToken;

    public ProfileView(AppContext context) {
        this.context = context;
        // In a process of its own: a hanging or crashing GPU driver cannot take the app down (IsolatedProfiler).
        this.profiler = new IsolatedProfiler();
        Label title = new Label("Profile");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Measure this machine's accelerators (OpenCL, NVML, amd-smi) and compare them with their datasheets.");
        subtitle.getStyleClass().add("page-subtitle");
        detect.setId("profile-detect");
        quick.setId("profile-quick");
        full.setId("profile-full");
        cancel.setId("profile-cancel");
        useAsHardware.setId("profile-use");
        detect.setOnAction(e -> start(null));
        quick.setOnAction(e -> start(ProfileMode.QUICK));
        full.setOnAction(e -> start(ProfileMode.FULL));
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (cancelToken != null) {
                cancelToken.cancel();
                step.setText("Cancelling…");
            }
        });
        useAsHardware.setDisable(true);
        // Never squeezed to "…": the results table above takes the space, not these.
        useAsHardware.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        saveEntry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        useAsHardware.setOnAction(e -> useAsHardware());
        saveEntry.setId("profile-save-entry");
        saveEntry.setDisable(true);
        saveEntry.setOnAction(e -> saveAsCatalogEntry());
        progress.setPrefWidth(260);
        progress.setId("profile-progress");
        step.setId("profile-step");
        notes.getStyleClass().add("page-subtitle");
        notes.setWrapText(true);
        results.setId("profile-results");
        results.setPlaceholder(new Label("Run Detect or a profile to see this machine's devices."));
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getColumns().addAll(List.of(
                column("Device", r -> r.device().name() + " (" + r.device().api() + ")", 220),
                column("Measured", r -> r.result() == null ? "–" : label(r.result().metric()), 150),
                column("Value", r -> r.result() == null ? (r.device().problem() == null ? "not benchmarked" : r.device().problem())
                        : Formats.number(r.result().value()) + " " + r.result().unit(), 130),
                column("Of datasheet", r -> r.result() == null || r.result().percentOfDatasheet() == null ? "–"
                        : String.format(java.util.Locale.ROOT, "%.0f%%", r.result().percentOfDatasheet()), 90),
                column("Catalog match", r -> r.device().matchedCatalogId() == null ? "none" : r.device().matchedCatalogId(), 120),
                column("How", r -> r.result() == null ? String.join("; ", r.device().details()) : r.result().method(), 400)));
        // A long step message ("now runs on ... (measured on HOST)") is cut, never the buttons beside it.
        for (Button button : List.of(detect, quick, full, cancel)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setMinWidth(120);
        step.setMinWidth(0);
        step.setTooltip(new javafx.scene.control.Tooltip());
        step.textProperty().addListener((obs, old, text) -> step.getTooltip().setText(text));
        HBox buttons = new HBox(8, detect, quick, full, cancel, progress, step);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
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
        return lastReport;
    }

    /** Detect only ({@code mode} null) or benchmark, on a worker thread with progress and cancel. */
    private void start(ProfileMode mode) {
        CancelToken token = new CancelToken();
        cancelToken = token;
        Task<ProfileReport> task = new Task<>() {
            @Override
            protected ProfileReport call() {
                if (mode == null) {
                    updateMessage("Looking for devices…");
                    return profiler.discover();
                }
                ProfileReport report = profiler.run(mode, new ProfileListener() {
                    @Override
                    public void onProgress(double fraction, String what) {
                        updateProgress(fraction, 1);
                        updateMessage(what);
                    }
                }, token);
                // Kept with the catalog, where `inferplan estimate --accelerator this-machine` finds it too.
                context.catalogStore().ifPresent(store -> store.saveProfileRun(report.startedAtInstant(), report.mode(),
                        report.host().hostName(), report.devices().size(), report));
                return report;
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        step.textProperty().bind(task.messageProperty());
        setRunning(true);
        task.setOnSucceeded(e -> finish(task, task.getValue(), null));
        task.setOnFailed(e -> finish(task, null, task.getException()));
        Background.run(task);
    }

    private void finish(Task<ProfileReport> task, ProfileReport report, Throwable error) {
        progress.progressProperty().unbind();
        step.textProperty().unbind();
        setRunning(false);
        if (error != null) {
            progress.setProgress(0);
            step.setText("The profile failed: " + error.getMessage());
            return;
        }
        progress.setProgress(report.cancelled() ? 0 : 1);
        lastReport = report;
        List<Row> rows = new ArrayList<>();
        for (DeviceProfile device : report.devices()) {
            if (device.results().isEmpty()) {
                rows.add(new Row(device, null));
            }
            device.results().forEach(result -> rows.add(new Row(device, result)));
        }
        results.getItems().setAll(rows);
        step.setText(report.cancelled() ? "Cancelled; partial results shown." : report.devices().isEmpty() ? "No accelerator found."
                : report.devices().size() + " device(s) in " + String.format(java.util.Locale.ROOT, "%.1f s", report.wallSeconds()));
        notes.setText(report.host().cpuModel() + " · " + report.host().logicalCpus() + " CPUs"
                + (report.notes().isEmpty() ? "" : " · " + String.join(" · ", report.notes())));
        useAsHardware.setDisable(report.bestDevice().isEmpty());
        saveEntry.setDisable(report.bestDevice().isEmpty() || context.catalogStore().isEmpty());
    }

    /** Stores the measured device as the user's own catalog entry (kept in the catalog database, never the bundle). */
    private void saveAsCatalogEntry() {
        if (lastReport == null || lastReport.bestDevice().isEmpty() || context.catalogStore().isEmpty()) {
            return;
        }
        var entry = MeasuredSpecs.suggestEntry(lastReport.bestDevice().get(), lastReport);
        io.inferplan.app.fx.Tasks.submit(() -> {
            context.catalogStore().get().saveUserEntry(entry);
            context.reloadCatalog();
            return entry;
        }, saved -> step.setText("Saved '" + saved.name() + "' as your catalog entry " + saved.id() + "."),
                error -> step.setText("Could not save the entry: " + error.getMessage()));
    }

    /** Puts the measured device into the open scenario as its own accelerator (an undoable edit). */
    private void useAsHardware() {
        if (lastReport == null || lastReport.bestDevice().isEmpty() || context.session().scenario() == null) {
            return;
        }
        var spec = MeasuredSpecs.toSpec(lastReport.bestDevice().get(), lastReport, context.catalog());
        JsonNode specJson = JsonSupport.mapper().valueToTree(spec);
        context.session().editElsewhere(document -> {
            ObjectNode deployment = document.withObjectProperty("deployment");
            deployment.remove("accelerator");
            deployment.set("customAccelerator", specJson);
        });
        // The spec's name already says "(measured on HOST)".
        step.setText("The open scenario now runs on " + spec.name() + ". Undo with Ctrl+Z.");
    }

    private void setRunning(boolean running) {
        detect.setDisable(running);
        quick.setDisable(running);
        full.setDisable(running);
        cancel.setDisable(!running);
    }

    private static String label(String metric) {
        return switch (metric) {
            case BenchmarkResult.MEMORY_BANDWIDTH -> "Memory bandwidth";
            case BenchmarkResult.FP32 -> "FP32 throughput";
            case BenchmarkResult.FP16 -> "FP16 throughput";
            case BenchmarkResult.HOST_TO_DEVICE -> "Host to device";
            case BenchmarkResult.DEVICE_TO_HOST -> "Device to host";
            case BenchmarkResult.LAUNCH_LATENCY -> "Launch latency";
            default -> metric;
        };
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = Columns.text(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
