package io.inferplan.catalog.profile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one profile run found and measured. No device is a normal answer ({@code devices} empty), and
 * {@code notes} says plainly what was not there (no NVIDIA driver, no OpenCL loader...).
 */
/* startedAt is ISO-8601 text so the report serialises without extra Jackson modules. */
public record ProfileReport(
        String startedAt,
        String mode,
        double wallSeconds,
        boolean cancelled,
        HostInfo host,
        List<DeviceProfile> devices,
        List<String> notes) {

    public ProfileReport {
        startedAt = startedAt == null ? Instant.now().toString() : startedAt;
        devices = devices == null ? List.of() : List.copyOf(devices);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** When the run started. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Instant startedAtInstant() {
        return Instant.parse(startedAt);
    }

    /** The device with the highest measured bandwidth: the usual pick for "this machine". */
    public Optional<DeviceProfile> bestDevice() {
        return devices.stream().filter(DeviceProfile::benchmarked)
                .max(java.util.Comparator.comparingDouble(d -> d.memoryBandwidthGBps() == null ? 0 : d.memoryBandwidthGBps()));
    }
}
