package io.inferplan.report.pdf;

import io.inferplan.report.ReportFonts;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The two embedded fonts of one PDF (subsets: only the glyphs used travel in the file), and text measured in them. */
record PdfFonts(PDType0Font regular, PDType0Font bold) {
    static PdfFonts embed(PDDocument document) throws IOException {
        try (InputStream regular = ReportFonts.open(ReportFonts.REGULAR); InputStream bold = ReportFonts.open(ReportFonts.BOLD)) {
            return new PdfFonts(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true));
        }
    }

    PDFont of(boolean boldFace) {
        return boldFace ? bold : regular;
    }

    /** Width in points of {@code text} at {@code size}. */
    static float width(PDFont font, String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot measure " + text, e);
        }
    }

    /** The text with every character the font has no glyph for replaced by "?" (no exception halfway through a page). */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int c = cp == '\t' || cp == '\n' ? ' ' : cp;
            out.appendCodePoint(c >= ' ' && encodable(font, c) ? c : '?');
        });
        return out.toString();
    }

    /** Whether the font can show this character (encode throws for one it has no glyph for; hasGlyph takes glyph codes, not characters). */
    private static boolean encodable(PDType0Font font, int codePoint) {
        if (codePoint < 0x7f) {
            return true;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
