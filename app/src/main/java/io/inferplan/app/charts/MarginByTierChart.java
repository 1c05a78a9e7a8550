package io.inferplan.app.charts;

import java.awt.Paint;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Gross margin of each pricing tier: what is left of its revenue after the serving cost it causes. */
public final class MarginByTierChart {
    public record Row(String tier, double revenueUsdPerMonth, double costUsdPerMonth, double grossMarginShare) {
    }

    private MarginByTierChart() {
    }

    public static JFreeChart build(List<Row> rows, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row row : rows) {
            data.addValue(Charts.finite(row.grossMarginShare() * 100), "Gross margin", row.tier());
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int series, int column) {
                Number value = getPlot().getDataset().getValue(series, column);
                return value != null && value.doubleValue() < 0 ? style.seriesColor(3) : style.seriesColor(2);
            }
        };
        renderer.setMaximumBarWidth(0.18);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%", new DecimalFormat("0.0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: gross margin {2}%", new DecimalFormat("0.0")));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.axis("Gross margin (%)", new DecimalFormat("0'%'")), renderer);
        plot.getRangeAxis().setUpperMargin(0.12);
        plot.addRangeMarker(new ValueMarker(0, style.muted(), new java.awt.BasicStroke(1f)));
        JFreeChart chart = new JFreeChart("Gross margin by tier", plot);
        chart.removeLegend();
        style.apply(chart);
        renderer.setDefaultItemLabelPaint(style.text());
        return chart;
    }
}
