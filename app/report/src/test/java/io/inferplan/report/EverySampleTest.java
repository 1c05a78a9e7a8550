package io.inferplan.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.report.document.ReportDocument;
import io.inferplan.samples.SampleScenarios;
import java.io.IOException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A report of every bundled sample renders to PDF and to self-contained HTML. */
class EverySampleTest {
    /** An attribute that would make the page fetch something: a report must open offline, mailed as one file. */
    private static final Pattern EXTERNAL = Pattern.compile("\\s(src|href|xlink:href)\\s*=", Pattern.CASE_INSENSITIVE);

    static Stream<String> samples() {
        return SampleScenarios.all().stream().map(SampleScenarios.Sample::file);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void rendersToPdfAndHtml(String file) throws IOException {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample(file));
        assertTrue(document.charts().size() >= 5, file + ": " + document.charts().size() + " charts");
        String text = ReportFixtures.text(ReportFixtures.pdf(document, PaperSize.A4));
        assertTrue(text.contains(document.title()), file);
        assertTrue(text.contains("Key figures") && text.contains("Inputs") && text.contains("Error bands"), file);
        String html = ReportFixtures.html(document);
        assertTrue(html.contains("<svg"), file);
        assertFalse(EXTERNAL.matcher(html).find(), file + ": refers to an external file");
        assertFalse(html.contains("<script"), file);
        assertTrue(html.contains("Key figures"), file);
    }
}
