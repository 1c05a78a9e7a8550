package io.inferplan.engine.hardware;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.Precision;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs to know about one accelerator. Throughput figures are dense (no sparsity).
 *
 * @param denseFlopsPerSecond        dense matrix throughput per precision the hardware runs natively
 * @param scaleUpBandwidthBytesPerSecond per GPU, one direction (NVLink, Infinity Fabric, ICI...); 0 when only PCIe
 * @param scaleUpDomainSize          GPUs reachable over the scale-up link (8 in an HGX board, 72 in an NVL72 rack)
 * @param measured                   true when bandwidth and compute were measured on this machine, not datasheet peaks
 * @param scaleOutBandwidthBytesPerSecond per GPU, one direction, over the back-end network between servers (the
 *                                   NICs of the reference design: 400 Gb/s ConnectX-7 per H100 is 50e9); 0 when unknown
 * @param sustainedComputeShare      the share (0..1] of the datasheet tensor rate the part sustains under dense matrix
 *                                   work at its board power ({@link PowerLimitedClock}); 1 for full-power parts
 */
public record AcceleratorSpec(
        String id,
        String name,
        String vendor,
        AcceleratorFamily family,
        double memoryBytes,
        double memoryBandwidthBytesPerSecond,
        Map<Precision, Double> denseFlopsPerSecond,
        double scaleUpBandwidthBytesPerSecond,
        int scaleUpDomainSize,
        double boardPowerWatts,
        boolean measured,
        List<String> aliases,
        double scaleOutBandwidthBytesPerSecond,
        double sustainedComputeShare) {

    private static final double MAX_BYTES = 1e14;
    private static final double MAX_FLOPS = 1e18;

    public AcceleratorSpec {
        text("accelerator.id", id);
        name = name == null || name.isBlank() ? id : name;
        vendor = vendor == null ? "" : vendor;
        present("accelerator.family", family);
        positive("accelerator.memoryBytes", memoryBytes, MAX_BYTES);
        positive("accelerator.memoryBandwidthBytesPerSecond", memoryBandwidthBytesPerSecond, MAX_BYTES);
        present("accelerator.denseFlopsPerSecond", denseFlopsPerSecond);
        EnumMap<Precision, Double> flops = new EnumMap<>(Precision.class);
        denseFlopsPerSecond.forEach((precision, value) -> {
            if (value != null && value > 0) {
                flops.put(precision, positive("accelerator.denseFlopsPerSecond." + precision.id(), value, MAX_FLOPS));
            }
        });
        if (flops.isEmpty()) {
            throw new InvalidInputException("accelerator.denseFlopsPerSecond", "needs at least one precision with a throughput above 0");
        }
        denseFlopsPerSecond = Map.copyOf(flops);
        nonNegative("accelerator.scaleUpBandwidthBytesPerSecond", scaleUpBandwidthBytesPerSecond, MAX_BYTES);
        inRange("accelerator.scaleUpDomainSize", scaleUpDomainSize, 1, 100_000);
        nonNegative("accelerator.boardPowerWatts", boardPowerWatts, 100_000);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        nonNegative("accelerator.scaleOutBandwidthBytesPerSecond", scaleOutBandwidthBytesPerSecond, MAX_BYTES);
        positive("accelerator.sustainedComputeShare", sustainedComputeShare, 1);
    }

    /** A full-power part (it sustains its datasheet tensor clocks). */
    public AcceleratorSpec(String id, String name, String vendor, AcceleratorFamily family, double memoryBytes,
                           double memoryBandwidthBytesPerSecond, Map<Precision, Double> denseFlopsPerSecond,
                           double scaleUpBandwidthBytesPerSecond, int scaleUpDomainSize, double boardPowerWatts,
                           boolean measured, List<String> aliases, double scaleOutBandwidthBytesPerSecond) {
        this(id, name, vendor, family, memoryBytes, memoryBandwidthBytesPerSecond, denseFlopsPerSecond,
                scaleUpBandwidthBytesPerSecond, scaleUpDomainSize, boardPowerWatts, measured, aliases,
                scaleOutBandwidthBytesPerSecond, 1.0);
    }

    /** A part whose scale-out network is not known (measured devices, hand-made test parts). */
    public AcceleratorSpec(String id, String name, String vendor, AcceleratorFamily family, double memoryBytes,
                           double memoryBandwidthBytesPerSecond, Map<Precision, Double> denseFlopsPerSecond,
                           double scaleUpBandwidthBytesPerSecond, int scaleUpDomainSize, double boardPowerWatts,
                           boolean measured, List<String> aliases) {
        this(id, name, vendor, family, memoryBytes, memoryBandwidthBytesPerSecond, denseFlopsPerSecond,
                scaleUpBandwidthBytesPerSecond, scaleUpDomainSize, boardPowerWatts, measured, aliases, 0, 1.0);
    }

    public boolean supports(Precision precision) {
        return denseFlopsPerSecond.containsKey(precision);
    }

    /**
     * Matrix throughput for math in {@code precision}. Formats the hardware lacks run in the next wider format
     * it has (FP8 weights on Ampere are upcast to FP16), which is what serving stacks do.
     */
    public double flopsPerSecondFor(Precision precision) {
        for (Precision candidate : widerOrEqual(precision)) {
            Double flops = denseFlopsPerSecond.get(candidate);
            if (flops != null) {
                return flops;
            }
        }
        return denseFlopsPerSecond.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /**
     * What the part sustains for math in {@code precision} under dense matrix work: the datasheet rate at the clock
     * its board power holds ({@link #sustainedComputeShare}).
     */
    public double sustainedFlopsPerSecondFor(Precision precision) {
        return flopsPerSecondFor(precision) * sustainedComputeShare;
    }

    /** The format the math actually runs in for {@code precision} on this hardware. */
    public Precision effectiveComputePrecision(Precision precision) {
        for (Precision candidate : widerOrEqual(precision)) {
            if (denseFlopsPerSecond.containsKey(candidate)) {
                return candidate;
            }
        }
        return denseFlopsPerSecond.keySet().iterator().next();
    }

    private static List<Precision> widerOrEqual(Precision precision) {
        return switch (precision) {
            case FP4 -> List.of(Precision.FP4, Precision.FP8, Precision.FP16, Precision.BF16, Precision.FP32);
            case INT4 -> List.of(Precision.INT4, Precision.INT8, Precision.FP8, Precision.FP16, Precision.BF16, Precision.FP32);
            case FP8 -> List.of(Precision.FP8, Precision.FP16, Precision.BF16, Precision.FP32);
            case INT8 -> List.of(Precision.INT8, Precision.FP8, Precision.FP16, Precision.BF16, Precision.FP32);
            case FP16 -> List.of(Precision.FP16, Precision.BF16, Precision.FP32);
            case BF16 -> List.of(Precision.BF16, Precision.FP16, Precision.FP32);
            case FP32 -> List.of(Precision.FP32);
        };
    }
}
