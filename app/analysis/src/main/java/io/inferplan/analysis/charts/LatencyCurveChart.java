package io.inferplan.analysis.charts;

import io.inferplan.engine.sim.LatencyTargets;
import io.inferplan.engine.sim.ScenarioSimulation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One latency (TTFT or TPOT) against the offered request rate per replica, from the serving simulator: its p50 and
 * p99, the target as a line, the capacity (the highest rate within the targets) marked, and the rates where the
 * replica falls behind shaded: there no percentile means anything, so none is drawn.
 */
public final class LatencyCurveChart {
    /** Which latency of the curve to draw. */
    public enum Latency {
        TTFT("Time to first token"), TPOT("Time per output token");

        private final String title;

        Latency(String title) {
            this.title = title;
        }
    }

    private LatencyCurveChart() {
    }

    public static JFreeChart build(ScenarioSimulation.LatencyCurve curve, Latency latency, ChartStyle style) {
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        double firstOverloaded = Double.NaN;
        double lastRate = 0;
        for (ScenarioSimulation.CurvePoint point : curve.points()) {
            lastRate = point.requestsPerSecond();
            if (point.overloaded()) {
                firstOverloaded = Double.isNaN(firstOverloaded) ? point.requestsPerSecond() : firstOverloaded;
                continue;
            }
            double median = latency == Latency.TTFT ? point.p50TtftSeconds() : point.p50TpotSeconds();
            double tail = latency == Latency.TTFT ? point.p99TtftSeconds() : point.p99TpotSeconds();
            if (Double.isFinite(median) && Double.isFinite(tail)) {
                p50.add(point.requestsPerSecond(), median * 1e3);
                p99.add(point.requestsPerSecond(), tail * 1e3);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(p99);
        data.addSeries(p50);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        renderer.setSeriesStroke(1, new BasicStroke(1.6f));
        DecimalFormat rateFormat = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} at {1} requests/s: {2} ms", rateFormat,
                new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        XYPlot plot = new XYPlot(data, Charts.axis("Requests per second per replica", rateFormat),
                Charts.axis(latency == Latency.TTFT ? "TTFT, ms" : "TPOT, ms", CompactFormat.plain()), renderer);
        LatencyTargets targets = curve.targets();
        double limit = latency == Latency.TTFT ? targets.maxTtftSeconds() : targets.maxTpotSeconds();
        if (limit > 0) {
            double percentile = latency == Latency.TTFT ? targets.ttftPercentile() : targets.tpotPercentile();
            ValueMarker target = new ValueMarker(limit * 1e3, style.seriesColor(3), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
            target.setLabel("target: " + LatencyTargets.label(percentile) + " ≤ " + CompactFormat.format(limit * 1e3, "") + " ms");
            target.setLabelPaint(style.text());
            target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(target);
            // The line must be on the chart even when every point sits far below it.
            plot.getRangeAxis().setAutoRange(true);
            if (plot.getRangeAxis().getUpperBound() < limit * 1e3 * 1.1) {
                plot.getRangeAxis().setUpperBound(limit * 1e3 * 1.15);
            }
        }
        if (curve.capacityRequestsPerSecond() > 0) {
            ValueMarker capacity = new ValueMarker(curve.capacityRequestsPerSecond(), style.text(), new BasicStroke(1.2f));
            capacity.setLabel("capacity " + rateFormat.format(curve.capacityRequestsPerSecond()) + "/s");
            capacity.setLabelPaint(style.text());
            capacity.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            capacity.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(capacity);
        }
        if (!Double.isNaN(firstOverloaded)) {
            Color shade = style.seriesColor(3);
            IntervalMarker overloaded = new IntervalMarker(firstOverloaded, Math.max(lastRate, firstOverloaded),
                    new Color(shade.getRed(), shade.getGreen(), shade.getBlue(), 40));
            overloaded.setLabel("falls behind");
            overloaded.setLabelPaint(style.muted());
            overloaded.setLabelAnchor(RectangleAnchor.BOTTOM);
            overloaded.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addDomainMarker(overloaded);
        }
        JFreeChart chart = new JFreeChart(latency.title, plot);
        Charts.subtitle(chart, "simulated, one replica, Poisson arrivals · " + targets.describe());
        style.apply(chart);
        return chart;
    }
}
