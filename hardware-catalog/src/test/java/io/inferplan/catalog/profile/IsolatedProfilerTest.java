package io.inferplan.catalog.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A GPU driver that hangs or crashes ends the profiling process, never the caller: the report says what happened.
 * The faults are injected in the child process (a hang that ignores interrupts, a native access to address 8).
 */
class IsolatedProfilerTest {
    @Test
    @Timeout(120)
    void aHangingDriverIsStoppedAndSaidSo() {
        ProfileReport report = new IsolatedProfiler(List.of("-D" + ProfileWorker.FAULT_PROPERTY + "=hang"), 2_000)
                .run(ProfileMode.QUICK, ProfileListener.NONE, new CancelToken());
        assertTrue(report.devices().isEmpty());
        assertEquals(1, report.notes().size(), report.notes().toString());
        assertTrue(report.notes().getFirst().contains("did not answer for 2 s (hung)"), report.notes().toString());
    }

    @Test
    @Timeout(120)
    void aCrashingDriverEndsOnlyItsOwnProcessAndLeavesNoCrashLogHere() throws Exception {
        Path here = Path.of(System.getProperty("user.dir"));
        List<Path> before = crashLogs(here);
        ProfileReport report = new IsolatedProfiler(List.of("-D" + ProfileWorker.FAULT_PROPERTY + "=crash"), 10_000)
                .run(ProfileMode.QUICK, ProfileListener.NONE, new CancelToken());
        assertTrue(report.notes().getFirst().contains("the GPU driver crashed it"), report.notes().toString());
        assertEquals(before, crashLogs(here), "no hs_err file in the working directory");
    }

    @Test
    @Timeout(120)
    void aHealthyDriverAnswersThroughTheChildProcess() {
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProfileReport report = new IsolatedProfiler().run(ProfileMode.QUICK, (fraction, step) -> progress.add(fraction), new CancelToken());
        assertFalse(report.devices().isEmpty(), "PoCL's CPU device is found: " + report.notes());
        assertTrue(report.bestDevice().isPresent(), "and benchmarked");
        assertEquals(1.0, progress.getLast(), 1e-9, "progress reached the caller");
    }

    private static List<Path> crashLogs(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).sorted().toList();
        }
    }
}
