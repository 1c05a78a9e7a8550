package io.inferplan.analysis.charts;

import io.inferplan.cli.text.CsvCells;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG or SVG, and its data as CSV. Runs on any thread (JFreeChart draws with Java2D). */
public final class ChartExporter {
    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 750;

    private ChartExporter() {
    }

    public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    public static void svg(JFreeChart chart, Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
    }

    /** By the file's extension: .svg, .csv, otherwise PNG. */
    public static void export(JFreeChart chart, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            svg(chart, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        } else if (name.endsWith(".csv")) {
            csv(chart, file);
        } else {
            png(chart, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
    }

    /** The chart's data as a table: one row per category or x value, one column per series. */
    public static void csv(JFreeChart chart, Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getDataset() != null) {
            CategoryDataset data = plot.getDataset();
            List<String> header = new ArrayList<>(List.of("category"));
            for (int r = 0; r < data.getRowCount(); r++) {
                header.add(data.getRowKey(r).toString());
            }
            rows.add(header);
            for (int c = 0; c < data.getColumnCount(); c++) {
                List<String> row = new ArrayList<>(List.of(data.getColumnKey(c).toString()));
                for (int r = 0; r < data.getRowCount(); r++) {
                    Number value = data.getValue(r, c);
                    row.add(value == null ? "" : Double.toString(value.doubleValue()));
                }
                rows.add(row);
            }
        } else if (chart.getPlot() instanceof XYPlot plot && plot.getDataset() != null) {
            XYDataset data = plot.getDataset();
            rows.add(List.of("series", plot.getDomainAxis().getLabel(), plot.getRangeAxis().getLabel()));
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    rows.add(List.of(data.getSeriesKey(s).toString(), Double.toString(data.getXValue(s, i)),
                            Double.toString(data.getYValue(s, i))));
                }
            }
        }
        CsvWriter.write(file, rows);
    }

    /** RFC 4180 CSV with formula triggers neutralised (CsvCells), shared with table exports. */
    public static final class CsvWriter {
        private CsvWriter() {
        }

        public static void write(Path file, List<List<String>> rows) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (List<String> row : rows) {
                    out.write(String.join(",", row.stream().map(CsvWriter::quote).toList()));
                    out.write("\r\n");
                }
            }
        }

        static String quote(String cell) {
            return CsvCells.field(cell);
        }
    }
}
