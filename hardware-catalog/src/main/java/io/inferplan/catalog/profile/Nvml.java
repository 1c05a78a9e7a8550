package io.inferplan.catalog.profile;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * NVIDIA's management library (libnvidia-ml.so.1, installed with the driver) through the foreign function API:
 * names, memory, clocks, power limit, PCIe link, driver and CUDA version, compute capability. Without the driver
 * the answer is "not installed", never an exception.
 */
public final class Nvml {
    private static final int NVML_SUCCESS = 0;
    private static final int NVML_CLOCK_SM = 1;
    private static final int NVML_CLOCK_MEM = 2;

    private final SymbolLookup library;
    private final Linker linker = Linker.nativeLinker();

    private Nvml(SymbolLookup library) {
        this.library = library;
    }

    static List<String> libraryNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("win") ? List.of("nvml.dll") : List.of("libnvidia-ml.so.1", "libnvidia-ml.so");
    }

    /** Discovers NVIDIA GPUs; a missing or broken driver is a plain answer in {@link Discovery#note}. */
    public static Discovery discover() {
        return discover(libraryNames());
    }

    static Discovery discover(List<String> names) {
        for (String name : names) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                continue;
            } catch (IllegalCallerException e) {
                return new Discovery(List.of(), "NVML: native access is not enabled (start with --enable-native-access=io.inferplan.catalog)");
            }
            try {
                return new Nvml(lookup).devices();
            } catch (Throwable t) {
                return new Discovery(List.of(), "NVML: the NVIDIA driver library is present but failed: " + t.getMessage());
            }
        }
        return new Discovery(List.of(), "NVML: " + String.join(" / ", names) + " not found (no NVIDIA driver installed)");
    }

    /** What discovery found, and a sentence for the report. */
    public record Discovery(List<DeviceProfile> devices, String note) {
    }

    private MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return library.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor)).orElse(null);
    }

    private Discovery devices() throws Throwable {
        MethodHandle init = handle("nvmlInit_v2", FunctionDescriptor.of(JAVA_INT));
        MethodHandle shutdown = handle("nvmlShutdown", FunctionDescriptor.of(JAVA_INT));
        MethodHandle count = handle("nvmlDeviceGetCount_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        MethodHandle byIndex = handle("nvmlDeviceGetHandleByIndex_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        if (init == null || count == null || byIndex == null) {
            return new Discovery(List.of(), "NVML: the driver library is too old (no nvmlInit_v2)");
        }
        int status = (int) init.invoke();
        if (status != NVML_SUCCESS) {
            return new Discovery(List.of(), "NVML: the driver did not initialise (NVML error " + status + ": " + errorString(status) + ")");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocate(JAVA_INT);
            check((int) count.invoke(n), "nvmlDeviceGetCount");
            String driver = text("nvmlSystemGetDriverVersion", null, 96).orElse("");
            String cuda = cudaVersion().orElse("");
            List<DeviceProfile> devices = new ArrayList<>();
            for (int i = 0; i < n.get(JAVA_INT, 0); i++) {
                MemorySegment deviceHandle = arena.allocate(ADDRESS);
                check((int) byIndex.invoke(i, deviceHandle), "nvmlDeviceGetHandleByIndex");
                devices.add(describe(deviceHandle.get(ADDRESS, 0), driver, cuda));
            }
            return new Discovery(devices, "NVML: " + devices.size() + " NVIDIA GPU(s), driver " + driver + (cuda.isEmpty() ? "" : ", CUDA " + cuda));
        } finally {
            if (shutdown != null) {
                int ignored = (int) shutdown.invoke();
            }
        }
    }

    private DeviceProfile describe(MemorySegment device, String driver, String cuda) throws Throwable {
        String name = text("nvmlDeviceGetName", device, 96).orElse("NVIDIA GPU");
        long memory = 0;
        List<String> details = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle memoryInfo = handle("nvmlDeviceGetMemoryInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            MemorySegment info = arena.allocate(24); // nvmlMemory_t: total, free, used (unsigned long long)
            if (memoryInfo != null && (int) memoryInfo.invoke(device, info) == NVML_SUCCESS) {
                memory = info.get(JAVA_LONG, 0);
            }
            int smClock = intQuery("nvmlDeviceGetMaxClockInfo", device, NVML_CLOCK_SM).orElse(0);
            intQuery("nvmlDeviceGetMaxClockInfo", device, NVML_CLOCK_MEM).ifPresent(mhz -> details.add("max memory clock " + mhz + " MHz"));
            intQuery("nvmlDeviceGetPowerManagementLimit", device, null).ifPresent(mw -> details.add("power limit " + mw / 1000 + " W"));
            intQuery("nvmlDeviceGetCurrPcieLinkGeneration", device, null).ifPresent(g -> details.add("PCIe gen " + g));
            intQuery("nvmlDeviceGetCurrPcieLinkWidth", device, null).ifPresent(w -> details.add("PCIe x" + w));
            intQuery("nvmlDeviceGetNumGpuCores", device, null).ifPresent(c -> details.add(c + " CUDA cores"));
            MethodHandle capability = handle("nvmlDeviceGetCudaComputeCapability", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
            if (capability != null) {
                MemorySegment major = arena.allocate(JAVA_INT);
                MemorySegment minor = arena.allocate(JAVA_INT);
                if ((int) capability.invoke(device, major, minor) == NVML_SUCCESS) {
                    details.add("compute capability " + major.get(JAVA_INT, 0) + "." + minor.get(JAVA_INT, 0));
                }
            }
            String pciId = pciId(device).orElse("");
            int multiprocessors = 0; // NVML has no plain call for the SM count; the CUDA core count is in details
            return new DeviceProfile(name, "NVIDIA", "NVML", "GPU", "NVIDIA driver", driver, cuda.isEmpty() ? "" : "CUDA " + cuda,
                    memory, multiprocessors, smClock, true, pciId, null, details, List.of(), null);
        }
    }

    /** PCI "vendor:device" from nvmlPciInfo_t.pciDeviceId (device id in the high 16 bits, vendor in the low). */
    private Optional<String> pciId(MemorySegment device) throws Throwable {
        MethodHandle pci = handle("nvmlDeviceGetPciInfo_v3", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        if (pci == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            // nvmlPciInfo_t: char busIdLegacy[16]; uint domain, bus, device, pciDeviceId, pciSubSystemId; char busId[32]
            MemorySegment info = arena.allocate(16 + 5 * 4 + 32);
            if ((int) pci.invoke(device, info) != NVML_SUCCESS) {
                return Optional.empty();
            }
            int id = info.get(JAVA_INT, 16 + 3 * 4);
            return Optional.of(String.format(Locale.ROOT, "%04x:%04x", id & 0xFFFF, (id >>> 16) & 0xFFFF));
        }
    }

    private Optional<Integer> intQuery(String function, MemorySegment device, Integer selector) throws Throwable {
        MethodHandle h = selector == null
                ? handle(function, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS))
                : handle(function, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        if (h == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_INT);
            int status = selector == null ? (int) h.invoke(device, value) : (int) h.invoke(device, selector.intValue(), value);
            return status == NVML_SUCCESS ? Optional.of(value.get(JAVA_INT, 0)) : Optional.empty();
        }
    }

    private Optional<String> text(String function, MemorySegment device, int length) throws Throwable {
        MethodHandle h = device == null
                ? handle(function, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT))
                : handle(function, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        if (h == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(length);
            int status = device == null ? (int) h.invoke(buffer, length) : (int) h.invoke(device, buffer, length);
            return status == NVML_SUCCESS ? Optional.of(cString(buffer)) : Optional.empty();
        }
    }

    private Optional<String> cudaVersion() throws Throwable {
        MethodHandle h = handle("nvmlSystemGetCudaDriverVersion_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        if (h == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            if ((int) h.invoke(v) != NVML_SUCCESS) {
                return Optional.empty();
            }
            int version = v.get(JAVA_INT, 0);
            return Optional.of(version / 1000 + "." + (version % 1000) / 10);
        }
    }

    private String errorString(int status) {
        try {
            MethodHandle h = handle("nvmlErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
            if (h == null) {
                return "unknown";
            }
            MemorySegment text = ((MemorySegment) h.invoke(status)).reinterpret(256);
            return cString(text);
        } catch (Throwable t) {
            return "unknown";
        }
    }

    private static void check(int status, String call) {
        if (status != NVML_SUCCESS) {
            throw new IllegalStateException(call + " returned NVML error " + status);
        }
    }

    private static String cString(MemorySegment segment) {
        byte[] bytes = segment.toArray(ValueLayout.JAVA_BYTE);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
    }
}
