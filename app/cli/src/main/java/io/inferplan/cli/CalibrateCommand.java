package io.inferplan.cli;

import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.cli.calibration.CaseResolver;
import io.inferplan.cli.calibration.CaseTable;
import io.inferplan.cli.calibration.DisaggregatedBands;
import io.inferplan.cli.calibration.ResolvedCase;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.perf.EfficiencyFitter;
import io.inferplan.engine.perf.EfficiencyTable;
import io.inferplan.engine.perf.FamilyFallbackFitter;
import io.inferplan.engine.perf.Measurement;
import io.inferplan.engine.perf.PredictedMetric;
import io.inferplan.engine.perf.ServingStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferplan calibrate}: refits the efficiency factors per accelerator family and serving stack from
 * measured throughput (the calibration.csv layout) and writes an efficiency table.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fits the performance model's efficiency factors jointly to measured throughput, TTFT and TPOT.",
                "Each MEASUREMENTS.csv has the cases columns (validation/calibration.csv) with metric output_tokens_per_s",
                "and a value, or measured_ttft_ms and measured_tpot_ms (validation/concurrency-sweeps-cases.csv), or both."})
public final class CalibrateCommand implements Callable<Integer> {
    private static final String METHOD = "Nelder-Mead on the mean absolute log error of throughput (double weight), TTFT and TPOT, "
            + "bounded factors, per (family, stack), refitted once without the measurements the first fit misses by more than 2.5x "
            + "and 3 medians; bands = 80th percentile of leave-one-model-out residuals of all rows per metric and regime, each fold "
            + "fitted from the stated defaults";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MEASUREMENTS.csv", arity = "1..*")
    List<Path> measurements;

    @Option(names = "--write", paramLabel = "FILE.json", description = "Write the refitted efficiency table here")
    Path write;

    @Option(names = "--disaggregated-bands-only", description = {"Keep the bundled profiles and only recompute the",
            "disaggregated serving bands from the rows with prefill_workers set (no refit)"})
    boolean disaggregatedBandsOnly;

    @Option(names = "--bands-only", description = {"Keep the bundled factors and recompute only what is measured against",
            "them: the cross-validated errors and the error bands (no refit)"})
    boolean bandsOnly;

    @Option(names = "--stack", paramLabel = "STACK", description = {"Refit only the pairs of this serving stack (repeatable:",
            "tensorrt-llm, tensorrt-llm-engine, vllm, sglang); the other pairs keep their bundled factors and bands, so a",
            "change to one stack's physics is measured without the others' refit drift"})
    List<String> stacks = List.of();

    @Option(names = "--family-fallback", paramLabel = "FAMILY", description = {"Fit only the two scales of a family that borrows",
            "another's efficiencies (amd-cdna3: compute and memory efficiency relative to Hopper) to the rows on that family;",
            "every fitted profile and band is kept"})
    String familyFallback;

