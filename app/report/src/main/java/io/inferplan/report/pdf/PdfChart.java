package io.inferplan.report.pdf;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.inferplan.report.document.Block;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws a JFreeChart onto the page as vector paths (pdfbox-graphics2d), its text as text in the embedded fonts, so
 * that it stays sharp at any zoom and its labels can be searched and copied.
 */
final class PdfChart {
    /**
     * The width the chart is laid out at before it is scaled to the line: the app's charts are made for about this
     * many pixels, and laid out narrower their labels crowd.
     */
    static final float LAYOUT_WIDTH = 660;

    private PdfChart() {
    }

    /** The height the chart takes on the page, its gap below included. */
    static float height(PdfPages pages, Block.Chart chart) {
        return (float) (pages.width() * chart.aspect()) + 8;
    }

    static void draw(PdfPages pages, Block.Chart chart) throws IOException {
        float width = pages.width();
        float scale = width / LAYOUT_WIDTH;
        float layoutHeight = (float) (LAYOUT_WIDTH * chart.aspect());
        float height = layoutHeight * scale;
        pages.ensure(height + 8);
        PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(pages.document(), LAYOUT_WIDTH, layoutHeight);
        try (EmbeddedFontDrawer fonts = new EmbeddedFontDrawer(pages.fonts)) {
            g2.setFontTextDrawer(fonts);
            chart.chart().draw(g2, new Rectangle2D.Double(0, 0, LAYOUT_WIDTH, layoutHeight));
        } finally {
            g2.dispose();
        }
        PDFormXObject form = g2.getXFormObject();
        var content = pages.content();
        content.saveGraphicsState();
        Matrix place = Matrix.getTranslateInstance(pages.left(), pages.y() - height);
        place.scale(scale, scale);
        content.transform(place);
        content.drawForm(form);
        content.restoreGraphicsState();
        pages.down(height + 8);
    }

    /** Every chart font is DejaVu Sans (ChartStyle): regular or bold from the document's embedded subsets. */
    private static final class EmbeddedFontDrawer extends PdfBoxGraphics2DFontTextDrawer {
        private final PdfFonts fonts;

        EmbeddedFontDrawer(PdfFonts fonts) {
            this.fonts = fonts;
        }

        @Override
        protected PDFont mapFont(Font font, IPdfBoxGraphics2DFontTextDrawer.IFontTextDrawerEnv env) {
            return fonts.of(font.isBold());
        }
    }
}
