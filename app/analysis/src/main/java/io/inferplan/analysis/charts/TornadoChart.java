package io.inferplan.analysis.charts;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A tornado chart: for each input, how far the result moves from its current value when the input goes down
 * (one bar) and up (the other), largest swing on top. A side the scenario rejected has no bar.
 */
public final class TornadoChart {
    /** One input; the changes are relative to the unchanged scenario's result, NaN where that side has none. */
    public record Bar(String input, double changeWhenLower, double changeWhenHigher) {
    }

    private TornadoChart() {
    }

    /**
     * @param resultLabel e.g. "operating profit"
     * @param unit        e.g. "USD per month"
     * @param usd         whether the result is money (axis and tooltips in $k/$M)
     */
    public static JFreeChart build(List<Bar> bars, String resultLabel, String unit, boolean usd, double step, ChartStyle style) {
        String lower = "input −" + percent(step);
        String higher = "input +" + percent(step);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            data.addValue(finiteOrNull(bar.changeWhenLower()), lower, bar.input());
            data.addValue(finiteOrNull(bar.changeWhenHigher()), higher, bar.input());
        }
        NumberFormat format = usd ? CompactFormat.usd() : CompactFormat.plain();
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.0);
        renderer.setMaximumBarWidth(0.35);
        renderer.setSeriesPaint(0, style.seriesColor(0));
        renderer.setSeriesPaint(1, style.seriesColor(1));
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}, {0}: {2} " + (usd ? "" : unit), format));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null),
                Charts.axis("Change in " + resultLabel + " (" + unit + ")", format), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.getRangeAxis().setLowerMargin(0.08);
        plot.getRangeAxis().setUpperMargin(0.08);
        plot.addRangeMarker(new ValueMarker(0, style.muted(), new java.awt.BasicStroke(1.2f)));
        JFreeChart chart = new JFreeChart("What moves " + resultLabel + " most", plot);
        Charts.subtitle(chart, "each input alone ±" + percent(step) + ", everything else as entered");
        style.apply(chart);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