    @Override
    public Integer call() throws IOException {
        CaseResolver resolver = new CaseResolver(ModelPresets.bundled(), AcceleratorLookup.bundled());
        List<Measurement> rows = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        int skipped = 0;
        // Disaggregated rows fit nothing (the pools reuse the aggregated profiles); they give their own bands.
        List<Map<String, String>> disaggregated = new ArrayList<>();
        for (Path file : measurements) {
            for (Map<String, String> row : CaseTable.read(file).rows()) {
                try {
                    ResolvedCase resolved = resolver.resolve(row);
                    if (resolved.isDisaggregated()) {
                        disaggregated.add(row);
                    } else if (resolved.measured()) {
                        rows.add(resolved.toMeasurement());
                    }
                } catch (InvalidInputException e) {
                    skipped++;
                    if (skipped <= 20) {
                        out.println("skipped row " + row.getOrDefault("case", "?") + ": " + e.getMessage());
                    }
                }
            }
        }
        if (skipped > 20) {
            out.println("... " + (skipped - 20) + " more rows skipped");
        }
        if (familyFallback != null) {
            return writeFamilyFallback(parseFamily(familyFallback), rows, out);
        }
        if (disaggregatedBandsOnly) {
            return writeDisaggregatedBands(EfficiencyTable.bundled(), resolver, disaggregated, out);
        }
        if (!stacks.isEmpty()) {
            Set<ServingStack> only = EnumSet.noneOf(ServingStack.class);
            for (String stack : stacks) {
                only.add(ServingStack.parse("--stack", stack));
            }
            rows.removeIf(m -> !only.contains(m.deployment().servingStack()));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("measurements", "no row with a measured throughput, TTFT or TPOT in " + measurements
                    + (stacks.isEmpty() ? "" : " for the stacks " + stacks));
        }
        EfficiencyTable base = EfficiencyTable.bundled();
        List<EfficiencyFitter.PairFit> fits = new EfficiencyFitter(base).fit(rows, !bandsOnly);
        out.printf(Locale.ROOT, "Fitted %d measurements from %s%n%n", rows.size(), measurements);
        out.println("| family | stack | rows | prefill compute | decode compute | weight bw | collectives bw | collective latency "
                + "| step overhead | layer overhead | sequence overhead | request overhead | prefill queue share | queue coherence "
                + "| all-to-all latency | MoE layer overhead | FP4 compute | host per prompt token | expert GEMM half size | KV read bw | prefill layer overhead | host per sequence | admission iterations |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (EfficiencyFitter.PairFit f : fits) {
            var p = f.profile();
            out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f us | %.2f ms | %.1f us | %.2f us | %.1f ms | %.2f | %.0f tokens | %.1f us | %.1f us | %.2f | %.2f us | %.1f GFLOP | %.3f | %.1f us | %.1f us | %.1f |%n",
                    f.family().displayName(), f.stack().displayName(), f.measurements(), p.prefillComputeEfficiency(),
                    p.decodeComputeEfficiency(), p.memoryBandwidthEfficiency(), p.collectiveEfficiency(),
                    p.collectiveLatencySeconds() * 1e6, p.stepOverheadSeconds() * 1e3, p.layerOverheadSeconds() * 1e6,
                    p.sequenceOverheadSeconds() * 1e6, p.requestOverheadSeconds() * 1e3, p.prefillQueueShare(),
                    p.queueCoherenceOutputTokens(), p.allToAllLatencySeconds() * 1e6, p.expertLayerOverheadSeconds() * 1e6,
                    p.lowPrecisionComputePenalty(), p.promptTokenOverheadSeconds() * 1e6, p.expertGemmHalfGflops(),
                    p.kvBandwidthEfficiency(), p.prefillLayerOverheadSeconds() * 1e6, p.hostSequenceSeconds() * 1e6,
                    p.admissionIterations());
        }
        printPerMetric(out, "Median absolute error in percent: fitted rows / leave-one-model-out / leave-one-accelerator-out",
                "|---|---|---|---|---|", fits, CalibrateCommand::errors);
        printPerMetric(out, "Set aside as outliers by the final fit (missed by more than 2.5x and 3 medians by the first; still in the bands)",
                "|---|---|---:|---:|---:|", fits, CalibrateCommand::setAside);
        if (write != null) {
            String names = fileNames();
            names += stacks.stream().map(stack -> " --stack " + stack).reduce("", String::concat);
            names += bandsOnly ? " --bands-only" : "";
            String source = "fitted by `inferplan calibrate " + names + "` on " + LocalDate.now()
                    + "; error band = 80th percentile of leave-one-model-out absolute errors";
            EfficiencyTable refit = base.withEntries(EfficiencyFitter.toEntries(fits, source), LocalDate.now().toString(), METHOD)
                    .withBands(EfficiencyFitter.toBands(fits));
            refit = refit.withDisaggregatedBands(DisaggregatedBands.of(new io.inferplan.engine.perf.PerformanceModel(refit), resolver,
                    disaggregated));
            writeAtomically(refit);
            out.println();
            out.println("Wrote " + write);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static AcceleratorFamily parseFamily(String text) {
        String wanted = text.trim().replace('-', '_').replace(' ', '_');
        for (AcceleratorFamily family : AcceleratorFamily.values()) {
            if (family.name().equalsIgnoreCase(wanted)) {
                return family;
            }
        }
        throw new InvalidInputException("--family-fallback", "unknown accelerator family '" + text + "'; one of "
                + java.util.Arrays.stream(AcceleratorFamily.values()).map(f -> f.id().replace('_', '-')).toList());
    }

    private Integer writeFamilyFallback(AcceleratorFamily family, List<Measurement> rows, PrintWriter out) throws IOException {
        String names = fileNames();
        String provenance = "fitted by `inferplan calibrate " + names + " --family-fallback " + family.id().replace('_', '-')
                + "` on " + LocalDate.now();
        EfficiencyTable base = EfficiencyTable.bundled();
        FamilyFallbackFitter.Fit fit = new FamilyFallbackFitter(base).fit(family, rows, provenance);
        var fallback = fit.fallback();
        out.printf(Locale.ROOT, "Fitted the %s fallback to %d measurements (%s)%n%n", family.displayName(), fit.measurements(),
                String.join(", ", fit.models()));
        out.println("| family | borrows from | compute scale | memory scale | median error before | median error fitted "
                + "| leave-one-model-out median | leave-one-model-out p80 | stated error |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.0f%% |%n", family.displayName(),
                fallback.borrowFrom().displayName(), fallback.computeScale(), fallback.memoryScale(), fit.previousMedianPercent(),
                fit.fittedMedianPercent(), fit.heldOutMedianPercent(), fit.heldOutP80Percent(), fallback.errorPercent());
        if (write != null) {
            writeAtomically(base.withFamilyFallback(fallback));
            out.println();
            out.println("Wrote " + write);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The measurement files' names, as the provenance of what is written quotes the command. */
    private String fileNames() {
        return String.join(" ", measurements.stream().map(p -> p.getFileName().toString()).toList());
    }

    private void writeAtomically(EfficiencyTable table) throws IOException {
        Path temporary = write.resolveSibling(write.getFileName() + ".tmp");
        Files.writeString(temporary, table.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(temporary, write, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Integer writeDisaggregatedBands(EfficiencyTable base, CaseResolver resolver, List<Map<String, String>> rows,
                                            PrintWriter out) throws IOException {
        if (rows.isEmpty()) {
            throw new InvalidInputException("measurements", "no disaggregated row (prefill_workers set) in " + measurements);
        }
        var bands = DisaggregatedBands.of(new io.inferplan.engine.perf.PerformanceModel(base), resolver, rows);
        out.println("Disaggregated bands from " + rows.size() + " rows (80th percentile of absolute errors, no factor fitted on them)");
        out.println("| family | stack | metric | rows | median | p80 |");
        out.println("|---|---|---|---:|---:|---:|");
        for (var b : bands) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.1f%% | %.1f%% |%n", b.family().displayName(), b.stack(), b.metric(),
                    b.rows(), b.medianAbsErrorPercent(), b.p80AbsErrorPercent());
        }
        if (write != null) {
            writeAtomically(base.withDisaggregatedBands(bands));
            out.println("Wrote " + write);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One row per fitted pair, one cell per metric. */
    private static void printPerMetric(PrintWriter out, String title, String alignment, List<EfficiencyFitter.PairFit> fits,
                                       java.util.function.BiFunction<EfficiencyFitter.PairFit, PredictedMetric, String> cell) {
        out.println();
        out.println(title);
        out.println("| family | stack | throughput | TTFT | TPOT |");
        out.println(alignment);
        for (EfficiencyFitter.PairFit f : fits) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", f.family().displayName(), f.stack().displayName(),
                    cell.apply(f, PredictedMetric.THROUGHPUT), cell.apply(f, PredictedMetric.TTFT), cell.apply(f, PredictedMetric.TPOT));
        }
    }

    private static String setAside(EfficiencyFitter.PairFit f, PredictedMetric metric) {
        return f.trainingMedianAbsErrorPercent().containsKey(metric) ? Integer.toString(f.setAside().getOrDefault(metric, 0)) : "-";
    }

    private static String errors(EfficiencyFitter.PairFit f, PredictedMetric metric) {
        Double training = f.trainingMedianAbsErrorPercent().get(metric);
        if (training == null) {
            return "-";
        }
        double byAccelerator = f.byAcceleratorMedianAbsErrorPercent(metric);
        return String.format(Locale.ROOT, "%.1f / %.1f / %s (n=%d)", training, f.crossValidatedMedianAbsErrorPercent(metric),
                Double.isNaN(byAccelerator) ? "-" : String.format(Locale.ROOT, "%.1f", byAccelerator), f.rows(metric));
    }
}
