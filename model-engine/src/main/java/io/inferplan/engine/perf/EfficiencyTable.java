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

        EfficiencyProfile apply(EfficiencyProfile borrowed) {
            return new EfficiencyProfile(
                    Math.min(1, borrowed.prefillComputeEfficiency() * computeScale),
                    Math.min(1, borrowed.decodeComputeEfficiency() * computeScale),
                    Math.min(1, borrowed.memoryBandwidthEfficiency() * memoryScale),
                    borrowed.stepOverheadSeconds(), borrowed.layerOverheadSeconds(), borrowed.sequenceOverheadSeconds(),
                    borrowed.collectiveEfficiency(), borrowed.kvMemoryFraction(), borrowed.kvReservedOutputFraction(),
                    borrowed.defaultMaxBatch(), borrowed.lowPrecisionComputePenalty());
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
            @JsonProperty("familyFallbacks") List<FamilyFallback> familyFallbacks) {
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

    public String toJson() {
        try {
            return JsonSupport.mapper().writeValueAsString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                file.defaultErrorPercent(), merged, file.stacks(), file.familyFallbacks()));
    }

    public List<Entry> entries() {
        return file.entries();
    }

    public Optional<Entry> entry(AcceleratorFamily family, ServingStack stack) {
        return Optional.ofNullable(entries.getOrDefault(family, Map.of()).get(stack));
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
            return new Resolved(fallback.apply(borrowed.profile()), new ErrorBand(percent, 0, "no measurement for "
                    + family.displayName() + "; efficiencies borrowed from " + fallback.borrowFrom().displayName()
                    + " (" + fallback.reason() + ")"));
        }
        StackTraits traits = traits(stack);
        double percent = file.defaultErrorPercent();
        return new Resolved(applyStack(file.defaultProfile(), traits), new ErrorBand(percent, 0,
                "no measurement for " + family.displayName() + ": stated default efficiencies"));
    }

    private static EfficiencyProfile applyStack(EfficiencyProfile reference, StackTraits traits) {
        double scale = traits.throughputRelative();
        return new EfficiencyProfile(
                Math.min(1, reference.prefillComputeEfficiency() * scale),
                Math.min(1, reference.decodeComputeEfficiency() * scale),
                Math.min(1, reference.memoryBandwidthEfficiency() * scale),
                reference.stepOverheadSeconds() / scale,
                reference.layerOverheadSeconds() / scale,
                reference.sequenceOverheadSeconds() / scale,
                reference.collectiveEfficiency(),
                traits.kvMemoryFraction(),
                traits.kvReservedOutputFraction(),
                traits.defaultMaxBatch(),
                reference.lowPrecisionComputePenalty());
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
