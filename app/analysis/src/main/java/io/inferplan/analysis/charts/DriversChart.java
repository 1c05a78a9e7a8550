package io.inferplan.analysis.charts;

import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Which guesses drive the spread of operating profit: each input's rank correlation with it, strongest first (to
 * the right: more of it, more profit; to the left: more of it, less).
 */
public final class DriversChart {
    /** The strongest this many; the rest explain little and crowd the labels. */
    public static final int SHOWN = 10;

    private DriversChart() {
    }

    public static JFreeChart build(List<UncertaintyResult.Driver> drivers, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (UncertaintyResult.Driver d : drivers.subList(0, Math.min(SHOWN, drivers.size()))) {
            data.addValue(Charts.finite(d.rankCorrelation()), "Rank correlation", d.input());
        }
        CategoryAxis inputs = new CategoryAxis(null);
        inputs.setMaximumCategoryLabelWidthRatio(0.4f);
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("+0.00;-0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        // Beyond the bar's end on either side, so that a short bar's label does not sit on it.
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setDefaultNegativeItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE9, org.jfree.chart.ui.TextAnchor.CENTER_RIGHT));
        CategoryPlot plot = new CategoryPlot(data, inputs, Charts.axis("Rank correlation with operating profit",
                new java.text.DecimalFormat("+0.0;-0.0")), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getRangeAxis().setRange(-1.2, 1.2);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart("What drives the spread", plot);
        chart.removeLegend();
        Charts.subtitle(chart, "Spearman's rank correlation of each input's draws with month-1 operating profit");
        style.apply(chart);
        return chart;
    }
}
