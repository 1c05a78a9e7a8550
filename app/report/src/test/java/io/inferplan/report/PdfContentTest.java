package io.inferplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.cli.Cli;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.JsonSupport;
import io.inferplan.report.document.ReportDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF of a sample with latency targets: the figures `evaluate --json` gives, its pages, its charts as vectors. */
class PdfContentTest {
    private static ReportDocument document;
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void render() throws IOException {
        document = ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT));
        pdf = ReportFixtures.pdf(document, PaperSize.A4);
        text = ReportFixtures.text(pdf);
    }

    @Test
    void carriesTheFiguresOfEvaluateJson() throws IOException {
        StringWriter out = new StringWriter();
        var cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("evaluate", "--json", ReportFixtures.SAMPLES.resolve(ReportFixtures.CHAT).toString()));
        JsonNode json = JsonSupport.mapper().readTree(out.toString());
        List<String> expected = new ArrayList<>();
        expected.add(Formats.usd(json.findValue("costPerMillionOutputTokensUsd").asDouble()));
        expected.add(Formats.usd(json.findValue("costPerMillionInputTokensUsd").asDouble()));
        expected.add("of Llama-3.3-70B on " + json.findValue("gpusRequired").asInt() + " ");
        expected.add("GPUs needed " + json.findValue("gpusRequired").asInt());
        expected.add(Formats.usd(json.path("gpuHourCost").path("totalUsdPerGpuHour").asDouble()));
        for (JsonNode tier : json.path("tiers")) {
            if (!tier.path("grossMarginPercent").isNull() && tier.has("grossMarginPercent")) {
                expected.add("Gross margin, " + tier.path("name").asText() + " tier "
                        + String.format(Locale.ROOT, "%.1f%%", tier.path("grossMarginPercent").asDouble()));
            }
        }
        expected.add(String.format(Locale.ROOT, "Gross margin %.1f%%", json.path("totals").path("grossMarginPercent").asDouble()));
        expected.add(Formats.usd(json.path("totals").path("operatingProfitUsdPerMonth").asDouble()) + " per month");
        for (String figure : expected) {
            assertTrue(text.contains(figure), "the PDF lacks " + figure);
        }
    }

    @Test
    void opensWithTheSummaryInWords() {
        assertTrue(text.contains("Serving 50 requests/s of Llama-3.3-70B on"), text.substring(0, 600));
        assertTrue(text.contains("per million output tokens; at the current prices the paid tier earns"), text.substring(0, 600));
        assertTrue(text.contains("InferPlan 0.1.0"), "version in the title block");
        assertTrue(text.contains("2 December 2026"), "date in the title block");
    }

    @Test
    void hasASaneNumberOfPagesEachNumbered() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 6 && pages <= 25, pages + " pages");
            assertTrue(text.contains("Page 1 of " + pages) && text.contains("Page " + pages + " of " + pages));
        }
    }

    @Test
    void everyChartIsThereAsVectorPathsWithItsTitleAsText() throws IOException {
        for (String title : List.of("Cost per M tokens by accelerator", "Gross margin by tier", "Break-even", "Projection",
                "What moves operating profit most", "Time to first token", "Time per output token",
                "Throughput per GPU against interactivity")) {
            assertTrue(text.contains(title), "no chart titled " + title);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int drawn = 0;
            for (PDPage page : doc.getPages()) {
                List<Integer> paths = new ArrayList<>();
                scan(page.getResources(), paths);
                drawn += (int) paths.stream().filter(count -> count > 40).count();
            }
            assertEquals(document.charts().size(), drawn, "one vector form of many paths per chart");
        }
    }

    /** Counts path operators per form XObject, and fails on any raster image (charts must not be bitmaps). */
    private static void scan(PDResources resources, List<Integer> paths) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            assertTrue(!(object instanceof PDImageXObject), "a raster image in the report: " + name);
            if (object instanceof PDFormXObject form) {
                int count = 0;
                for (Object token : new PDFStreamParser(form).parse()) {
                    if (token instanceof Operator op && List.of("m", "l", "c", "re").contains(op.getName())) {
                        count++;
                    }
                }
                paths.add(count);
                scan(form.getResources(), paths);
            }
        }
    }

    @Test
    void embedsItsFonts() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                assertTrue(doc.getPage(0).getResources().getFont(name).isEmbedded(), name.getName());
            }
        }
    }

    @Test
    void writesTheAppsSignsNotQuestionMarks() {
        // En dash in ranges, times sign in fleets, plus-minus in bands: all in the embedded font.
        assertTrue(text.matches(".*\\d–\\d.*"), "an en dash between two figures");
        assertTrue(text.contains(" × ") && text.contains("±"));
        assertTrue(!text.matches(".*\\d\\?\\d.*"), "no glyph replaced by '?' between figures");
    }
}
