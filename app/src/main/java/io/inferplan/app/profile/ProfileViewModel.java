package io.inferplan.app.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.evaluation.EvaluationInputs;
import io.inferplan.cli.text.Formats;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.profile.BenchmarkResult;
import io.inferplan.catalog.profile.CancelToken;
import io.inferplan.catalog.profile.DeviceProfile;
import io.inferplan.catalog.profile.MeasuredSpecs;
import io.inferplan.catalog.profile.ProfileMode;
import io.inferplan.catalog.profile.ProfileReport;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.hardware.AcceleratorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile page's state and actions: detect this machine's accelerators or benchmark them (progress, cancel),
 * the measured figures as rows, and what a measured device can become: the open scenario's hardware (an undoable
 * edit) or the user's own catalog entry. Every benchmark run is kept in the catalog store, where
 * {@code inferplan estimate --accelerator this-machine} finds it too.
 */
public final class ProfileViewModel {
    /** The progress while nothing says how far the work is (a progress bar shows it moving, without a share). */
    public static final double INDETERMINATE = -1;

    /** One measured figure of one device, or a device with none (not benchmarked, or why it could not be). */
    public record Row(DeviceProfile device, BenchmarkResult result) {
        public String deviceName() {
            return device.name() + " (" + device.api() + ")";
        }

        public String measured() {
            return result == null ? "–" : label(result.metric());
        }

        public String value() {
            if (result == null) {
                return device.problem() == null ? "not benchmarked" : device.problem();
            }
            return Formats.number(result.value()) + " " + result.unit();
        }

        public String ofDatasheet() {
            return result == null || result.percentOfDatasheet() == null ? "–"
                    : String.format(Locale.ROOT, "%.0f%%", result.percentOfDatasheet());
        }

        public String catalogMatch() {
            return device.matchedCatalogId() == null ? "none" : device.matchedCatalogId();
        }

        public String how() {
            return result == null ? String.join("; ", device.details()) : result.method();
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
    }

    private final MachineProfiler profiler;
    private final Optional<CatalogStore> catalogStore;
    private final EvaluationInputs inputs;
    private final ScenarioSession session;
    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("Nothing measured yet.");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ProfileReport> lastReport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUseAsHardware = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSaveEntry = new ReadOnlyBooleanWrapper();
    private CancelToken cancelToken;

    public ProfileViewModel(MachineProfiler profiler, Optional<CatalogStore> catalogStore, EvaluationInputs inputs,
                            ScenarioSession session, TaskRunner runner) {
        this.profiler = profiler;
        this.catalogStore = catalogStore;
        this.inputs = inputs;
        this.session = session;
        this.runner = runner;
    }

    /** True while a detect or a profile runs: the buttons that start one are off, cancel is on. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is being measured now, or how the last action went. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The host and what the run noted (a driver missing, a device skipped). */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The last finished report, or null. */
    public ReadOnlyObjectProperty<ProfileReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUseAsHardwareProperty() {
        return canUseAsHardware.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveEntryProperty() {
        return canSaveEntry.getReadOnlyProperty();
    }

    /** Finds the devices without benchmarking them. */
    public void detect() {
        start(null);
    }

    /** Benchmarks the devices; the run is kept in the catalog store. */
    public void profile(ProfileMode mode) {
        start(mode);
    }

    /** Asks the run in progress to stop; it reports what it measured so far. */
    public void cancel() {
        if (running.get() && cancelToken != null) {
            cancelToken.cancel();
            step.set("Cancelling…");
        }
    }

    private void start(ProfileMode mode) {
        if (running.get()) {
            return;
        }
        // Not the job's own cancel: a cancelled run still reports its partial results, which a cancelled job drops.
        CancelToken token = new CancelToken();
        cancelToken = token;
        running.set(true);
        progress.set(INDETERMINATE);
        step.set(mode == null ? "Looking for devices…" : "");
        runner.submit(work -> measure(mode, token, work), new TaskRunner.Listener<ProfileReport>() {
            @Override
            public void succeeded(ProfileReport report) {
                finish(report);
            }

            @Override
            public void failed(Throwable error) {
                running.set(false);
                progress.set(0);
                step.set("The profile failed: " + error.getMessage());
            }

            @Override
            public void progressed(double fraction, String what) {
                progress.set(fraction);
                step.set(what);
            }
        });
    }

    private ProfileReport measure(ProfileMode mode, CancelToken token, TaskRunner.Progress work) {
        if (mode == null) {
            return profiler.discover();
        }
        ProfileReport report = profiler.run(mode, work::update, token);
        catalogStore.ifPresent(store -> store.saveProfileRun(report.startedAtInstant(), report.mode(), report.host().hostName(),
                report.devices().size(), report));
        return report;
    }

    private void finish(ProfileReport report) {
        running.set(false);
        progress.set(report.cancelled() ? 0 : 1);
        lastReport.set(report);
        List<Row> next = new ArrayList<>();
        for (DeviceProfile device : report.devices()) {
            if (device.results().isEmpty()) {
                next.add(new Row(device, null));
            }
            device.results().forEach(result -> next.add(new Row(device, result)));
        }
        rows.setAll(next);
        step.set(report.cancelled() ? "Cancelled; partial results shown." : report.devices().isEmpty() ? "No accelerator found."
                : report.devices().size() + " device(s) in " + String.format(Locale.ROOT, "%.1f s", report.wallSeconds()));
        notes.set(report.host().cpuModel() + " · " + report.host().logicalCpus() + " CPUs"
                + (report.notes().isEmpty() ? "" : " · " + String.join(" · ", report.notes())));
        canUseAsHardware.set(report.bestDevice().isPresent());
        canSaveEntry.set(report.bestDevice().isPresent() && catalogStore.isPresent());
    }

    /** Puts the measured device into the open scenario as its own accelerator, as one undoable edit. */
    public void useAsHardware() {
        ProfileReport report = lastReport.get();
        if (report == null || report.bestDevice().isEmpty() || session.scenario() == null) {
            return;
        }
        AcceleratorSpec spec;
        try {
            spec = MeasuredSpecs.toSpec(report.bestDevice().get(), report, inputs.catalog());
        } catch (RuntimeException e) {
            step.set("This device cannot be the scenario's hardware: " + e.getMessage());
            return;
        }
        JsonNode specJson = JsonSupport.mapper().valueToTree(spec);
        session.editElsewhere(document -> {
            ObjectNode deployment = document.withObjectProperty("deployment");
            deployment.remove("accelerator");
            deployment.set("customAccelerator", specJson);
        });
        // The spec's name already says "(measured on HOST)".
        step.set("The open scenario now runs on " + spec.name() + ". Undo with Ctrl+Z.");
    }

    /** Stores the measured device as the user's own catalog entry (in the catalog store, never the bundle). */
    public void saveAsCatalogEntry() {
        ProfileReport report = lastReport.get();
        if (report == null || report.bestDevice().isEmpty() || catalogStore.isEmpty()) {
            return;
        }
        CatalogEntry entry = MeasuredSpecs.suggestEntry(report.bestDevice().get(), report);
        CatalogStore store = catalogStore.get();
        runner.submit(() -> {
            store.saveUserEntry(entry);
            inputs.useCatalog(store.catalog());
            return entry;
        }, saved -> step.set("Saved '" + saved.name() + "' as your catalog entry " + saved.id() + "."),
                error -> step.set("Could not save the entry: " + error.getMessage()));
    }
}
