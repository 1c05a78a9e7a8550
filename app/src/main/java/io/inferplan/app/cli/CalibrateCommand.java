package io.inferplan.app.cli;

import io.inferplan.app.cases.CaseResolver;
import io.inferplan.app.cases.CaseTable;
import io.inferplan.app.cases.ResolvedCase;
import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.perf.EfficiencyFitter;
import io.inferplan.engine.perf.EfficiencyTable;
import io.inferplan.engine.perf.Measurement;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        description = {"Fits the performance model's efficiency factors to measured throughput.",
                "MEASUREMENTS.csv has the columns of validation/calibration.csv with metric output_tokens_per_s."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MEASUREMENTS.csv")
    Path measurements;

    @Option(names = "--write", paramLabel = "FILE.json", description = "Write the refitted efficiency table here")
    Path write;

    @Override
    public Integer call() throws IOException {
        CaseTable table = CaseTable.read(measurements);
        CaseResolver resolver = new CaseResolver(ModelPresets.bundled(), AcceleratorLookup.bundled());
        List<Measurement> rows = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (Map<String, String> row : table.rows()) {
            try {
                ResolvedCase resolved = resolver.resolve(row);
                if (resolved.measuredOutputTokensPerSecond().isPresent()) {
                    rows.add(resolved.toMeasurement());
                }
            } catch (InvalidInputException e) {
                out.println("skipped row " + row.getOrDefault("case", "?") + ": " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("measurements", "no row with metric output_tokens_per_s and a value in " + measurements);
        }
        EfficiencyTable base = EfficiencyTable.bundled();
        List<EfficiencyFitter.PairFit> fits = new EfficiencyFitter(base).fit(rows);
        out.printf(Locale.ROOT, "Fitted %d measurements from %s%n%n", rows.size(), measurements);
        out.println("| family | stack | rows | prefill compute | decode compute | memory bw | collectives | step overhead | layer overhead | sequence overhead | train median | CV median | CV p80 |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (EfficiencyFitter.PairFit f : fits) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.2f ms | %.1f us | %.2f us | %.1f%% | %.1f%% | %.1f%% |%n",
                    f.family().displayName(), f.stack().displayName(), f.measurements(), f.profile().prefillComputeEfficiency(),
                    f.profile().decodeComputeEfficiency(), f.profile().memoryBandwidthEfficiency(), f.profile().collectiveEfficiency(),
                    f.profile().stepOverheadSeconds() * 1e3, f.profile().layerOverheadSeconds() * 1e6,
                    f.profile().sequenceOverheadSeconds() * 1e6,
                    f.trainingMedianAbsErrorPercent(), f.crossValidatedMedianAbsErrorPercent(), f.crossValidatedP80AbsErrorPercent());
        }
        if (write != null) {
            String source = "fitted by `inferplan calibrate " + measurements.getFileName() + "` on " + LocalDate.now()
                    + "; error band = 80th percentile of 5-fold cross-validated absolute errors";
            EfficiencyTable refit = base.withEntries(EfficiencyFitter.toEntries(fits, source), LocalDate.now().toString(),
                    "Nelder-Mead on mean absolute log error of output tokens/s, bounded factors; 5-fold cross-validation for the error bands");
            Path temporary = write.resolveSibling(write.getFileName() + ".tmp");
            Files.writeString(temporary, refit.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temporary, write, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println();
            out.println("Wrote " + write);
        }
        out.flush();
        return CliSupport.OK;
    }

}
