package io.inferplan.report.pdf;

import io.inferplan.report.PaperSize;
import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The page being filled, top to bottom: a cursor (y, in points from the page's bottom) that moves down as blocks are
 * drawn, and a new page when the next thing does not fit.
 */
final class PdfPages implements AutoCloseable {
    static final float MARGIN_SIDE = 54;
    static final float MARGIN_TOP = 62;
    static final float MARGIN_BOTTOM = 58;
    static final Color TEXT = new Color(0x1d2330);
    static final Color MUTED = new Color(0x5b6577);
    static final Color RULE = new Color(0xd5dae3);
    static final Color HEADER_FILL = new Color(0xeef1f6);

    private final PDDocument document;
    private final PaperSize paper;
    final PdfFonts fonts;
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument document, PaperSize paper, PdfFonts fonts) throws IOException {
        this.document = document;
        this.paper = paper;
        this.fonts = fonts;
        newPage();
    }

    float left() {
        return MARGIN_SIDE;
    }

    float width() {
        return paper.widthPoints() - 2 * MARGIN_SIDE;
    }

    /** Height a block may take on an empty page. */
    float pageHeight() {
        return paper.heightPoints() - MARGIN_TOP - MARGIN_BOTTOM;
    }

    float y() {
        return y;
    }

    float room() {
        return y - MARGIN_BOTTOM;
    }

    PDDocument document() {
        return document;
    }

    PDPageContentStream content() {
        return content;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void ensure(float height) throws IOException {
        if (height > room() && y < paper.heightPoints() - MARGIN_TOP) {
            newPage();
        }
    }

    void down(float points) {
        y -= points;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(new PDRectangle(paper.widthPoints(), paper.heightPoints()));
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = paper.heightPoints() - MARGIN_TOP;
    }

    /** One line of text with its baseline at {@code baseline}. */
    void text(String text, float x, float baseline, PDFont font, float size, Color color) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(PdfFonts.printable((org.apache.pdfbox.pdmodel.font.PDType0Font) font, text));
        content.endText();
    }

    void rule(float x, float atY, float length, Color color, float lineWidth) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(lineWidth);
        content.moveTo(x, atY);
        content.lineTo(x + length, atY);
        content.stroke();
    }

    void fill(float x, float bottom, float w, float h, Color color) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, bottom, w, h);
        content.fill();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
