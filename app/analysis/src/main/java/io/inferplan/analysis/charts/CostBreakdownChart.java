package io.inferplan.analysis.charts;

import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One GPU-hour's cost two ways, as two stacked bars of the same length: what it is made of (rent, or
 * depreciation, capital, power, hosting and operations) and what it buys at the fleet's average load (serving
 * time, and headroom kept idle for the peak). A rented fleet's first bar is rent alone; the second still says
 * how much of that rent pays for idle capacity.
 */
public final class CostBreakdownChart {
    static final String BY_ITEM = "Made of";
    static final String BY_USE = "Buys";
    private static final java.awt.Color LABEL_ON_BAR = new java.awt.Color(0xfcfcfc);
    /** A mid grey that holds a light label in both themes (the muted text colour is light in the dark theme). */
    private static final java.awt.Color IDLE = new java.awt.Color(0x6b7385);

    private CostBreakdownChart() {
    }

    /**
     * @param usdPerGpuHourByItem       item name to USD per GPU-hour, in display order; zero items are left out
     * @param averageUtilizationPercent the fleet's average load over its capacity (0 to 100)
     */
    /** The chart of a result's GPU-hour: its parts and the fleet's average load. */
    public static JFreeChart build(io.inferplan.engine.scenario.ScenarioResult result, ChartStyle style) {
        return build(parts(result.gpuHourCost()), result.capacity().averageUtilizationPercent(), style);
    }

    /** A GPU-hour's parts in the order the chart stacks them. */
    static Map<String, Double> parts(io.inferplan.engine.economics.GpuHourCost cost) {
        Map<String, Double> items = new LinkedHashMap<>();
        items.put("Rent", cost.rentUsd());
        items.put("Depreciation", cost.depreciationUsd());
        items.put("Capital", cost.capitalUsd());
        items.put("Power", cost.powerUsd());
        items.put("Hosting", cost.hostingUsd());
        items.put("Operations", cost.operationsUsd());
        return items;
    }

    public static JFreeChart build(Map<String, Double> usdPerGpuHourByItem, double averageUtilizationPercent, ChartStyle style) {
        Map<String, Double> shown = new LinkedHashMap<>();
        usdPerGpuHourByItem.forEach((item, usd) -> {
            if (usd != null && Double.isFinite(usd) && usd > 0) {
                shown.put(item, usd);
            }
        });
        double total = shown.values().stream().mapToDouble(Double::doubleValue).sum();
        double busyShare = Double.isFinite(averageUtilizationPercent) ? Math.max(0, Math.min(100, averageUtilizationPercent)) / 100 : 0;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        shown.forEach((item, usd) -> {
            data.addValue(usd, item, BY_ITEM);
            data.addValue(null, item, BY_USE);
        });
        String busy = "Serving (avg load " + Math.round(busyShare * 100) + "%)";
        String idle = "Idle headroom";
        data.addValue(null, busy, BY_ITEM);
        data.addValue(total * busyShare, busy, BY_USE);
        data.addValue(null, idle, BY_ITEM);
        data.addValue(total * (1 - busyShare), idle, BY_USE);

        DecimalFormat usd = new DecimalFormat("$#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setMaximumBarWidth(0.32);
        renderer.setDefaultItemLabelGenerator(new SegmentLabels(usd, total));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}: {2} per GPU-hour", usd));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null),
                Charts.axis("USD per GPU-hour", new DecimalFormat("$#,##0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))),
                renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.getRangeAxis().setUpperMargin(0.04);
        JFreeChart chart = new JFreeChart("Cost per GPU-hour", plot);
        Charts.subtitle(chart, "total " + usd.format(total) + " per GPU-hour; "
                + usd.format(total * (1 - busyShare)) + " of it pays for capacity kept for the peak");
        style.apply(chart);
        // After the theme, which resets series paints: the use bar in its own two colours, after the items'.
        int items = shown.size();
        renderer.setSeriesPaint(items, style.seriesColor(items));
        renderer.setSeriesPaint(items + 1, IDLE);
        // Not Color.WHITE: FXGraphics2D skips setting a colour equal to the last one it set, but the canvas's
        // restore after each draw resets the real fill to black, so a chart whose last colour was white drew
        // its white background black on every redraw after the first.
        renderer.setDefaultItemLabelPaint(LABEL_ON_BAR);
        renderer.setDefaultItemLabelFont(new java.awt.Font(ChartStyle.FONT_FAMILY, java.awt.Font.BOLD, 11));
        return chart;
    }

    /** "Rent $2.99" inside a segment wide enough to hold it; a thin segment leaves the figure to its tooltip. */
    private record SegmentLabels(DecimalFormat usd, double total) implements ItemLabels {
        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            if (value == null || total <= 0 || value.doubleValue() < 0.18 * total) {
                return null;
            }
            String name = dataset.getRowKey(row).toString();
            int paren = name.indexOf(" (");
            return (paren > 0 ? name.substring(0, paren) : name) + " " + usd.format(value.doubleValue());
        }
    }
}
