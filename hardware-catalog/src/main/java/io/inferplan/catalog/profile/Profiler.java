package io.inferplan.catalog.profile;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the accelerators on this machine (NVML, amd-smi/rocm-smi, OpenCL), measures them through OpenCL and sets
 * the figures beside the matched catalog entry's datasheet. Nothing found is a report with no devices and notes
 * saying why; a device that fails to benchmark keeps its discovery data and says what went wrong.
 */
public final class Profiler {
    private final AcceleratorCatalog catalog;
    private final List<String> openClLibraries;
    private final List<String> nvmlLibraries;

    public Profiler(AcceleratorCatalog catalog) {
        this(catalog, OpenCl.libraryNames(), Nvml.libraryNames());
    }

    /** For tests: other library names (a missing one exercises the "not installed" path). */
    Profiler(AcceleratorCatalog catalog, List<String> openClLibraries, List<String> nvmlLibraries) {
        this.catalog = catalog;
        this.openClLibraries = openClLibraries;
        this.nvmlLibraries = nvmlLibraries;
    }

    /** Discovery only: what is there, no benchmarks (fast). */
    public ProfileReport discover() {
        Instant start = Instant.now();
        List<String> notes = new ArrayList<>();
        List<DeviceProfile> devices = new ArrayList<>(otherApis(notes));
        Availability<OpenCl> cl = OpenCl.load(openClLibraries);
        if (cl.isPresent()) {
            for (OpenClDevice device : openClDevices(cl.value().orElseThrow(), notes)) {
                devices.add(device.profile());
            }
        } else {
            notes.add("OpenCL: " + cl.reason());
        }
        if (devices.isEmpty()) {
            notes.add("No GPU or other accelerator found.");
        }
        return new ProfileReport(start.toString(), "discover", seconds(start), false, HostInfo.probe(), devices, notes);
    }

    /** Discovers and benchmarks every OpenCL device. */
    public ProfileReport run(ProfileMode mode, ProfileListener listener, CancelToken cancel) {
        Instant start = Instant.now();
        ProfileListener progress = listener == null ? ProfileListener.NONE : listener;
        CancelToken token = cancel == null ? new CancelToken() : cancel;
        List<String> notes = new ArrayList<>();
        progress.onProgress(0, "discovering devices");
        List<DeviceProfile> devices = new ArrayList<>(otherApis(notes));
        Availability<OpenCl> loaded = OpenCl.load(openClLibraries);
        if (!loaded.isPresent()) {
            notes.add("OpenCL: " + loaded.reason() + "; nothing can be benchmarked");
        } else {
            OpenCl cl = loaded.value().orElseThrow();
            List<OpenClDevice> found = openClDevices(cl, notes);
            int totalSteps = Math.max(1, found.stream().mapToInt(d -> OpenClBenchmarks.stepCount(mode, d.profile().fp16Supported())).sum());
            StepCounter steps = new StepCounter(progress, totalSteps);
            for (OpenClDevice device : found) {
                if (token.isCancelled()) {
                    devices.add(device.profile());
                    continue;
                }
                DeviceProfile profile = device.profile();
                try {
                    List<BenchmarkResult> results = new OpenClBenchmarks(cl, device.handle(), profile, mode, steps).run(token);
                    devices.add(withPercentages(profile.withResults(results, null)));
                } catch (RuntimeException e) {
                    devices.add(profile.withResults(List.of(), "benchmark failed: " + e.getMessage()));
                    notes.add(profile.name() + ": benchmark failed: " + e.getMessage());
                }
            }
        }
        if (devices.isEmpty()) {
            notes.add("No GPU or other accelerator found.");
        }
        if (token.isCancelled()) {
            notes.add("Cancelled: figures measured before the cancel are kept.");
        }
        progress.onProgress(1, token.isCancelled() ? "cancelled" : "done");
        return new ProfileReport(start.toString(), mode.name().toLowerCase(Locale.ROOT), seconds(start), token.isCancelled(), HostInfo.probe(), devices, notes);
    }

    private List<DeviceProfile> otherApis(List<String> notes) {
        List<DeviceProfile> devices = new ArrayList<>();
        Nvml.Discovery nvidia = Nvml.discover(nvmlLibraries);
        notes.add(nvidia.note());
        nvidia.devices().forEach(d -> devices.add(match(d)));
        AmdSmi.Discovery amd = AmdSmi.discover();
        notes.add(amd.note());
        amd.devices().forEach(d -> devices.add(match(d)));
        return devices;
    }

    record OpenClDevice(MemorySegment handle, DeviceProfile profile) {
    }

