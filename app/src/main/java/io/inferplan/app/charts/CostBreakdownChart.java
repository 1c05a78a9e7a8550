package io.inferplan.app.charts;

import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Where one GPU-hour's cost goes: rent, or depreciation, capital, power, hosting and operations. */
public final class CostBreakdownChart {
    private CostBreakdownChart() {
    }

    /** @param usdPerGpuHourByItem item name to USD per GPU-hour, in display order; zero items are left out */
    public static JFreeChart build(Map<String, Double> usdPerGpuHourByItem, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Double> shown = new LinkedHashMap<>();
        usdPerGpuHourByItem.forEach((item, usd) -> {
            if (usd != null && Double.isFinite(usd) && usd > 0) {
                shown.put(item, usd);
            }
        });
        shown.forEach((item, usd) -> data.addValue(usd, "USD per GPU-hour", item));
        BarRenderer renderer = new BarRenderer();
        renderer.setMaximumBarWidth(0.16);
        DecimalFormat usd = new java.text.DecimalFormat("$#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", usd));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {2} per GPU-hour", usd));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.axis("USD per GPU-hour", new java.text.DecimalFormat("$#,##0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.getRangeAxis().setUpperMargin(0.15);
        double total = shown.values().stream().mapToDouble(Double::doubleValue).sum();
        JFreeChart chart = new JFreeChart("Cost per GPU-hour", plot);
        chart.removeLegend();
        Charts.subtitle(chart, "total " + usd.format(total) + " per GPU-hour");
        style.apply(chart);
        renderer.setDefaultItemLabelPaint(style.text());
        return chart;
    }
}
