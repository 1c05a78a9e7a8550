package io.inferplan.report.pdf;

import io.inferplan.report.document.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Draws a table: wrapped cells, a row never cut by a page break, the header again at the top of each continued page. */
final class PdfTable {
    static final float SIZE = 8.2f;
    static final float LEADING = 10.4f;
    static final float PAD = 3.2f;

    private final PdfPages pages;
    private final Block.Table table;
    private final float[] widths;

    PdfTable(PdfPages pages, Block.Table table) {
        this.pages = pages;
        this.table = table;
        double total = table.widths().stream().mapToDouble(Double::doubleValue).sum();
        widths = new float[table.widths().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) (pages.width() * table.widths().get(i) / total);
        }
    }

    void draw() throws IOException {
        List<List<String>> header = wrap(table.header(), pages.fonts.bold());
        float headerHeight = height(header);
        List<List<List<String>>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            rows.add(wrap(row, pages.fonts.regular()));
        }
        // The header and the first row together, so that a header never stands alone at a page's foot.
        pages.ensure(headerHeight + (rows.isEmpty() ? 0 : height(rows.getFirst())));
        drawRow(header, headerHeight, true);
        for (List<List<String>> row : rows) {
            float h = height(row);
            if (h > pages.room()) {
                pages.newPage();
                drawRow(header, headerHeight, true);
            }
            drawRow(row, h, false);
        }
        pages.down(6);
    }

    private List<List<String>> wrap(List<String> cells, PDFont font) {
        List<List<String>> wrapped = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = PdfFonts.printable(pages.fonts.regular(), cells.get(i));
            wrapped.add(TextWrap.lines(text, font, SIZE, widths[i] - 2 * PAD));
        }
        return wrapped;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * LEADING + 2 * PAD;
    }

    private void drawRow(List<List<String>> cells, float h, boolean header) throws IOException {
        float top = pages.y();
        if (header) {
            pages.fill(pages.left(), top - h, pages.width(), h, PdfPages.HEADER_FILL);
        }
        PDFont font = header ? pages.fonts.bold() : pages.fonts.regular();
        float x = pages.left();
        for (int i = 0; i < cells.size(); i++) {
            float baseline = top - PAD - SIZE * 0.93f;
            boolean right = table.rightAligned().get(i);
            for (String line : cells.get(i)) {
                float lineX = right ? x + widths[i] - PAD - PdfFonts.width(font, line, SIZE) : x + PAD;
                pages.text(line, lineX, baseline, font, SIZE, PdfPages.TEXT);
                baseline -= LEADING;
            }
            x += widths[i];
        }
        pages.down(h);
        pages.rule(pages.left(), pages.y(), pages.width(), PdfPages.RULE, 0.5f);
    }
}
