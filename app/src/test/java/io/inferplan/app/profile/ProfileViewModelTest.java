package io.inferplan.app.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.evaluation.InputChange;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.catalog.profile.BenchmarkResult;
import io.inferplan.catalog.profile.CancelToken;
import io.inferplan.catalog.profile.DeviceProfile;
import io.inferplan.catalog.profile.HostInfo;
import io.inferplan.catalog.profile.ProfileListener;
import io.inferplan.catalog.profile.ProfileMode;
import io.inferplan.catalog.profile.ProfileReport;
import io.inferplan.catalog.store.CatalogStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileViewModelTest {
    private static final HostInfo HOST = new HostInfo("box", "Linux", "Test CPU", 8, 16L << 30);

    @TempDir
    Path directory;
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final ScenarioSession session = new ScenarioSession();
    private final List<InputChange> published = new ArrayList<>();
    private final FakeProfiler profiler = new FakeProfiler();
    private CatalogStore catalogStore;

    /** Reports one CPU device, benchmarked unless only discovering; notes the token it was given. */
    private static final class FakeProfiler implements MachineProfiler {
        CancelToken token;
        RuntimeException failure;
        List<Double> reported = new ArrayList<>();

        @Override
        public ProfileReport discover() {
            return report("discover", List.of(), false);
        }

        @Override
        public ProfileReport run(ProfileMode mode, ProfileListener listener, CancelToken cancel) {
            token = cancel;
            if (failure != null) {
                throw failure;
            }
            listener.onProgress(0.5, "measuring memory bandwidth");
            return report(mode.name().toLowerCase(), List.of(
                    new BenchmarkResult(BenchmarkResult.MEMORY_BANDWIDTH, 48.5, "GB/s", "stream copy, 64 MiB", 62.4),
                    new BenchmarkResult(BenchmarkResult.FP32, 512, "GFLOPS", "fma chain", null)), cancel.isCancelled());
        }

        private static ProfileReport report(String mode, List<BenchmarkResult> results, boolean cancelled) {
            DeviceProfile cpu = new DeviceProfile("Test CPU", "Acme", "OpenCL", "CPU", "PoCL", "1.0", "OpenCL 3.0", 96L << 30, 8,
                    3000, true, null, null, List.of("8 compute units"), results, null);
            return new ProfileReport("2026-11-24T10:00:00Z", mode, 2.54, cancelled, HOST, List.of(cpu), List.of("no NVIDIA driver"));
        }
    }

    @BeforeEach
    void open() {
        catalogStore = CatalogStore.open(directory);
        fixture.changes.listen(published::add);
        session.open(new StoredScenario(UUID.randomUUID(), "Chat", AnalysisFixture.consumerChat(), 0, Instant.now(), Instant.now()));
    }

    private ProfileViewModel model(Optional<CatalogStore> store, TaskRunner runner) {
        return new ProfileViewModel(profiler, store, fixture.inputs, session, runner);
    }

    @Test
    void aQuickProfileReportsProgressListsEachFigureAndKeepsTheRun() {
        ProfileViewModel model = model(Optional.of(catalogStore), TaskRunner.sameThread());
        assertEquals("Nothing measured yet.", model.stepProperty().get());
        assertFalse(model.canUseAsHardwareProperty().get());
        List<Double> progress = new ArrayList<>();
        model.progressProperty().addListener((obs, old, value) -> progress.add(value.doubleValue()));

        model.profile(ProfileMode.QUICK);
        assertEquals(List.of(ProfileViewModel.INDETERMINATE, 0.5, 1.0), progress);
        assertFalse(model.runningProperty().get());
        assertEquals("1 device(s) in 2.5 s", model.stepProperty().get());
        assertEquals("Test CPU · 8 CPUs · no NVIDIA driver", model.notesProperty().get());
        assertEquals(2, model.rows().size());
        ProfileViewModel.Row bandwidth = model.rows().getFirst();
        assertEquals("Test CPU (OpenCL)", bandwidth.deviceName());
        assertEquals("Memory bandwidth", bandwidth.measured());
        assertTrue(bandwidth.value().endsWith(" GB/s") && bandwidth.value().startsWith("48"), bandwidth.value());
        assertEquals("62%", bandwidth.ofDatasheet());
        assertEquals("none", bandwidth.catalogMatch());
        assertEquals("stream copy, 64 MiB", bandwidth.how());
        assertEquals("–", model.rows().get(1).ofDatasheet());
        assertTrue(model.canUseAsHardwareProperty().get());
        assertTrue(model.canSaveEntryProperty().get());
        assertEquals(1, catalogStore.profileRuns().size(), "kept where `estimate --accelerator this-machine` finds it");
    }

    @Test
    void detectListsTheDevicesWithoutKeepingARunOrOfferingThemAsHardware() {
        ProfileViewModel model = model(Optional.of(catalogStore), TaskRunner.sameThread());
        model.detect();
        assertEquals(1, model.rows().size());
        assertNull(model.rows().getFirst().result());
        assertEquals("not benchmarked", model.rows().getFirst().value());
        assertEquals("8 compute units", model.rows().getFirst().how());
        assertFalse(model.canUseAsHardwareProperty().get(), "nothing measured to use");
        assertTrue(catalogStore.profileRuns().isEmpty());
    }

    @Test
    void cancelStopsTheRunWhichStillShowsWhatItMeasured() {
        List<Runnable> queued = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> Job submit(Work<T> work, Listener<T> listener) {
                queued.add(() -> TaskRunner.sameThread().submit(work, listener));
                return new CancelFlag();
            }
        };
        ProfileViewModel model = model(Optional.of(catalogStore), deferred);
        model.profile(ProfileMode.FULL);
        assertTrue(model.runningProperty().get(), "detect, quick and full are off, cancel is on");
        model.detect();
        assertEquals(1, queued.size(), "one run at a time");
        model.cancel();
        assertEquals("Cancelling…", model.stepProperty().get());
        queued.getFirst().run();
        assertTrue(profiler.token.isCancelled(), "the profiler was told to stop");
        assertFalse(model.runningProperty().get());
        assertEquals("Cancelled; partial results shown.", model.stepProperty().get());
        assertEquals(0, model.progressProperty().get());
        assertEquals(2, model.rows().size());
    }

    @Test
    void aFailedProfileSaysWhyAndCanBeStartedAgain() {
        profiler.failure = new IllegalStateException("no OpenCL loader");
        ProfileViewModel model = model(Optional.of(catalogStore), TaskRunner.sameThread());
        model.profile(ProfileMode.QUICK);
        assertEquals("The profile failed: no OpenCL loader", model.stepProperty().get());
        assertFalse(model.runningProperty().get());
        assertNull(model.lastReportProperty().get());
        profiler.failure = null;
        model.profile(ProfileMode.QUICK);
        assertNotNull(model.lastReportProperty().get());
    }

    @Test
    void theMeasuredDeviceBecomesTheScenariosHardwareAsOneUndoableEdit() throws Exception {
        ProfileViewModel model = model(Optional.of(catalogStore), TaskRunner.sameThread());
        String accelerator = session.get("deployment.accelerator").asText();
        model.profile(ProfileMode.QUICK);
        model.useAsHardware();
        assertNull(session.get("deployment.accelerator"));
        assertEquals("Test CPU (measured)", session.get("deployment.customAccelerator.name").asText());
        assertTrue(session.get("deployment.customAccelerator.measured").asBoolean());
        assertEquals("The open scenario now runs on Test CPU (measured). Undo with Ctrl+Z.", model.stepProperty().get());
        var spec = io.inferplan.engine.JsonSupport.mapper().treeToValue(session.get("deployment.customAccelerator"),
                io.inferplan.engine.hardware.AcceleratorSpec.class);
        assertEquals(48.5e9, spec.memoryBandwidthBytesPerSecond(), 1, "the engine reads the measured bandwidth");
        session.undo();
        assertEquals(accelerator, session.get("deployment.accelerator").asText());
        assertNull(session.get("deployment.customAccelerator"));
    }

    @Test
    void theMeasuredDeviceCanBeSavedAsAnOwnCatalogEntryWhichScenariosThenUse() {
        ProfileViewModel model = model(Optional.of(catalogStore), TaskRunner.sameThread());
        model.profile(ProfileMode.QUICK);
        model.saveAsCatalogEntry();
        String id = "measured-test-cpu-box";
        assertTrue(catalogStore.userEntry(id).isPresent());
        assertTrue(fixture.inputs.catalog().find(id).isPresent());
        assertEquals(List.of(InputChange.CATALOG), published);
        assertEquals("Saved 'Test CPU (measured)' as your catalog entry " + id + ".", model.stepProperty().get());
    }

    @Test
    void withoutACatalogStoreNothingIsKeptAndNoEntryOffered() {
        ProfileViewModel model = model(Optional.empty(), TaskRunner.sameThread());
        model.profile(ProfileMode.QUICK);
        assertTrue(model.canUseAsHardwareProperty().get());
        assertFalse(model.canSaveEntryProperty().get());
        model.saveAsCatalogEntry();
        assertTrue(published.isEmpty());
    }
}
