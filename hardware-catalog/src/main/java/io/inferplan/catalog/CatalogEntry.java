package io.inferplan.catalog;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One accelerator as the catalog knows it: datasheet figures, each with its source, and prices. Figures are in
 * the units their names say: memory in GB as vendors print it (JEDEC, i.e. GiB), bandwidths in decimal GB/s, dense TFLOPS (no 2:4 sparsity), watts.
 *
 * @param denseTflops             dense throughput per precision id (fp32, tf32 excluded, bf16, fp16, fp8, int8, fp4...);
 *                                fp32 is the plain (non-tensor) vector rate, the one a micro-benchmark can reach
 * @param sparseTflops            the datasheet's sparse figures where printed, kept for the dense <= sparse check
 * @param scaleUpGBpsPerDirection per GPU, one direction (NVLink, Infinity Fabric, ICI); 0 when only PCIe
 * @param scaleUpDomainSize       GPUs joined by that link (8 on an HGX board, 72 in an NVL72 rack)
 * @param hostLinkGBpsPerDirection host link (PCIe, NVLink-C2C) per direction
 * @param pciIds                  PCI "vendor:device" ids ("10de:2330") used to match discovered devices
 * @param sources                 every source the figures and prices refer to
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "name", "vendor", "family", "formFactor", "origin", "aliases", "pciIds", "releaseYear",
        "memoryGB", "memoryType", "memoryBandwidthGBps", "denseTflops", "sparseTflops", "boardPowerWatts",
        "scaleUpLink", "scaleUpGBpsPerDirection", "scaleUpDomainSize", "hostLinkGBpsPerDirection", "prices", "notes",
        "sources"})
