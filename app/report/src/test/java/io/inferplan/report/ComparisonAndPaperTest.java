package io.inferplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.report.document.Block;
import io.inferplan.report.document.ReportDocument;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/** A comparison puts the scenarios side by side; A4 and Letter give pages of their size. */
class ComparisonAndPaperTest {
    @Test
    void comparisonPutsTheScenariosSideBySide() throws IOException {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT),
                ReportFixtures.sample(ReportFixtures.ONPREM), ReportFixtures.sample(ReportFixtures.RAG));
        assertEquals("Comparison of 3 scenarios", document.title());
        Block.Table table = (Block.Table) document.section("Side by side").orElseThrow().blocks().getFirst();
        assertEquals(4, table.header().size(), "a column per scenario");
        assertTrue(table.header().get(1).startsWith("A. Consumer chat"), table.header().toString());
        String text = ReportFixtures.text(ReportFixtures.pdf(document, PaperSize.A4));
        assertTrue(text.contains("Cost per million tokens by scenario"), "the comparison's chart");
        for (String heading : new String[] {"A. Consumer chat assistant on H100: Key figures", "B. ", "C. "}) {
            assertTrue(text.contains(heading), heading);
        }
    }

    @Test
    void pagesHaveThePaperSizeAsked() throws IOException {
        ReportDocument document = ReportFixtures.document(ReportFixtures.sample(ReportFixtures.CHAT));
        assertSize(ReportFixtures.pdf(document, PaperSize.A4), PDRectangle.A4);
        assertSize(ReportFixtures.pdf(document, PaperSize.LETTER), PDRectangle.LETTER);
        assertTrue(ReportFixtures.html(document).contains("size: a4"));
    }

    private static void assertSize(byte[] pdf, PDRectangle expected) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getPages().forEach(page -> {
                assertEquals(expected.getWidth(), page.getMediaBox().getWidth(), 0.5);
                assertEquals(expected.getHeight(), page.getMediaBox().getHeight(), 0.5);
            });
        }
    }
}
