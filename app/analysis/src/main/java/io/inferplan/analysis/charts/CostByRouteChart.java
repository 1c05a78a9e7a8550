package io.inferplan.analysis.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Cost, revenue and gross margin of each route of a routed scenario per month, and their total. In dollars, so a
 * small route carrying most requests for little money and a frontier route costing most of the fleet read at a
 * glance, and the routes add up to the total (the router's cost is in each route's, by its share of the traffic).
 */
public final class CostByRouteChart {
    /**
     * One route.
     *
     * @param label             the route's name and share, as the axis shows it ("small 85%")
     * @param costUsdPerMonth   its fleets and its share of the router
     */
    public record Row(String label, double costUsdPerMonth, double revenueUsdPerMonth) {
    }

    static final String COST = "Cost";
    static final String REVENUE = "Revenue";
    static final String MARGIN = "Gross margin";

    private CostByRouteChart() {
    }

    public static JFreeChart build(List<Row> rows, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double cost = 0;
        double revenue = 0;
        for (Row row : rows) {
            add(data, row.label(), row.costUsdPerMonth(), row.revenueUsdPerMonth());
            cost += row.costUsdPerMonth();
            revenue += row.revenueUsdPerMonth();
        }
        if (rows.size() > 1) {
            add(data, "Total", cost, revenue);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.09);
        // The same colours as the tier chart's cost, revenue and margin, so the two cards read alike.
        renderer.setSeriesPaint(0, style.seriesColor(1));
        renderer.setSeriesPaint(1, style.seriesColor(0));
        renderer.setSeriesPaint(2, style.seriesColor(2));
        renderer.setSeriesItemLabelGenerator(2, new MarginPercentLabel());
        renderer.setSeriesItemLabelsVisible(2, true);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {0} {2} per month", CompactFormat.usd()));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.axis("USD per month", CompactFormat.usd()), renderer);
        plot.getRangeAxis().setUpperMargin(0.15);
        plot.getRangeAxis().setLowerMargin(0.1);
        plot.addRangeMarker(new ValueMarker(0, style.muted(), new java.awt.BasicStroke(1f)));
        JFreeChart chart = new JFreeChart("Cost and margin by route", plot);
        style.apply(chart);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        renderer.setDefaultItemLabelPaint(style.text());
        return chart;
    }

    private static void add(DefaultCategoryDataset data, String route, double costUsd, double revenueUsd) {
        data.addValue(Charts.finite(costUsd), COST, route);
        data.addValue(Charts.finite(revenueUsd), REVENUE, route);
        data.addValue(Charts.finite(revenueUsd - costUsd), MARGIN, route);
    }

    /** Labels the margin bar with the margin over revenue, or says the route brings none. */
    private static final class MarginPercentLabel implements CategoryItemLabelGenerator {
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

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }
    }
}
