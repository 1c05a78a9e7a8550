package io.inferplan.catalog;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
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
 * @param cloudOnly               sold only as cloud capacity (TPU, Trainium, Inferentia): no purchase price, and
 *                                no power figures, which the rental rate covers
 * @param systemWattsPerGpu       the reference server's (or rack's) maximum power divided by its accelerators: the
 *                                board power plus the host's share (CPUs, memory, NICs, switches, fans)
 * @param powerUsageEffectiveness the facility's overhead (cooling, power conversion) assumed for the all-in power,
 *                                as a PUE: 1.3 means 30% on top of the IT load
 * @param scaleOutGbitsPerSecondPerGpu back-end network between servers per GPU, one direction, in Gb/s as NICs are
 *                                sold (400 for one ConnectX-7 per GPU); not the front-end or storage network
 * @param sustainedTensorClockShare the share (0..1] of the datasheet tensor clock the part holds under dense matrix
 *                                work at its board power, for power-capped parts (PCIe, NVL) whose datasheet prints
 *                                boost-clock peaks; absent for full-power parts (1). An estimate says how it was derived
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "name", "vendor", "family", "formFactor", "origin", "aliases", "pciIds", "releaseYear",
        "memoryGB", "memoryType", "memoryBandwidthGBps", "denseTflops", "sparseTflops", "boardPowerWatts",
        "scaleUpLink", "scaleUpGBpsPerDirection", "scaleUpDomainSize", "hostLinkGBpsPerDirection",
        "scaleOutGbitsPerSecondPerGpu", "sustainedTensorClockShare", "systemWattsPerGpu", "powerUsageEffectiveness", "cloudOnly", "prices", "notes",
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
        List<Source> sources,
        Boolean cloudOnly,
        Figure systemWattsPerGpu,
        Figure powerUsageEffectiveness,
        Figure scaleOutGbitsPerSecondPerGpu,
        Figure sustainedTensorClockShare) {

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
        cloudOnly = Boolean.TRUE.equals(cloudOnly) ? Boolean.TRUE : null;
        if (powerUsageEffectiveness != null) {
            inRange(at + ".powerUsageEffectiveness", powerUsageEffectiveness.number(), 1, 3);
        }
        if (systemWattsPerGpu != null && boardPowerWatts != null && systemWattsPerGpu.number() < boardPowerWatts.number()) {
            throw new InvalidInputException(at + ".systemWattsPerGpu", "includes the board power (" + boardPowerWatts.number()
                    + " W) and cannot be below it, was " + systemWattsPerGpu.number());
        }
        if (scaleOutGbitsPerSecondPerGpu != null) {
            inRange(at + ".scaleOutGbitsPerSecondPerGpu", scaleOutGbitsPerSecondPerGpu.number(), 0, 100_000);
        }
        if (sustainedTensorClockShare != null) {
            positive(at + ".sustainedTensorClockShare", sustainedTensorClockShare.number(), 1);
        }
    }

    /** An entry of a full-power part (no sustained tensor clock share below 1). */
    public CatalogEntry(String id, String name, String vendor, AcceleratorFamily family, String formFactor, EntryOrigin origin,
                        List<String> aliases, List<String> pciIds, Figure releaseYear, Figure memoryGB, String memoryType,
                        Figure memoryBandwidthGBps, Map<String, Figure> denseTflops, Map<String, Figure> sparseTflops,
                        Figure boardPowerWatts, String scaleUpLink, Figure scaleUpGBpsPerDirection, Figure scaleUpDomainSize,
                        Figure hostLinkGBpsPerDirection, List<PriceQuote> prices, String notes, List<Source> sources,
                        Boolean cloudOnly, Figure systemWattsPerGpu, Figure powerUsageEffectiveness,
                        Figure scaleOutGbitsPerSecondPerGpu) {
        this(id, name, vendor, family, formFactor, origin, aliases, pciIds, releaseYear, memoryGB, memoryType,
                memoryBandwidthGBps, denseTflops, sparseTflops, boardPowerWatts, scaleUpLink, scaleUpGBpsPerDirection,
                scaleUpDomainSize, hostLinkGBpsPerDirection, prices, notes, sources, cloudOnly, systemWattsPerGpu,
                powerUsageEffectiveness, scaleOutGbitsPerSecondPerGpu, null);
    }

    /** An entry without ownership and scale-out figures (the user's own parts, older stored entries). */
    public CatalogEntry(String id, String name, String vendor, AcceleratorFamily family, String formFactor, EntryOrigin origin,
                        List<String> aliases, List<String> pciIds, Figure releaseYear, Figure memoryGB, String memoryType,
                        Figure memoryBandwidthGBps, Map<String, Figure> denseTflops, Map<String, Figure> sparseTflops,
                        Figure boardPowerWatts, String scaleUpLink, Figure scaleUpGBpsPerDirection, Figure scaleUpDomainSize,
                        Figure hostLinkGBpsPerDirection, List<PriceQuote> prices, String notes, List<Source> sources) {
        this(id, name, vendor, family, formFactor, origin, aliases, pciIds, releaseYear, memoryGB, memoryType,
                memoryBandwidthGBps, denseTflops, sparseTflops, boardPowerWatts, scaleUpLink, scaleUpGBpsPerDirection,
                scaleUpDomainSize, hostLinkGBpsPerDirection, prices, notes, sources, null, null, null, null);
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
        putIfPresent(all, "scaleOutGbitsPerSecondPerGpu", scaleOutGbitsPerSecondPerGpu);
        putIfPresent(all, "sustainedTensorClockShare", sustainedTensorClockShare);
        putIfPresent(all, "systemWattsPerGpu", systemWattsPerGpu);
        putIfPresent(all, "powerUsageEffectiveness", powerUsageEffectiveness);
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
                scaleUpGBpsPerDirection, scaleUpDomainSize, hostLinkGBpsPerDirection, prices, notes, newSources, cloudOnly, systemWattsPerGpu,
                powerUsageEffectiveness, scaleOutGbitsPerSecondPerGpu, sustainedTensorClockShare);
    }

    public CatalogEntry withOrigin(EntryOrigin newOrigin) {
        return new CatalogEntry(id, name, vendor, family, formFactor, newOrigin, aliases, pciIds, releaseYear, memoryGB,
                memoryType, memoryBandwidthGBps, denseTflops, sparseTflops, boardPowerWatts, scaleUpLink,
                scaleUpGBpsPerDirection, scaleUpDomainSize, hostLinkGBpsPerDirection, prices, notes, sources, cloudOnly, systemWattsPerGpu,
                powerUsageEffectiveness, scaleOutGbitsPerSecondPerGpu, sustainedTensorClockShare);
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
                scaleUpGBpsPerDirection, scaleUpDomainSize, hostLinkGBpsPerDirection, newPrices, notes, merged, cloudOnly,
                systemWattsPerGpu, powerUsageEffectiveness, scaleOutGbitsPerSecondPerGpu, sustainedTensorClockShare);
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
                aliases,
                scaleOutGbitsPerSecondPerGpu == null ? 0 : scaleOutGbitsPerSecondPerGpu.number() * BYTES_PER_GIGABIT,
                sustainedTensorClockShare == null ? 1.0 : sustainedTensorClockShare.number());
    }

    private static final double BYTES_PER_GIGABIT = 1e9 / 8;

    /** True when the part is rented only (TPU, Trainium, Inferentia). */
    @JsonIgnore
    public boolean isCloudOnly() {
        return Boolean.TRUE.equals(cloudOnly);
    }

    /** The host's share of the reference system's power per GPU, on top of the board power. */
    public Optional<Double> hostWattsPerGpu() {
        if (systemWattsPerGpu == null || boardPowerWatts == null) {
            return Optional.empty();
        }
        return Optional.of(systemWattsPerGpu.number() - boardPowerWatts.number());
    }

    /** What one GPU draws from the grid: board, host share and facility overhead. */
    public Optional<Double> allInWattsPerGpu() {
        if (systemWattsPerGpu == null || powerUsageEffectiveness == null) {
            return Optional.empty();
        }
        return Optional.of(systemWattsPerGpu.number() * powerUsageEffectiveness.number());
    }

    /** Lowest price of this kind in the entry (per GPU-hour, or per GPU with its system share), if any. */
    public Optional<PriceQuote> cheapest(PriceKind kind) {
        return cheapestOf(prices.stream().filter(p -> p.kind() == kind).toList());
    }

    /**
     * The price of this kind parts are compared at: the user's own when the entry has one (the cheapest of them),
     * else the cheapest bundled one. A quote the user typed is what they pay, however cheap a price page is.
     */
    public Optional<PriceQuote> preferred(PriceKind kind) {
        return preferredOf(prices.stream().filter(p -> p.kind() == kind).toList());
    }

    /** The purchase price an owned fleet is priced at: the user's own quote, else the lowest list or street price. */
    public Optional<PriceQuote> preferredPurchase() {
        return preferredOf(prices.stream().filter(p -> !p.kind().isRental()).toList());
    }

    private static Optional<PriceQuote> preferredOf(List<PriceQuote> quotes) {
        List<PriceQuote> users = quotes.stream().filter(PriceQuote::isUsers).toList();
        return cheapestOf(users.isEmpty() ? quotes : users);
    }

    private static Optional<PriceQuote> cheapestOf(List<PriceQuote> quotes) {
        return quotes.stream().min(java.util.Comparator.comparingDouble(
                p -> p.kind().isRental() ? p.usdPerGpuHour() : p.capexUsdPerGpu().orElse(Double.MAX_VALUE)));
    }

    /**
     * Owned hardware of this part on the user's site: the preferred purchase price with its system share and the
     * reference system's host power, where the catalog has them, and the site's own figures for the rest
     * (facility PUE, electricity, hosting, depreciation, cost of capital, operations). Empty without a purchase price.
     */
    public Optional<CostModel.Own> ownedOn(CostModel.Own site) {
        return preferredPurchase().map(quote -> new CostModel.Own(
                quote.purchaseUsdPerGpu().orElseThrow(),
                quote.serverShareUsdPerGpu() != null ? quote.serverShareUsdPerGpu() : site.serverShareUsdPerGpu(),
                site.depreciationYears(), site.costOfCapitalPerYear(),
                hostWattsPerGpu().orElse(site.serverOverheadWattsPerGpu()),
                site.powerUsageEffectiveness(), site.usdPerKilowattHour(), site.hostingUsdPerKilowattMonth(),
                site.operationsShareOfCapexPerYear(),
                "catalog: " + quote.provider() + ", " + quote.asOf()));
    }
}
