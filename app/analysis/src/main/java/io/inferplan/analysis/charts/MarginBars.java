package io.inferplan.analysis.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Revenue, cost and gross margin per month of each group (a pricing tier, a route) and of their total, with each
 * margin bar labelled by its share of revenue: the tier chart and the route chart draw alike, in the same colours.
 * In dollars rather than percent, so a group without revenue shows as the loss it is and the groups add up.
 */
final class MarginBars {
    static final String REVENUE = "Revenue";
    static final String MARGIN = "Gross margin";

    /** One group of bars. */
    record Group(String label, double revenueUsdPerMonth, double costUsdPerMonth) {
    }

    private MarginBars() {
    }

    /**
     * @param costSeries the cost bars' name in the legend
     * @param costFirst  whether the cost bar comes before the revenue bar (the route chart leads with what it costs)
     */
    static JFreeChart build(String title, List<Group> groups, String costSeries, boolean costFirst, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double revenue = 0;
        double cost = 0;
        for (Group group : groups) {
            add(data, group.label(), group.revenueUsdPerMonth(), group.costUsdPerMonth(), costSeries, costFirst);
            revenue += group.revenueUsdPerMonth();
            cost += group.costUsdPerMonth();
        }
        if (groups.size() > 1) {
            add(data, "Total", revenue, cost, costSeries, costFirst);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.09);
        renderer.setSeriesPaint(costFirst ? 1 : 0, style.seriesColor(0));
        renderer.setSeriesPaint(costFirst ? 0 : 1, style.seriesColor(1));
        renderer.setSeriesPaint(2, style.seriesColor(2));
        renderer.setSeriesItemLabelGenerator(2, new MarginPercentLabel());
        renderer.setSeriesItemLabelsVisible(2, true);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {0} {2} per month", CompactFormat.usd()));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.axis("USD per month", CompactFormat.usd()), renderer);
        plot.getRangeAxis().setUpperMargin(0.15);
        plot.getRangeAxis().setLowerMargin(0.1);
        plot.addRangeMarker(new ValueMarker(0, style.muted(), new java.awt.BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(title, plot);
        style.apply(chart);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        renderer.setDefaultItemLabelPaint(style.text());
        return chart;
    }

    private static void add(DefaultCategoryDataset data, String group, double revenueUsd, double costUsd, String costSeries,
                            boolean costFirst) {
        if (costFirst) {
            data.addValue(Charts.finite(costUsd), costSeries, group);
            data.addValue(Charts.finite(revenueUsd), REVENUE, group);
        } else {
            data.addValue(Charts.finite(revenueUsd), REVENUE, group);
            data.addValue(Charts.finite(costUsd), costSeries, group);
        }
        data.addValue(Charts.finite(revenueUsd - costUsd), MARGIN, group);
    }

    /** Labels the margin bar with the margin as a share of revenue, or says there is none. */
    private static final class MarginPercentLabel implements ItemLabels {
        private static final DecimalFormat PERCENT = new DecimalFormat("0.0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT));

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number revenue = dataset.getValue(REVENUE, dataset.getColumnKey(column));
            Number margin = dataset.getValue(row, column);
            if (revenue == null || margin == null) {
                return null;
            }
            return revenue.doubleValue() <= 0 ? "no revenue" : PERCENT.format(margin.doubleValue() / revenue.doubleValue() * 100);
        }
    }
}
