package io.inferplan.report.pdf;

import io.inferplan.report.PaperSize;
import io.inferplan.report.ReportFonts;
import io.inferplan.report.document.Block;
import io.inferplan.report.document.ReportDocument;
import io.inferplan.report.document.Section;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Lays a {@link ReportDocument} out on pages of the chosen size and writes it as PDF (Apache PDFBox). */
public final class PdfRenderer {
    static final float BODY = 9.6f;
    static final float BODY_LEADING = 13.2f;
    static final float NOTE = 8.2f;
    static final float NOTE_LEADING = 11f;
    static final float HEADING = 13.5f;

    /**
     * PDFBox tries to unmap its memory-mapped buffers through a JDK internal the module system keeps closed, and
     * logs a SEVERE stack trace each run when refused; it then lets the GC free them, which is all a report needs.
     * Held here: JUL keeps loggers weakly, and a collected one would come back at its default level.
     */
    private static final java.util.logging.Logger UNMAPPER_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox.io.IOUtils");

    static {
        UNMAPPER_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private PdfRenderer() {
    }

    public static void render(ReportDocument report, PaperSize paper, OutputStream out) throws IOException {
        ReportFonts.registerWithJava2D();
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.embed(document);
            try (PdfPages pages = new PdfPages(document, paper, fonts)) {
                titleBlock(pages, report);
                for (Section section : report.sections()) {
                    section(pages, section);
                }
            }
            frame(document, fonts, report.title(), paper);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.title());
            info.setCreator("InferPlan");
            info.setCreationDate(Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT));
            document.save(out);
        }
    }

    private static void titleBlock(PdfPages pages, ReportDocument report) throws IOException {
        for (String line : TextWrap.lines(printable(pages, report.title()), pages.fonts.bold(), 20, pages.width())) {
            pages.down(22);
            pages.text(line, pages.left(), pages.y(), pages.fonts.bold(), 20, PdfPages.TEXT);
        }
        pages.down(4);
        for (String line : report.titleLines()) {
            for (String wrapped : TextWrap.lines(printable(pages, line), pages.fonts.regular(), 10, pages.width())) {
                pages.down(14);
                pages.text(wrapped, pages.left(), pages.y(), pages.fonts.regular(), 10, PdfPages.MUTED);
            }
        }
        pages.down(10);
        pages.rule(pages.left(), pages.y(), pages.width(), PdfPages.TEXT, 1);
        pages.down(6);
    }

    private static void section(PdfPages pages, Section section) throws IOException {
        // A heading keeps what follows on its page: a chart whole, else a few lines.
        float following = !section.blocks().isEmpty() && section.blocks().getFirst() instanceof Block.Chart chart
                ? PdfChart.height(pages, chart) : 60;
        pages.ensure(HEADING + 24 + following);
        pages.down(14);
        for (String line : TextWrap.lines(printable(pages, section.heading()), pages.fonts.bold(), HEADING, pages.width())) {
            pages.down(HEADING + 2);
            pages.text(line, pages.left(), pages.y(), pages.fonts.bold(), HEADING, PdfPages.TEXT);
        }
        pages.down(8);
        for (Block block : section.blocks()) {
            switch (block) {
                case Block.Paragraph p -> paragraph(pages, p);
                case Block.Table t -> new PdfTable(pages, t).draw();
                case Block.Chart c -> PdfChart.draw(pages, c);
            }
        }
    }

    private static void paragraph(PdfPages pages, Block.Paragraph p) throws IOException {
        float size = p.note() ? NOTE : BODY;
        float leading = p.note() ? NOTE_LEADING : BODY_LEADING;
        PDFont font = pages.fonts.regular();
        List<String> lines = TextWrap.lines(printable(pages, p.text()), font, size, pages.width());
        for (String line : lines) {
            pages.ensure(leading);
            pages.down(leading);
            pages.text(line, pages.left(), pages.y() + leading - size * 1.05f, font, size, p.note() ? PdfPages.MUTED : PdfPages.TEXT);
        }
        pages.down(6);
    }

    /** The running header (the report's title) and footer (page N of M) on every page, once the count is known. */
    private static void frame(PDDocument document, PdfFonts fonts, String title, PaperSize paper) throws IOException {
        int count = document.getNumberOfPages();
        String header = PdfFonts.printable(fonts.regular(), title);
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float top = paper.heightPoints() - PdfPages.MARGIN_TOP + 24;
                float bottom = PdfPages.MARGIN_BOTTOM - 30;
                float right = paper.widthPoints() - PdfPages.MARGIN_SIDE;
                content.setNonStrokingColor(PdfPages.MUTED);
                if (i > 0) {
                    content.beginText();
                    content.setFont(fonts.regular(), 8);
                    content.newLineAtOffset(PdfPages.MARGIN_SIDE, top);
                    content.showText(header.length() > 90 ? header.substring(0, 89) + "…" : header);
                    content.endText();
                }
                String number = "Page " + (i + 1) + " of " + count;
                content.beginText();
                content.setFont(fonts.regular(), 8);
                content.newLineAtOffset(right - PdfFonts.width(fonts.regular(), number, 8), bottom);
                content.showText(number);
                content.endText();
                content.beginText();
                content.setFont(fonts.regular(), 8);
                content.newLineAtOffset(PdfPages.MARGIN_SIDE, bottom);
                content.showText("InferPlan decision report");
                content.endText();
            }
        }
    }

    private static String printable(PdfPages pages, String text) {
        return PdfFonts.printable(pages.fonts.regular(), text);
    }
}
