package io.inferplan.report;

import io.inferplan.analysis.RentalRates;
import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.report.document.ReportDocument;
import io.inferplan.samples.SampleScenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Samples, documents built once per test run (gathering a scenario's facts takes a second or two), and PDF text. */
final class ReportFixtures {
    static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    static final String CHAT = "consumer-chat-h100.json";
    static final String ONPREM = "enterprise-onprem-4y.json";
    static final String RAG = "rag-pipeline-mi300x.json";
    static final LocalDate DATE = LocalDate.of(2026, 12, 2);
    private static final AcceleratorCatalog CATALOG = AcceleratorCatalog.bundled();
    private static final Map<List<String>, ReportDocument> DOCUMENTS = new ConcurrentHashMap<>();

    private ReportFixtures() {
    }

    static Reports reports() {
        return new Reports(new ScenarioAnalyzer(() -> CATALOG, () -> new RentalRates(CATALOG, Map.of())), () -> CATALOG, Map::of);
    }

    static String sample(String file) {
        return SampleScenarios.json(SampleScenarios.find(file).orElseThrow());
    }

    /** The document of these scenario documents (one: a scenario's report; more: a comparison). */
    static ReportDocument document(String... jsons) {
        return DOCUMENTS.computeIfAbsent(List.of(jsons), key -> reports().document(key, DATE, share -> { }));
    }

    static byte[] pdf(ReportDocument document, PaperSize paper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io.inferplan.report.pdf.PdfRenderer.render(document, paper, out);
        return out.toByteArray();
    }

    static String html(ReportDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io.inferplan.report.html.HtmlRenderer.render(document, PaperSize.A4, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The PDF's text as a reader's copy would give it, runs of white space as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
