package io.inferplan.report.document;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** What a section holds: text, a table or a chart. */
public sealed interface Block {
    /** Running text; {@code note} for a smaller, muted line (where a figure comes from, what was left out). */
    record Paragraph(String text, boolean note) implements Block {
        public static Paragraph of(String text) {
            return new Paragraph(text, false);
        }

        public static Paragraph note(String text) {
            return new Paragraph(text, true);
        }
    }

    /**
     * A table. Rows never split across pages; the header repeats on every page the table continues on.
     *
     * @param widths relative column widths, one per column (the renderers scale them to the line)
     * @param rightAligned columns of figures, aligned right so their digits line up
     */
    record Table(List<String> header, List<List<String>> rows, List<Double> widths, List<Boolean> rightAligned) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            widths = List.copyOf(widths);
            rightAligned = List.copyOf(rightAligned);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size() + " columns: " + row);
                }
            }
            if (widths.size() != header.size() || rightAligned.size() != header.size()) {
                throw new IllegalArgumentException("one width and one alignment per column");
            }
        }

        /** Label and value, the label column narrower, values left-aligned (they are words as often as figures). */
        public static Table keyValues(String keyHeader, String valueHeader, List<List<String>> rows) {
            return new Table(List.of(keyHeader, valueHeader), rows, List.of(0.36, 0.64), List.of(false, false));
        }
    }

    /**
     * One of the app's charts, drawn as vector graphics by both renderers.
     *
     * @param aspect height over width at which it reads best (the renderers keep it)
     */
    record Chart(String title, JFreeChart chart, double aspect) implements Block {
    }
}
