package io.inferplan.engine.sim;

import io.inferplan.engine.hardware.AcceleratorSpec;
import java.util.Locale;

/**
 * The link between one accelerator and its host's memory, which swapped KV blocks cross. {@link AcceleratorSpec} does
 * not carry it, so it is the part's host interface by family, at the link's peak per direction (an upper bound: pinned
 * copies reach about 80-90% of it):
 * <ul>
 *   <li>PCI Express 5.0 x16, 32 GT/s x 16 lanes with 128b/130b encoding = 63 GB/s per direction (PCI-SIG): Hopper
 *       and Blackwell boards (H100, H200, B200), AMD CDNA 3 and 4 (MI300X, MI325X, MI355X);</li>
 *   <li>NVLink-C2C, 900 GB/s both directions = 450 GB/s per direction (NVIDIA GH200 / GB200 datasheets): parts whose id
 *       or name says GH200, GB200 or GB300;</li>
 *   <li>PCI Express 4.0 x16 = 31.5 GB/s per direction: Ampere, Ada, CDNA 2 and everything else.</li>
 * </ul>
 * The hardware catalog's {@code hostLinkGBpsPerDirection} gives the same figures per part.
 */
public final class HostLink {
    public static final double PCIE4_X16_BYTES_PER_SECOND = 31.5e9;
    public static final double PCIE5_X16_BYTES_PER_SECOND = 63e9;
    public static final double NVLINK_C2C_BYTES_PER_SECOND = 450e9;

    private HostLink() {
    }

    /** Host-to-device (and device-to-host) bytes per second of one accelerator, one direction. */
    public static double bytesPerSecondPerGpu(AcceleratorSpec accelerator) {
        String name = (accelerator.id() + " " + accelerator.name()).toLowerCase(Locale.ROOT);
        if (name.contains("gh200") || name.contains("gb200") || name.contains("gb300")) {
            return NVLINK_C2C_BYTES_PER_SECOND;
        }
        return switch (accelerator.family()) {
            case NVIDIA_HOPPER, NVIDIA_BLACKWELL, AMD_CDNA3, AMD_CDNA4 -> PCIE5_X16_BYTES_PER_SECOND;
            default -> PCIE4_X16_BYTES_PER_SECOND;
        };
    }
}
