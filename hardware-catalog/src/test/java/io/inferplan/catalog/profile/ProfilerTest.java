package io.inferplan.catalog.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real OpenCL path on whatever device is installed (PoCL's CPU device on CI). */
class ProfilerTest {
    private static final AcceleratorCatalog CATALOG = AcceleratorCatalog.bundled();
    private static ProfileReport quick;
    private static final List<Double> progress = new ArrayList<>();

    @BeforeAll
    static void runQuickProfileOnce() {
        quick = new Profiler(CATALOG).run(ProfileMode.QUICK, (fraction, step) -> progress.add(fraction), new CancelToken());
    }

    @Test
    void quickProfileMeasuresEveryFigureOnTheOpenClDevice() {
        DeviceProfile device = quick.devices().stream().filter(d -> d.api().equals("OpenCL")).findFirst()
                .orElseThrow(() -> new AssertionError("no OpenCL device; notes: " + quick.notes()));
        assertTrue(device.memoryBandwidthGBps() > 0.1, "bandwidth " + device.memoryBandwidthGBps());
        assertTrue(device.fp32Gflops() > 0.1, "fp32 " + device.fp32Gflops());
        for (String metric : List.of(BenchmarkResult.HOST_TO_DEVICE, BenchmarkResult.DEVICE_TO_HOST, BenchmarkResult.LAUNCH_LATENCY)) {
            BenchmarkResult result = device.result(metric).orElseThrow(() -> new AssertionError(metric + " missing"));
            assertTrue(result.value() > 0);
            assertFalse(result.method().isBlank());
        }
        assertTrue(device.memoryBytes() > 0);
        assertTrue(device.computeUnits() > 0);
        assertTrue(quick.wallSeconds() > 0, "quick mode took " + quick.wallSeconds() + " s");
        assertEquals(1.0, progress.getLast());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
    }

    @Test
    void measuredDeviceBecomesAnEngineSpecAndAUserEntryOffer() {
        DeviceProfile device = quick.bestDevice().orElseThrow();
        CatalogEntry offer = MeasuredSpecs.suggestEntry(device, quick);
        assertEquals(EntryOrigin.MEASURED, offer.origin());
        assertEquals(device.memoryBandwidthGBps(), offer.memoryBandwidthGBps().number(), 1e-9);
        assertTrue(offer.sources().size() == 1 && !offer.sources().getFirst().date().isBlank());
        AcceleratorSpec spec = MeasuredSpecs.toSpec(device, quick, CATALOG);
        assertTrue(spec.measured());
        assertEquals(device.memoryBandwidthGBps() * 1e9, spec.memoryBandwidthBytesPerSecond(), 1);
        assertEquals(device.fp32Gflops() * 1e9, spec.flopsPerSecondFor(Precision.FP32), 1);
    }

    @Test
    void cancellingStopsEarlyAndKeepsWhatWasMeasured() {
        CancelToken cancel = new CancelToken();
        AtomicInteger results = new AtomicInteger();
        ProfileReport report = new Profiler(CATALOG).run(ProfileMode.FULL, new ProfileListener() {
            @Override
            public void onProgress(double fraction, String step) {
            }

            @Override
            public void onResult(DeviceProfile device, BenchmarkResult result) {
                results.incrementAndGet();
                cancel.cancel(); // stop right after the first figure
            }
        }, cancel);
        assertTrue(report.cancelled());
        assertEquals(1, results.get());
        assertTrue(report.devices().stream().mapToInt(d -> d.results().size()).sum() <= 1);
    }

    @Test
    void missingLibrariesAreAPlainAnswerNotAnError() {
        Profiler profiler = new Profiler(CATALOG, List.of("libOpenCL-not-here.so.9"), List.of("libnvidia-ml-not-here.so.1"));
        ProfileReport report = profiler.run(ProfileMode.QUICK, null, null);
        assertTrue(report.devices().stream().noneMatch(d -> d.api().equals("OpenCL") || d.api().equals("NVML")));
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("NVML:") && n.contains("not found")), report.notes().toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("OpenCL:") && n.contains("libOpenCL-not-here")), report.notes().toString());
        assertFalse(report.cancelled());
    }

    @Test
    void nvmlWithoutDriverSaysSo() {
        Nvml.Discovery discovery = Nvml.discover();
        assertNotNull(discovery.note());
        if (discovery.devices().isEmpty()) {
            assertTrue(discovery.note().startsWith("NVML:"), discovery.note());
        }
    }

    @Test
    void discoveredNamesMatchCatalogEntriesByNameOrPciId() {
        Profiler profiler = new Profiler(CATALOG);
        DeviceProfile nvmlName = new DeviceProfile("NVIDIA H100 80GB HBM3", "NVIDIA", "NVML", "GPU", "", "", "", 80L << 30, 132, 1980,
                true, "", null, List.of(), List.of(), null);
        assertEquals("h100-sxm-80gb", profiler.match(nvmlName).matchedCatalogId());
        DeviceProfile byPci = new DeviceProfile("Some GPU", "NVIDIA", "NVML", "GPU", "", "", "", 0, 0, 0, true, "10de:26b9", null,
                List.of(), List.of(), null);
        assertEquals("l40s-48gb", profiler.match(byPci).matchedCatalogId());
        assertEquals(null, profiler.match(new DeviceProfile("pthread-skylake-avx512", "AuthenticAMD", "OpenCL", "CPU", "", "", "", 0, 0,
                0, false, "", null, List.of(), List.of(), null)).matchedCatalogId());
    }
}
