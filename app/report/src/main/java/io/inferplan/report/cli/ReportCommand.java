package io.inferplan.report.cli;

import io.inferplan.analysis.RentalRates;
import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.catalog.store.StoreException;
import io.inferplan.cli.ExitCodes;
import io.inferplan.cli.ScenarioFileLoader;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.report.PaperSize;
import io.inferplan.report.ReportWriteException;
import io.inferplan.report.Reports;
import io.inferplan.report.document.ReportDocument;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan report SCENARIO.json [--compare B.json C.json] [--out report.pdf|report.html] [--paper a4|letter]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a decision report (PDF or HTML) of a scenario, or of several side by side.",
                "A summary in words, the key figures, the app's charts, every input, the hardware's sourced figures and",
                "the error bands; the HTML is one self-contained file. See docs/report.md."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file")
    Path file;

    @Option(names = "--compare", arity = "1..*", paramLabel = "OTHER.json", description = "Scenarios to put side by side with it")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "report.pdf or report.html (default: the scenario's name with .pdf, in this folder)")
    Path out;

    @Option(names = "--paper", paramLabel = "SIZE", description = "a4 (default) or letter")
    String paper = "a4";

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PaperSize size = PaperSize.parse(paper);
        if (size == null) {
            err.println("error: --paper: must be a4 or letter, was '" + paper + "'");
            return ExitCodes.INPUT_ERROR;
        }
        List<Path> files = new ArrayList<>(List.of(file));
        files.addAll(compare);
        List<String> documents = new ArrayList<>();
        for (Path f : files) {
            // Read and check each file first: an error names the file and the field before any work is done.
            ScenarioFileLoader.read(f);
            documents.add(ScenarioFileLoader.readText(f));
        }
        Path target = out != null ? out : Path.of(defaultName(file));
        AcceleratorCatalog catalog = catalog(err);
        ScenarioAnalyzer analyzer = new ScenarioAnalyzer(() -> catalog, () -> new RentalRates(catalog, Map.of()));
        ReportDocument document;
        try {
            document = new Reports(analyzer, () -> catalog, Map::of).document(documents, LocalDate.now(ZoneOffset.UTC), share -> { });
        } catch (InvalidInputException e) {
            throw new InvalidInputException(files.size() == 1 ? file.getFileName() + ": " + e.field() : e.field(), e.reason());
        }
        try {
            Reports.write(document, target, size);
        } catch (ReportWriteException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        spec.commandLine().getOut().println("wrote " + target + " (" + size.label() + ", " + document.charts().size() + " charts)");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static String defaultName(Path scenario) {
        String name = scenario.getFileName().toString();
        if (name.endsWith(".inferplan.json")) {
            name = name.substring(0, name.length() - ".inferplan.json".length());
        } else if (name.endsWith(".json")) {
            name = name.substring(0, name.length() - ".json".length());
        }
        return name + "-report.pdf";
    }

    /** The bundled catalog with the user's own entries over it, read only; the bundle alone if the database cannot be read. */
    private static AcceleratorCatalog catalog(PrintWriter err) {
        try {
            return CatalogStore.openDefaultForReading().map(CatalogStore::catalog).orElseGet(AcceleratorCatalog::bundled);
        } catch (StoreException | UncheckedIOException e) {
            err.println("warning: your own catalog entries could not be read (" + e.getMessage() + "); using the bundled catalog only");
            return AcceleratorCatalog.bundled();
        }
    }
}
