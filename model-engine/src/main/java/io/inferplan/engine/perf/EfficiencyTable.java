package io.inferplan.engine.perf;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.inferplan.engine.Checks;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Efficiency profiles per accelerator family and serving stack, with the residual statistics that give each
 * prediction its error band. Lookup falls back from (family, stack) to (family, measured stack scaled by the
 * stack's relative throughput) to (a related family) to the stated default, and widens the band at each step.
 */
public final class EfficiencyTable {

    /** One fitted (family, stack) pair. */
    public record Entry(
            @JsonProperty("family") AcceleratorFamily family,
            @JsonProperty("stack") String stack,
            @JsonProperty("profile") EfficiencyProfile profile,
            @JsonProperty("measurements") int measurements,
            @JsonProperty("medianAbsErrorPercent") double medianAbsErrorPercent,
            @JsonProperty("p80AbsErrorPercent") double p80AbsErrorPercent,
            @JsonProperty("source") String source) {

        ServingStack servingStack() {
            return ServingStack.parse("stack", stack);
        }
    }

    /**
     * How a stack differs from the reference stack (TensorRT-LLM) where no measurement of its own exists.
     *
     * @param throughputRelative  throughput relative to the reference on the same hardware and model
     */
    public record StackTraits(
            @JsonProperty("stack") String stack,
            @JsonProperty("throughputRelative") double throughputRelative,
            @JsonProperty("kvMemoryFraction") double kvMemoryFraction,
            @JsonProperty("kvReservedOutputFraction") double kvReservedOutputFraction,
            @JsonProperty("defaultMaxBatch") int defaultMaxBatch,
            @JsonProperty("extraErrorPercent") double extraErrorPercent,
            @JsonProperty("source") String source) {
    }

    /**
     * Where a family without measurements borrows its profile from, and how its silicon and software are known to
     * differ (published micro-benchmarks, not throughput measurements): the borrowed compute and memory
     * efficiencies are multiplied by {@code computeScale} and {@code memoryScale}.
     */
    public record FamilyFallback(
            @JsonProperty("family") AcceleratorFamily family,
            @JsonProperty("borrowFrom") AcceleratorFamily borrowFrom,
            @JsonProperty("computeScale") Double computeScale,
            @JsonProperty("memoryScale") Double memoryScale,
            @JsonProperty("errorPercent") double errorPercent,
            @JsonProperty("reason") String reason) {

        public FamilyFallback {
            computeScale = computeScale == null ? 1.0 : Checks.inRange("familyFallbacks.computeScale", computeScale, 0.1, 2.0);
            memoryScale = memoryScale == null ? 1.0 : Checks.inRange("familyFallbacks.memoryScale", memoryScale, 0.1, 2.0);
        }

        /** Whether the scales were fitted to measurements of the family ({@link FamilyFallbackFitter}) rather than estimated. */
        public boolean fitted() {
            return reason != null && reason.startsWith(FamilyFallbackFitter.FITTED_PREFIX);
        }

        EfficiencyProfile apply(EfficiencyProfile borrowed) {
            return borrowed.scaled(computeScale, memoryScale, 1.0, borrowed.kvMemoryFraction(),
                    borrowed.kvReservedOutputFraction(), borrowed.defaultMaxBatch());
        }
    }

    /**
     * The cross-validated error of one metric for one (family, stack) in one operating regime: what a configuration
     * left out of the fit can expect.
     *
     * @param rows               held-out predictions behind the figures
     * @param p80AbsErrorPercent 80th percentile of the held-out absolute errors: the band
     */
    public record BandEntry(
            @JsonProperty("family") AcceleratorFamily family,
            @JsonProperty("stack") String stack,
            @JsonProperty("metric") PredictedMetric metric,
            @JsonProperty("latencyBound") boolean latencyBound,
            @JsonProperty("moe") boolean moe,
            @JsonProperty("rows") int rows,
            @JsonProperty("medianAbsErrorPercent") double medianAbsErrorPercent,
            @JsonProperty("p80AbsErrorPercent") double p80AbsErrorPercent) {

        public BandEntry {
            Checks.present("bands.family", family);
            Checks.present("bands.metric", metric);
            Checks.inRange("bands.rows", rows, 1, 10_000_000);
            Checks.nonNegative("bands.medianAbsErrorPercent", medianAbsErrorPercent, 1e6);
            Checks.nonNegative("bands.p80AbsErrorPercent", p80AbsErrorPercent, 1e6);
        }

        ServingStack servingStack() {
            return ServingStack.parse("bands.stack", stack);
        }

        OperatingRegime regime() {
            return new OperatingRegime(latencyBound, moe);
        }
    }

    record TableFile(
            @JsonProperty("description") String description,
            @JsonProperty("fittedOn") String fittedOn,
            @JsonProperty("method") String method,
            @JsonProperty("referenceStack") String referenceStack,
            @JsonProperty("defaultProfile") EfficiencyProfile defaultProfile,
            @JsonProperty("defaultErrorPercent") double defaultErrorPercent,
            @JsonProperty("entries") List<Entry> entries,
            @JsonProperty("stacks") List<StackTraits> stacks,
            @JsonProperty("familyFallbacks") List<FamilyFallback> familyFallbacks,
            @JsonProperty("bands") List<BandEntry> bands,
            @JsonProperty("disaggregatedBands") List<BandEntry> disaggregatedBands) {

        TableFile {
            bands = bands == null ? List.of() : List.copyOf(bands);
            disaggregatedBands = disaggregatedBands == null ? List.of() : List.copyOf(disaggregatedBands);
        }
    }

    /** A profile together with how far to trust what it predicts. */
    public record Resolved(EfficiencyProfile profile, ErrorBand errorBand) {
    }

    private static final EfficiencyTable BUNDLED = readBundled();

    private final TableFile file;
    private final Map<AcceleratorFamily, Map<ServingStack, Entry>> entries = new EnumMap<>(AcceleratorFamily.class);
    private final Map<ServingStack, StackTraits> stacks = new EnumMap<>(ServingStack.class);
    private final Map<AcceleratorFamily, FamilyFallback> fallbacks = new EnumMap<>(AcceleratorFamily.class);
    private final ServingStack referenceStack;
    private final Map<AcceleratorFamily, Map<ServingStack, Resolved>> cache = new EnumMap<>(AcceleratorFamily.class);

    EfficiencyTable(TableFile file) {
        this.file = file;
        this.referenceStack = ServingStack.parse("referenceStack", file.referenceStack());
        for (Entry entry : file.entries()) {
            entries.computeIfAbsent(entry.family(), f -> new EnumMap<>(ServingStack.class)).put(entry.servingStack(), entry);
        }
        for (StackTraits traits : file.stacks()) {
            stacks.put(ServingStack.parse("stacks.stack", traits.stack()), traits);
        }
        for (FamilyFallback fallback : file.familyFallbacks()) {
            fallbacks.put(fallback.family(), fallback);
        }
        for (AcceleratorFamily family : AcceleratorFamily.values()) {
            Map<ServingStack, Resolved> byStack = new EnumMap<>(ServingStack.class);
            for (ServingStack stack : ServingStack.values()) {
                byStack.put(stack, resolveUncached(family, stack));
            }
            cache.put(family, byStack);
        }
    }

    public static EfficiencyTable bundled() {
        return BUNDLED;
    }

    public static EfficiencyTable read(String json) {
        return new EfficiencyTable(JsonSupport.read(json, TableFile.class, "efficiency"));
    }

    /**
     * The table as the bundled file holds it. A fitted factor that the search left a hair above zero (1e-15 s of
     * overhead) is written as 0: it is zero physically, and files may not hold numbers below JsonSupport's floor.
     */
    public String toJson() {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JsonSupport.mapper().valueToTree(file);
            zeroNoise(tree);
            return JsonSupport.mapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void zeroNoise(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.properties().forEach(field -> {
                com.fasterxml.jackson.databind.JsonNode value = field.getValue();
                if (value.isFloatingPointNumber() && value.asDouble() != 0 && Math.abs(value.asDouble()) < JsonSupport.SMALLEST_MAGNITUDE) {
                    field.setValue(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(0));
                } else {
                    zeroNoise(value);
                }
            });
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.forEach(EfficiencyTable::zeroNoise);
        }
    }

    /** A copy with the given (family, stack) entries replaced or added: what a refit produces. */
    public EfficiencyTable withEntries(List<Entry> newEntries, String fittedOn, String method) {
        List<Entry> merged = new java.util.ArrayList<>(newEntries);
        for (Entry old : file.entries()) {
            boolean replaced = newEntries.stream().anyMatch(n -> n.family() == old.family() && n.servingStack() == old.servingStack());
            if (!replaced) {
                merged.add(old);
            }
        }
        return new EfficiencyTable(new TableFile(file.description(), fittedOn, method, file.referenceStack(), file.defaultProfile(),
                file.defaultErrorPercent(), merged, file.stacks(), file.familyFallbacks(), file.bands(), file.disaggregatedBands()));
    }

    /** The fallback of a family without fitted profiles of its own, if the table has one. */
    public Optional<FamilyFallback> familyFallback(AcceleratorFamily family) {
        return Optional.ofNullable(fallbacks.get(family));
    }

    /** A copy with {@code fallback} replacing the fallback of its family: what a fallback refit produces. */
    public EfficiencyTable withFamilyFallback(FamilyFallback fallback) {
        List<FamilyFallback> merged = new java.util.ArrayList<>();
        for (FamilyFallback old : file.familyFallbacks()) {
            merged.add(old.family() == fallback.family() ? fallback : old);
        }
        if (merged.stream().noneMatch(f -> f.family() == fallback.family())) {
            merged.add(fallback);
        }
        return new EfficiencyTable(new TableFile(file.description(), file.fittedOn(), file.method(), file.referenceStack(),
                file.defaultProfile(), file.defaultErrorPercent(), file.entries(), file.stacks(), merged, file.bands(),
                file.disaggregatedBands()));
    }

    /** A copy with the given error bands replacing those of the same (family, stack) pairs. */
    public EfficiencyTable withBands(List<BandEntry> newBands) {
        List<BandEntry> merged = new java.util.ArrayList<>(newBands);
        for (BandEntry old : file.bands()) {
            boolean replaced = newBands.stream().anyMatch(n -> n.family() == old.family() && n.servingStack() == old.servingStack());
            if (!replaced) {
                merged.add(old);
            }
        }
        return new EfficiencyTable(new TableFile(file.description(), file.fittedOn(), file.method(), file.referenceStack(),
                file.defaultProfile(), file.defaultErrorPercent(), file.entries(), file.stacks(), file.familyFallbacks(), merged,
                file.disaggregatedBands()));
    }

    /**
     * A copy whose disaggregated-serving bands are {@code newBands} (one per family, stack and metric, from the held-out
     * residuals of published disaggregated rows: no factor is fitted on those rows).
     */
    public EfficiencyTable withDisaggregatedBands(List<BandEntry> newBands) {
        return new EfficiencyTable(new TableFile(file.description(), file.fittedOn(), file.method(), file.referenceStack(),
                file.defaultProfile(), file.defaultErrorPercent(), file.entries(), file.stacks(), file.familyFallbacks(), file.bands(),
                newBands));
    }

    public List<BandEntry> disaggregatedBands() {
        return file.disaggregatedBands();
    }

    /** The measured disaggregated band for this metric, family and stack (any regime), if one was measured. */
    public Optional<BandEntry> disaggregatedBand(AcceleratorFamily family, ServingStack stack, PredictedMetric metric) {
        return file.disaggregatedBands().stream().filter(b -> b.family() == family && b.servingStack() == stack
                && b.metric() == metric).findFirst();
    }

    public List<BandEntry> bands() {
        return file.bands();
    }

    /** The measured band for this metric, pair and regime, if one was measured. */
    public Optional<BandEntry> band(AcceleratorFamily family, ServingStack stack, PredictedMetric metric, OperatingRegime regime) {
        return file.bands().stream().filter(b -> b.family() == family && b.servingStack() == stack && b.metric() == metric
                && b.regime().equals(regime)).findFirst();
    }

    /** The widest measured band of this metric for the family, over its stacks (or one stack) and regimes. */
    public Optional<BandEntry> widestBand(AcceleratorFamily family, ServingStack stackOrNull, PredictedMetric metric) {
        return file.bands().stream().filter(b -> b.family() == family && b.metric() == metric
                        && (stackOrNull == null || b.servingStack() == stackOrNull))
                .max(java.util.Comparator.comparingDouble(BandEntry::p80AbsErrorPercent));
    }

    public List<Entry> entries() {
        return file.entries();
    }

    public Optional<Entry> entry(AcceleratorFamily family, ServingStack stack) {
        return Optional.ofNullable(entries.getOrDefault(family, Map.of()).get(stack));
    }

    /** The stated default efficiencies, before any stack's traits: what a family no row measures starts from. */
    public EfficiencyProfile defaultProfile() {
        return file.defaultProfile();
    }

    public Resolved resolve(AcceleratorFamily family, ServingStack stack) {
        return cache.get(family).get(stack);
    }

    public StackTraits traits(ServingStack stack) {
        StackTraits traits = stacks.get(stack);
        return traits != null ? traits : stacks.get(ServingStack.GENERIC);
    }

    private Resolved resolveUncached(AcceleratorFamily family, ServingStack stack) {
        Entry exact = entry(family, stack).orElse(null);
        if (exact != null) {
            return new Resolved(exact.profile(), new ErrorBand(exact.p80AbsErrorPercent(), exact.measurements(),
                    "80% of " + exact.measurements() + " published " + stack.displayName() + " measurements on "
                            + family.displayName() + " were within " + Math.round(exact.p80AbsErrorPercent()) + "%"));
        }
        Entry reference = entry(family, referenceStack).orElse(null);
        if (reference != null) {
            StackTraits traits = traits(stack);
            double percent = reference.p80AbsErrorPercent() + traits.extraErrorPercent();
            return new Resolved(applyStack(reference.profile(), traits), new ErrorBand(percent, 0,
                    "no " + stack.displayName() + " measurement on " + family.displayName() + "; scaled from "
                            + reference.measurements() + " " + referenceStack.displayName() + " measurements"));
        }
        FamilyFallback fallback = fallbacks.get(family);
        if (fallback != null && fallback.borrowFrom() != family) {
            Resolved borrowed = resolveUncached(fallback.borrowFrom(), stack);
            double percent = Math.max(fallback.errorPercent(), borrowed.errorBand().expectedErrorPercent());
            // A fitted fallback rests on measurements of its own; an estimated one says it has none.
            String basis = fallback.fitted() ? family.displayName() + ": " : "no measurement for " + family.displayName() + "; ";
            return new Resolved(fallback.apply(borrowed.profile()), new ErrorBand(percent, 0, basis + "efficiencies borrowed from "
                    + fallback.borrowFrom().displayName() + " (" + fallback.reason() + ")"));
        }
        StackTraits traits = traits(stack);
        double percent = file.defaultErrorPercent();
        return new Resolved(applyStack(file.defaultProfile(), traits), new ErrorBand(percent, 0,
                "no measurement for " + family.displayName() + ": stated default efficiencies"));
    }

    private static EfficiencyProfile applyStack(EfficiencyProfile reference, StackTraits traits) {
        double scale = traits.throughputRelative();
        return reference.scaled(scale, scale, scale, traits.kvMemoryFraction(), traits.kvReservedOutputFraction(),
                traits.defaultMaxBatch());
    }

    private static EfficiencyTable readBundled() {
        try (InputStream in = EfficiencyTable.class.getResourceAsStream("efficiency-profiles.json")) {
            if (in == null) {
                throw new IllegalStateException("efficiency-profiles.json missing from the engine");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
