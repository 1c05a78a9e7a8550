package io.inferplan.report;

import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.report.content.FactsGatherer;
import io.inferplan.report.content.ReportContent;
import io.inferplan.report.content.ScenarioFacts;
import io.inferplan.report.document.ReportDocument;
import io.inferplan.report.html.HtmlRenderer;
import io.inferplan.report.pdf.PdfRenderer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/** The report in three steps, used by `inferplan report` and the app's File ▸ Export report...: facts, document, file. */
public final class Reports {
    private final FactsGatherer gatherer;

    /**
     * @param analyzer         the analyzer the pages use (the app's, with its estimate cache), or a new one
     * @param catalog          the accelerators, the user's entries on top
     * @param ownUsdPerGpuHour the user's own prices per part (the app's workspace), empty on the command line
     */
    public Reports(ScenarioAnalyzer analyzer, Supplier<AcceleratorCatalog> catalog, Supplier<Map<String, Double>> ownUsdPerGpuHour) {
        this.gatherer = new FactsGatherer(analyzer, catalog, ownUsdPerGpuHour);
    }

    /**
     * The document of one scenario, or of several side by side.
     *
     * @param documents the scenarios' JSON documents, one or more
     * @param progress  told the share done, 0 to 1
     * @throws io.inferplan.engine.InvalidInputException naming the field when a document is not a valid scenario
     */
    public ReportDocument document(List<String> documents, LocalDate date, DoubleConsumer progress) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no scenario to report on");
        }
        List<ScenarioFacts> facts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            int done = i;
            facts.add(gatherer.gather(documents.get(i), share -> progress.accept((done + share) / documents.size() * 0.9)));
        }
        ReportDocument document = facts.size() == 1 ? ReportContent.scenario(facts.getFirst(), date) : ReportContent.comparison(facts, date);
        progress.accept(0.9);
        return document;
    }

    /**
     * Renders {@code document} into {@code target}, PDF or HTML by its extension; the old file is replaced only by a complete one.
     *
     * @throws ReportWriteException naming the path and the reason
     */
    public static void write(ReportDocument document, Path target, PaperSize paper) {
        ReportFiles.refuseFolder(target);
        ReportFormat format = ReportFormat.of(target);
        if (format == null) {
            throw new ReportWriteException(target + ": the report is written as .pdf or .html; give a file name ending in one of them");
        }
        ReportFiles.write(target, out -> {
            if (format == ReportFormat.PDF) {
                PdfRenderer.render(document, paper, out);
            } else {
                HtmlRenderer.render(document, paper, out);
            }
        });
    }
}
