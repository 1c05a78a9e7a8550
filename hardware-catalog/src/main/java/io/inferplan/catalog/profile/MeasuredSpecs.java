package io.inferplan.catalog.profile;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.catalog.Figure;
import io.inferplan.catalog.Source;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a measured device into what the rest of InferPlan uses: an engine spec or a user catalog entry. */
public final class MeasuredSpecs {
    private MeasuredSpecs() {
    }

    /**
     * "This machine" for the engine: measured bandwidth and FP32 in place of the datasheet's. When the device matched
     * a catalog entry, the entry's other figures (tensor precisions, links, power) are kept, because OpenCL cannot
     * reach tensor cores; without a match the spec holds only what was measured. {@code measured} is true.
     */
    public static AcceleratorSpec toSpec(DeviceProfile device, ProfileReport report, AcceleratorCatalog catalog) {
        if (device.memoryBandwidthGBps() == null || device.fp32Gflops() == null) {
            throw new io.inferplan.engine.InvalidInputException("profile.device", "'" + device.name()
                    + "' has no measured bandwidth and FP32 figure; run the benchmarks first");
        }
        double bandwidth = device.memoryBandwidthGBps() * 1e9;
        double fp32 = device.fp32Gflops() * 1e9;
        CatalogEntry entry = device.matchedCatalogId() == null ? null : catalog.find(device.matchedCatalogId()).orElse(null);
        if (entry == null) {
            return suggestEntry(device, report).toSpec();
        }
        AcceleratorSpec datasheet = entry.toSpec();
        Map<Precision, Double> flops = new EnumMap<>(datasheet.denseFlopsPerSecond());
        flops.put(Precision.FP32, fp32);
        if (device.fp16Gflops() != null && !flops.containsKey(Precision.FP16)) {
            flops.put(Precision.FP16, device.fp16Gflops() * 1e9);
        }
        return new AcceleratorSpec("measured-" + datasheet.id(), datasheet.name() + " (measured on " + report.host().hostName() + ")",
                datasheet.vendor(), datasheet.family(), device.memoryBytes() > 0 ? device.memoryBytes() : datasheet.memoryBytes(), bandwidth,
                flops, datasheet.scaleUpBandwidthBytesPerSecond(), datasheet.scaleUpDomainSize(), datasheet.boardPowerWatts(), true,
                // The tensor rates stay the datasheet's (OpenCL cannot reach tensor cores), so does their power limit.
                List.of(), datasheet.scaleOutBandwidthBytesPerSecond(), datasheet.sustainedComputeShare());
    }

    /**
     * A catalog entry built from the measurement, for the user to save (for a device the catalog does not know).
     * Every figure cites the profile run as its source.
     */
    public static CatalogEntry suggestEntry(DeviceProfile device, ProfileReport report) {
        String date = report.startedAtInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String sourceId = "profile-" + date;
        Source source = new Source(sourceId, "InferPlan profile run (" + report.mode() + ") on " + report.host().hostName()
                + " through " + device.api(), "", date);
        Map<String, Figure> dense = new LinkedHashMap<>();
        if (device.fp32Gflops() != null) {
            dense.put("fp32", Figure.of(device.fp32Gflops() / 1000.0, sourceId));
        }
        if (device.fp16Gflops() != null) {
            dense.put("fp16", Figure.of(device.fp16Gflops() / 1000.0, sourceId));
        }
        String slug = (device.name() + "-" + report.host().hostName()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        String id = ("measured-" + slug);
        id = id.length() > 80 ? id.substring(0, 80).replaceAll("-$", "") : id;
        Double hostLink = device.result(BenchmarkResult.HOST_TO_DEVICE).map(BenchmarkResult::value).orElse(null);
        return new CatalogEntry(id, device.name() + " (measured)", device.vendor().isBlank() ? "unknown" : device.vendor(),
                family(device), device.type(), EntryOrigin.MEASURED, List.of(), device.pciId() == null || device.pciId().isBlank()
                ? List.of() : List.of(device.pciId()),
                null, Figure.of(Math.max(0.001, device.memoryBytes() / (double) (1L << 30)), sourceId), "",
                Figure.of(device.memoryBandwidthGBps() == null ? 0.001 : device.memoryBandwidthGBps(), sourceId), dense, Map.of(),
                null, "", null, Figure.of(1, sourceId), hostLink == null ? null : Figure.of(hostLink, sourceId), List.of(),
                "Measured with InferPlan's OpenCL micro-benchmarks; tensor-core rates cannot be measured this way.", List.of(source));
    }

    private static AcceleratorFamily family(DeviceProfile device) {
        if ("CPU".equals(device.type())) {
            return AcceleratorFamily.CPU;
        }
        return AcceleratorFamily.OTHER;
    }
}
