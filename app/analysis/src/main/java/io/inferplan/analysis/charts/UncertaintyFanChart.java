package io.inferplan.analysis.charts;

import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Operating profit month by month over the draws: the p10-p90 band around the median, zero marked. */
public final class UncertaintyFanChart {
    private UncertaintyFanChart() {
    }

    /** @param cumulative true: each month's profit summed from month 1 (where break-even shows as the crossing of 0) */
    public static JFreeChart build(List<UncertaintyResult.MonthBand> months, boolean cumulative, ChartStyle style) {
        YIntervalSeries series = new YIntervalSeries("p50, with p10 to p90");
        for (UncertaintyResult.MonthBand m : months) {
            series.add(m.month(), Charts.finite(m.p50()), Charts.finite(m.p10()), Charts.finite(m.p90()));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setAlpha(0.25f);
        NumberAxis monthAxis = Charts.axis("Month", CompactFormat.plain());
        monthAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, monthAxis, Charts.axis(cumulative ? "Operating profit since month 1, USD" : "Operating profit per month, USD",
                CompactFormat.usd()), renderer);
        JFreeChart chart = new JFreeChart(cumulative ? "Cumulative operating profit" : "Operating profit per month", plot);
        Charts.subtitle(chart, "the line is the median draw; the band holds 80% of draws (p10 to p90)");
        style.apply(chart);
        renderer.setSeriesFillPaint(0, style.seriesColor(0));
        ValueMarker zero = new ValueMarker(0, style.muted(), new BasicStroke(1f));
        plot.addRangeMarker(zero);
        return chart;
    }
}
