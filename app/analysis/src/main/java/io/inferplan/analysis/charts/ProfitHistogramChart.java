package io.inferplan.analysis.charts;

import java.awt.BasicStroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/** How month-1 operating profit spreads over the draws, with zero and the median marked. */
public final class ProfitHistogramChart {
    /** Enough bins to see the shape of 10,000 draws, few enough that each holds a readable share. */
    static final int BINS = 40;

    private ProfitHistogramChart() {
    }

    public static JFreeChart build(double[] profitUsdPerMonth, double medianUsd, ChartStyle style) {
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.RELATIVE_FREQUENCY);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (double v : profitUsdPerMonth) {
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
        }
        if (!(highest > lowest)) {
            // Every draw the same: one bar a little wide, not a zero-width bin JFreeChart cannot draw.
            double pad = Math.max(1, Math.abs(lowest) * 0.01);
            lowest -= pad;
            highest += pad;
        }
        data.addSeries("Draws", profitUsdPerMonth, BINS, lowest, highest);
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        XYPlot plot = new XYPlot(data, Charts.axis("Operating profit in month 1, USD per month", CompactFormat.usd()),
                Charts.axis("Share of draws", java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT)), renderer);
        JFreeChart chart = new JFreeChart("Operating profit over the draws", plot);
        chart.removeLegend();
        Charts.subtitle(chart, String.format(java.util.Locale.ROOT, "%,d draws; solid line: break-even (0), dashed: median",
                profitUsdPerMonth.length));
        style.apply(chart);
        plot.addDomainMarker(new ValueMarker(0, style.text(), new BasicStroke(1.5f)));
        plot.addDomainMarker(new ValueMarker(medianUsd, style.muted(), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{5f, 4f}, 0f)));
        return chart;
    }
}
