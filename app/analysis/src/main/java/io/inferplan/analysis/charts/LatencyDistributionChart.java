package io.inferplan.analysis.charts;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * How one latency spreads over the requests at the operating point: a histogram of the simulated requests, with
 * the percentiles marked (where the tail starts is what a mean hides).
 */
public final class LatencyDistributionChart {
    private LatencyDistributionChart() {
    }

    /** The bars stop at this share of the requests: the rarest ones would squash the rest into one bar. */
    static final double SHOWN_SHARE = 0.995;
    static final int BINS = 40;

    /**
     * @param sortedSeconds      every measured request's latency, sorted
     * @param percentilesSeconds the marks to draw, e.g. "p50" and "p99", in seconds
     */
    public static JFreeChart build(String title, double[] sortedSeconds, Map<String, Double> percentilesSeconds,
                                   double requestsPerSecond, ChartStyle style) {
        int requests = sortedSeconds.length;
        int shown = Math.max(1, (int) Math.ceil(requests * SHOWN_SHARE));
        XYIntervalSeries bins = new XYIntervalSeries("requests");
        if (requests > 0) {
            double low = sortedSeconds[0];
            double high = sortedSeconds[Math.min(shown, requests) - 1];
            double width = high > low ? (high - low) / BINS : Math.max(1e-6, low * 0.01);
            int[] counts = new int[BINS];
            for (int i = 0; i < Math.min(shown, requests); i++) {
                counts[(int) Math.min(BINS - 1, Math.floor((sortedSeconds[i] - low) / width))]++;
            }
            for (int i = 0; i < BINS; i++) {
                double from = (low + i * width) * 1e3;
                double to = (low + (i + 1) * width) * 1e3;
                bins.add((from + to) / 2, from, to, counts[i], counts[i], counts[i]);
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(bins);
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setShadowVisible(false);
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{2} requests near {1} ms",
                new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)),
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        XYPlot plot = new XYPlot(data, Charts.axis("ms", CompactFormat.plain()), Charts.axis("Requests", CompactFormat.plain()), renderer);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        int mark = 0;
        for (Map.Entry<String, Double> percentile : percentilesSeconds.entrySet()) {
            if (!Double.isFinite(percentile.getValue())) {
                continue;
            }
            ValueMarker marker = new ValueMarker(percentile.getValue() * 1e3, mark == 0 ? style.text() : style.seriesColor(3),
                    new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{5, 3}, 0));
            marker.setLabel(percentile.getKey() + " " + CompactFormat.format(percentile.getValue() * 1e3, "") + " ms");
            marker.setLabelPaint(style.text());
            // Labels on two rows: a tail close to the median must not print over it.
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2 + 14 * mark, 4, 2, 4));
            plot.addDomainMarker(marker);
            mark++;
        }
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        int beyond = requests - Math.min(shown, requests);
        Charts.subtitle(chart, String.format(Locale.ROOT, "%,d simulated requests at %s requests/s per replica%s", requests,
                new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(requestsPerSecond),
                beyond > 0 ? String.format(Locale.ROOT, " · the slowest %,d (up to %s ms) beyond the bars", beyond,
                        CompactFormat.format(sortedSeconds[requests - 1] * 1e3, "")) : ""));
        style.apply(chart);
        return chart;
    }
}
