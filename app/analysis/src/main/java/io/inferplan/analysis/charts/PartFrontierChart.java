package io.inferplan.analysis.charts;

import io.inferplan.engine.optimize.FrontierPoint;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart procurement knows from InferenceX: per part and weight precision, the output throughput per GPU it
 * reaches against the decode speed each user sees, over batch sizes; only points nothing of the same part and
 * precision beats on both. A chosen configuration is marked.
 */
public final class PartFrontierChart {
    /** Lines beyond this many are unreadable; the caller passes the parts that matter (the cheapest ones). */
    public static final int MAX_LINES = 8;

    private PartFrontierChart() {
    }

    /**
     * @param groups   frontier points per line label ("H100-SXM fp8"), in legend order, at most {@link #MAX_LINES}
     * @param selected the chosen configuration's point, or null
     */
    public static JFreeChart build(Map<String, List<FrontierPoint>> groups, FrontierPoint selected, ChartStyle style) {
        XYSeriesCollection data = new XYSeriesCollection();
        int lines = 0;
        for (Map.Entry<String, List<FrontierPoint>> group : groups.entrySet()) {
            if (lines++ == MAX_LINES) {
                break;
            }
            XYSeries series = new XYSeries(group.getKey(), true);
            for (FrontierPoint p : group.getValue()) {
                series.add(Charts.finite(p.outputTokensPerSecondPerUser()), Charts.finite(p.outputTokensPerSecondPerGpu()));
            }
            data.addSeries(series);
        }
        int lineCount = data.getSeriesCount();
        if (selected != null) {
            XYSeries chosen = new XYSeries("Selected", false);
            chosen.add(selected.outputTokensPerSecondPerUser(), selected.outputTokensPerSecondPerGpu());
            data.addSeries(chosen);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lineCount; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: {1} tokens/s per user, {2} tokens/s per GPU",
                CompactFormat.plain(), CompactFormat.plain()));
        XYPlot plot = new XYPlot(data, Charts.axis("Output tokens/s per user", CompactFormat.plain()),
                Charts.axis("Output tokens/s per GPU", CompactFormat.plain()), renderer);
        JFreeChart chart = new JFreeChart("Throughput per GPU against interactivity", plot);
        Charts.subtitle(chart, "each part's best layout per precision, over batch sizes; up and right is better");
        style.apply(chart);
        if (selected != null) {
            renderer.setSeriesLinesVisible(lineCount, false);
            renderer.setSeriesShape(lineCount, new Ellipse2D.Double(-6, -6, 12, 12));
            renderer.setSeriesPaint(lineCount, style.text());
        }
        return chart;
    }

    /** Groups points by part and precision, keeping the order of {@code parts} (cheapest first, say). */
    public static Map<String, List<FrontierPoint>> byPart(List<FrontierPoint> frontier, List<String> parts) {
        Map<String, List<FrontierPoint>> groups = new LinkedHashMap<>();
        for (String part : parts) {
            for (FrontierPoint p : frontier) {
                if (p.accelerator().equals(part)) {
                    groups.computeIfAbsent(part + " " + p.weightPrecision().id(), k -> new java.util.ArrayList<>()).add(p);
                }
            }
        }
        return groups;
    }
}
