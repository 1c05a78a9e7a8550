package io.inferplan.engine.perf;

import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import java.util.List;
import java.util.Map;

/** Datasheet figures for engine tests (the real catalog lives in hardware-catalog, which the engine must not see). */
public final class TestAccelerators {
    public static final double GIB = 1024.0 * 1024 * 1024;

    private TestAccelerators() {
    }

    /** NVIDIA H100 SXM5 80GB datasheet: 3.35 TB/s, dense BF16 989.4 TFLOPS, FP8 1978.9, NVLink 450 GB/s per direction. */
    public static AcceleratorSpec h100() {
        return new AcceleratorSpec("H100-SXM-80GB", "H100 SXM 80GB", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER, 80 * GIB, 3.35e12,
                Map.of(Precision.BF16, 989.4e12, Precision.FP16, 989.4e12, Precision.FP8, 1978.9e12, Precision.INT8, 1978.9e12,
                        Precision.FP32, 66.9e12),
                450e9, 8, 700, false, List.of("H100"));
    }

    /** NVIDIA A100 SXM 80GB: 2.039 TB/s, dense FP16 312 TFLOPS, no FP8. */
    public static AcceleratorSpec a100() {
        return new AcceleratorSpec("A100-SXM-80GB", "A100 SXM 80GB", "NVIDIA", AcceleratorFamily.NVIDIA_AMPERE, 80 * GIB, 2.039e12,
                Map.of(Precision.BF16, 312e12, Precision.FP16, 312e12, Precision.INT8, 624e12, Precision.FP32, 19.5e12),
                300e9, 8, 400, false, List.of());
    }

    /** A part the engine has no measurement for (AMD CDNA 3, MI300X-like figures). */
    public static AcceleratorSpec mi300x() {
        return new AcceleratorSpec("MI300X", "Instinct MI300X", "AMD", AcceleratorFamily.AMD_CDNA3, 192 * GIB, 5.3e12,
                Map.of(Precision.BF16, 1307.4e12, Precision.FP16, 1307.4e12, Precision.FP8, 2614.9e12), 448e9, 8, 750, false, List.of());
    }

    /** A part of a family with neither a profile nor fitted scales (Intel Gaudi 3-like figures: 3.7 TB/s, 1835 TFLOPS BF16/FP8). */
    public static AcceleratorSpec gaudi3() {
        return new AcceleratorSpec("Gaudi3", "Gaudi 3", "Intel", AcceleratorFamily.INTEL_GAUDI, 128 * GIB, 3.7e12,
                Map.of(Precision.BF16, 1835e12, Precision.FP8, 1835e12), 600e9, 8, 900, false, List.of());
    }
}
