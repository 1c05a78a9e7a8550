package io.inferplan.analysis.charts;

import io.inferplan.analysis.BatchPoint;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The trade-off every serving deployment makes: bigger batches give more tokens per GPU but fewer per user.
 * Each point is one batch size on the scenario's hardware; the scenario's operating point is marked.
 */
public final class ParetoChart {
    private ParetoChart() {
    }

    public static JFreeChart build(List<BatchPoint> front, BatchPoint operatingPoint, String hardware, ChartStyle style) {
        XYSeries series = new XYSeries("Batch sizes", false);
        for (BatchPoint p : front) {
            series.add(Charts.finite(p.outputTokensPerSecondPerUser()), Charts.finite(p.outputTokensPerSecondPerGpu()));
        }
        XYSeries chosen = new XYSeries("This scenario", false);
        if (operatingPoint != null) {
            chosen.add(operatingPoint.outputTokensPerSecondPerUser(), operatingPoint.outputTokensPerSecondPerGpu());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series);
        data.addSeries(chosen);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: {1} tokens/s per user, {2} tokens/s per GPU",
                CompactFormat.plain(), CompactFormat.plain()));
        XYPlot plot = new XYPlot(data, Charts.axis("Output tokens/s per user", CompactFormat.plain()),
                Charts.axis("Output tokens/s per GPU", CompactFormat.plain()), renderer);
        JFreeChart chart = new JFreeChart("Throughput vs interactivity", plot);
        Charts.subtitle(chart, hardware);
        style.apply(chart);
        renderer.setSeriesPaint(1, style.seriesColor(3));
        if (operatingPoint != null) {
            XYPointerAnnotation label = new XYPointerAnnotation("batch " + operatingPoint.batch(),
                    operatingPoint.outputTokensPerSecondPerUser(), operatingPoint.outputTokensPerSecondPerGpu(), -Math.PI / 4);
            label.setFont(new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 10));
            label.setPaint(style.text());
            label.setArrowPaint(style.muted());
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
        return chart;
    }
}