    private List<OpenClDevice> openClDevices(OpenCl cl, List<String> notes) {
        List<OpenClDevice> devices = new ArrayList<>();
        try {
            List<MemorySegment> platforms = cl.platforms();
            if (platforms.isEmpty()) {
                notes.add("OpenCL: the loader is installed but no driver (ICD) is registered");
            }
            for (MemorySegment platform : platforms) {
                String platformName = cl.platformText(platform, OpenCl.CL_PLATFORM_NAME);
                for (MemorySegment device : cl.devices(platform)) {
                    devices.add(new OpenClDevice(device, match(describe(cl, platformName, device))));
                }
            }
            notes.add("OpenCL: " + devices.size() + " device(s) on " + platforms.size() + " platform(s)");
        } catch (RuntimeException e) {
            notes.add("OpenCL: the driver failed during discovery: " + e.getMessage());
        }
        return devices;
    }

    private static DeviceProfile describe(OpenCl cl, String platform, MemorySegment device) {
        String extensions = cl.deviceText(device, OpenCl.CL_DEVICE_EXTENSIONS);
        long type = cl.deviceLong(device, OpenCl.CL_DEVICE_TYPE);
        List<String> details = new ArrayList<>();
        details.add("max work-group size " + cl.deviceLong(device, OpenCl.CL_DEVICE_MAX_WORK_GROUP_SIZE));
        details.add("max allocation " + (cl.deviceLong(device, OpenCl.CL_DEVICE_MAX_MEM_ALLOC_SIZE) >> 20) + " MiB");
        details.add("extensions: " + extensions);
        return new DeviceProfile(
                cl.deviceText(device, OpenCl.CL_DEVICE_NAME),
                cl.deviceText(device, OpenCl.CL_DEVICE_VENDOR),
                "OpenCL",
                OpenCl.describeDeviceType(type).orElse("other"),
                platform,
                cl.deviceText(device, OpenCl.CL_DRIVER_VERSION),
                cl.deviceText(device, OpenCl.CL_DEVICE_VERSION),
                cl.deviceLong(device, OpenCl.CL_DEVICE_GLOBAL_MEM_SIZE),
                cl.deviceInt(device, OpenCl.CL_DEVICE_MAX_COMPUTE_UNITS),
                cl.deviceInt(device, OpenCl.CL_DEVICE_MAX_CLOCK_FREQUENCY),
                extensions.contains("cl_khr_fp16"),
                "",
                null,
                details,
                List.of(),
                null);
    }

    /** The catalog entry for a device: by PCI id first, then by name (NVML and OpenCL names carry the product). */
    DeviceProfile match(DeviceProfile device) {
        Optional<CatalogEntry> hit = Optional.empty();
        if (device.pciId() != null && !device.pciId().isBlank()) {
            hit = catalog.findByPciId(device.pciId());
        }
        if (hit.isEmpty()) {
            hit = catalog.find(device.name());
        }
        return device.withMatch(hit.map(CatalogEntry::id).orElse(null));
    }

    /** Adds "percent of datasheet" where the matched entry has a comparable figure. */
    DeviceProfile withPercentages(DeviceProfile device) {
        if (device.matchedCatalogId() == null) {
            return device;
        }
        CatalogEntry entry = catalog.find(device.matchedCatalogId()).orElse(null);
        if (entry == null) {
            return device;
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (BenchmarkResult result : device.results()) {
            Double datasheet = switch (result.metric()) {
                case BenchmarkResult.MEMORY_BANDWIDTH -> entry.memoryBandwidthGBps().number();
                case BenchmarkResult.FP32 -> entry.denseTflops(io.inferplan.engine.model.Precision.FP32).map(t -> t * 1000).orElse(null);
                case BenchmarkResult.HOST_TO_DEVICE, BenchmarkResult.DEVICE_TO_HOST ->
                        entry.hostLinkGBpsPerDirection() == null ? null : entry.hostLinkGBpsPerDirection().number();
                default -> null; // FP16 vector math is not the datasheet's tensor-core FP16; no fair percentage
            };
            results.add(datasheet == null || datasheet <= 0 ? result
                    : result.withPercent(Math.round(result.value() / datasheet * 1000.0) / 10.0));
        }
        return device.withResults(results, device.problem());
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** Turns per-step notifications into a 0..1 fraction. */
    private static final class StepCounter implements OpenClBenchmarks.Steps {
        private final ProfileListener listener;
        private final int total;
        private int done;

        StepCounter(ProfileListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        @Override
        public void begin(String step) {
            if (!step.startsWith("compiling")) {
                done++;
            }
            listener.onProgress(Math.max(0, Math.min(0.99, (double) (done - 1) / total)), step);
        }

        @Override
        public void result(DeviceProfile device, BenchmarkResult result) {
            listener.onResult(device, result);
        }
    }
}