public record CatalogEntry(
        String id,
        String name,
        String vendor,
        AcceleratorFamily family,
        String formFactor,
        EntryOrigin origin,
        List<String> aliases,
        List<String> pciIds,
        Figure releaseYear,
        Figure memoryGB,
        String memoryType,
        Figure memoryBandwidthGBps,
        Map<String, Figure> denseTflops,
        Map<String, Figure> sparseTflops,
        Figure boardPowerWatts,
        String scaleUpLink,
        Figure scaleUpGBpsPerDirection,
        Figure scaleUpDomainSize,
        Figure hostLinkGBpsPerDirection,
        List<PriceQuote> prices,
        String notes,
        List<Source> sources) {

    public CatalogEntry {
        id = text("entry.id", id);
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
            throw new InvalidInputException("entry.id", "must be 1-80 lower-case letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        String at = "entry." + id;
        name = text(at + ".name", name);
        vendor = text(at + ".vendor", vendor);
        present(at + ".family", family);
        formFactor = formFactor == null ? "" : formFactor.strip();
        origin = origin == null ? EntryOrigin.BUNDLED : origin;
        aliases = aliases == null ? List.of() : aliases.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        pciIds = pciIds == null ? List.of() : pciIds.stream().map(p -> p.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        for (String pci : pciIds) {
            if (!pci.matches("[0-9a-f]{4}:[0-9a-f]{4}")) {
                throw new InvalidInputException(at + ".pciIds", "must be 'vendor:device' in hex like 10de:2330, was '" + pci + "'");
            }
        }
        present(at + ".memoryGB", memoryGB);
        present(at + ".memoryBandwidthGBps", memoryBandwidthGBps);
        if (memoryGB.number() <= 0 || memoryBandwidthGBps.number() <= 0) {
            throw new InvalidInputException(at + ".memoryGB", "memory capacity and bandwidth must be greater than 0");
        }
        memoryType = memoryType == null ? "" : memoryType.strip();
        denseTflops = precisionMap(at + ".denseTflops", denseTflops);
        if (denseTflops.values().stream().noneMatch(f -> f.number() > 0)) {
            throw new InvalidInputException(at + ".denseTflops", "needs at least one precision with a throughput above 0");
        }
        sparseTflops = precisionMap(at + ".sparseTflops", sparseTflops);
        if (scaleUpDomainSize != null) {
            inRange(at + ".scaleUpDomainSize", scaleUpDomainSize.number(), 1, 100_000);
        }
        scaleUpLink = scaleUpLink == null ? "" : scaleUpLink.strip();
        prices = prices == null ? List.of() : List.copyOf(prices);
        notes = notes == null ? "" : notes.strip();
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    private static Map<String, Figure> precisionMap(String field, Map<String, Figure> figures) {
        if (figures == null) {
            return Map.of();
        }
        Map<String, Figure> normalised = new LinkedHashMap<>();
        figures.forEach((key, figure) -> {
            Precision precision = Precision.parse(field, key);
            present(field + "." + key, figure);
            if (normalised.put(precision.id(), figure) != null) {
                throw new InvalidInputException(field + "." + key, "given twice");
            }
        });
        return java.util.Collections.unmodifiableMap(normalised);
    }

    /** Dense throughput for {@code precision} in TFLOPS, if the catalog has it. */
    public Optional<Double> denseTflops(Precision precision) {
        return Optional.ofNullable(denseTflops.get(precision.id())).map(Figure::number);
    }

    /** The source document a figure refers to. */
    public Optional<Source> source(String sourceId) {
        return sources.stream().filter(s -> s.id().equals(sourceId)).findFirst();
    }

    /** Every figure with the field it fills, in display order (for tables and the completeness test). */
    @JsonIgnore
    public Map<String, Figure> figures() {
        Map<String, Figure> all = new LinkedHashMap<>();
        putIfPresent(all, "releaseYear", releaseYear);
        putIfPresent(all, "memoryGB", memoryGB);
        putIfPresent(all, "memoryBandwidthGBps", memoryBandwidthGBps);
        denseTflops.forEach((p, f) -> all.put("denseTflops." + p, f));
        sparseTflops.forEach((p, f) -> all.put("sparseTflops." + p, f));
        putIfPresent(all, "boardPowerWatts", boardPowerWatts);
        putIfPresent(all, "scaleUpGBpsPerDirection", scaleUpGBpsPerDirection);
        putIfPresent(all, "scaleUpDomainSize", scaleUpDomainSize);
        putIfPresent(all, "hostLinkGBpsPerDirection", hostLinkGBpsPerDirection);
        return all;
    }

    private static void putIfPresent(Map<String, Figure> all, String key, Figure figure) {
        if (figure != null) {
            all.put(key, figure);
        }
    }

    /** Ids of every source the figures and prices refer to. */
    @JsonIgnore
    public Set<String> referencedSourceIds() {
        Set<String> ids = new LinkedHashSet<>();
        figures().values().forEach(f -> ids.add(f.source()));
        prices.forEach(p -> ids.add(p.source()));
        return ids;
    }

    public CatalogEntry withSources(List<Source> newSources) {
        return new CatalogEntry(id, name, vendor, family, formFactor, origin, aliases, pciIds, releaseYear, memoryGB,
                memoryType, memoryBandwidthGBps, denseTflops, sparseTflops, boardPowerWatts, scaleUpLink,
                scaleUpGBpsPerDirection, scaleUpDomainSize, hostLinkGBpsPerDirection, prices, notes, newSources);
    }

    public CatalogEntry withOrigin(EntryOrigin newOrigin) {
        return new CatalogEntry(id, name, vendor, family, formFactor, newOrigin, aliases, pciIds, releaseYear, memoryGB,
                memoryType, memoryBandwidthGBps, denseTflops, sparseTflops, boardPowerWatts, scaleUpLink,
                scaleUpGBpsPerDirection, scaleUpDomainSize, hostLinkGBpsPerDirection, prices, notes, sources);
    }

    public CatalogEntry withPrices(List<PriceQuote> newPrices, List<Source> addedSources) {
        List<Source> merged = new ArrayList<>(sources);
        for (Source s : addedSources) {
            if (merged.stream().noneMatch(existing -> existing.id().equals(s.id()))) {
                merged.add(s);
            }
        }
        return new CatalogEntry(id, name, vendor, family, formFactor, origin, aliases, pciIds, releaseYear, memoryGB,
                memoryType, memoryBandwidthGBps, denseTflops, sparseTflops, boardPowerWatts, scaleUpLink,
                scaleUpGBpsPerDirection, scaleUpDomainSize, hostLinkGBpsPerDirection, newPrices, notes, merged);
    }

    private static final double BYTES_PER_MEMORY_GB = 1024.0 * 1024 * 1024;

    /** The engine's view: bytes, bytes per second and FLOP/s, datasheet peaks (measured = false). */
    public AcceleratorSpec toSpec() {
        Map<Precision, Double> flops = new EnumMap<>(Precision.class);
        denseTflops.forEach((p, f) -> {
            if (f.number() > 0) {
                flops.put(Precision.parse("denseTflops", p), f.number() * 1e12);
            }
        });
        return new AcceleratorSpec(id, name, vendor, family,
                // Memory capacities follow the JEDEC convention: an "80 GB" HBM3 stack set holds 80 GiB
                // (nvidia-smi reports 81559 MiB on an H100 80GB), unlike bandwidths, which are decimal.
                memoryGB.number() * BYTES_PER_MEMORY_GB,
                memoryBandwidthGBps.number() * 1e9,
                flops,
                scaleUpGBpsPerDirection == null ? 0 : scaleUpGBpsPerDirection.number() * 1e9,
                scaleUpDomainSize == null ? 1 : (int) Math.round(scaleUpDomainSize.number()),
                boardPowerWatts == null ? 0 : boardPowerWatts.number(),
                origin == EntryOrigin.MEASURED,
                aliases);
    }

    /** Lowest purchase price per GPU in the entry, if any. */
    public Optional<PriceQuote> cheapest(PriceKind kind) {
        return prices.stream().filter(p -> p.kind() == kind)
                .min(java.util.Comparator.comparingDouble(p -> p.kind().isRental() ? p.usdPerGpuHour() : p.purchaseUsdPerGpu().orElse(Double.MAX_VALUE)));
    }
}
