package io.inferplan.analysis.charts;

import java.text.DecimalFormat;
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
 * Revenue, serving cost and gross margin of each pricing tier per month, and their total. In dollars rather than
 * percent, so a free tier (no revenue, real cost) shows as the loss it is and the tiers add up to the total.
 */
public final class MarginByTierChart {
    /** One tier; {@code grossMarginShare} is null when the tier brings no revenue. */
    public record Row(String tier, double revenueUsdPerMonth, double costUsdPerMonth, Double grossMarginShare) {
    }

    private static final String REVENUE = "Revenue";
    private static final String COST = "Serving cost";
    private static final String MARGIN = "Gross margin";

    private MarginByTierChart() {
    }

    public static JFreeChart build(List<Row> rows, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double revenue = 0;
        double cost = 0;
        for (Row row : rows) {
            add(data, row.tier(), row.revenueUsdPerMonth(), row.costUsdPerMonth());
            revenue += row.revenueUsdPerMonth();
            cost += row.costUsdPerMonth();
        }
        if (rows.size() > 1) {
            add(data, "Total", revenue, cost);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.09);
        renderer.setSeriesPaint(0, style.seriesColor(0));
        renderer.setSeriesPaint(1, style.seriesColor(1));
        renderer.setSeriesPaint(2, style.seriesColor(2));
        renderer.setSeriesItemLabelGenerator(2, new MarginPercentLabel());
        renderer.setSeriesItemLabelsVisible(2, true);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {0} {2} per month", CompactFormat.usd()));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.axis("USD per month", CompactFormat.usd()), renderer);
        plot.getRangeAxis().setUpperMargin(0.15);
        plot.getRangeAxis().setLowerMargin(0.1);
        plot.addRangeMarker(new ValueMarker(0, style.muted(), new java.awt.BasicStroke(1f)));
        JFreeChart chart = new JFreeChart("Gross margin by tier", plot);
        style.apply(chart);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        renderer.setDefaultItemLabelPaint(style.text());
        return chart;
    }

    private static void add(DefaultCategoryDataset data, String tier, double revenueUsd, double costUsd) {
        data.addValue(Charts.finite(revenueUsd), REVENUE, tier);
        data.addValue(Charts.finite(costUsd), COST, tier);
        data.addValue(Charts.finite(revenueUsd - costUsd), MARGIN, tier);
    }

    /** Labels the margin bar with the margin as a share of revenue, or says there is none. */
    private static final class MarginPercentLabel implements CategoryItemLabelGenerator {
        private static final DecimalFormat PERCENT = new java.text.DecimalFormat("0.0'%'", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number revenue = dataset.getValue(REVENUE, dataset.getColumnKey(column));
            Number margin = dataset.getValue(row, column);
            if (revenue == null || margin == null) {
                return null;
            }
            if (revenue.doubleValue() <= 0) {
                return "no revenue";
            }
            return PERCENT.format(margin.doubleValue() / revenue.doubleValue() * 100);
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString().toLowerCase(Locale.ROOT);
        }
    }
}
