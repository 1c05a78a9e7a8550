package io.inferplan.engine.hardware;

import java.util.Locale;

/**
 * Accelerator generations that share efficiency behaviour (kernels, memory system), so calibration
 * measured on one member transfers to the others.
 */
public enum AcceleratorFamily {
    NVIDIA_AMPERE("NVIDIA Ampere"),
    NVIDIA_ADA("NVIDIA Ada Lovelace"),
    NVIDIA_HOPPER("NVIDIA Hopper"),
    NVIDIA_BLACKWELL("NVIDIA Blackwell"),
    AMD_CDNA2("AMD CDNA 2"),
    AMD_CDNA3("AMD CDNA 3"),
    AMD_CDNA4("AMD CDNA 4"),
    INTEL_GAUDI("Intel Gaudi"),
    GOOGLE_TPU("Google TPU"),
    AWS_TRAINIUM("AWS Trainium / Inferentia"),
    CPU("CPU"),
    OTHER("Other");

    private final String displayName;

    AcceleratorFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
