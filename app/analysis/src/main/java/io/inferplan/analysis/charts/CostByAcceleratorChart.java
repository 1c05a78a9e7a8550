package io.inferplan.analysis.charts;

import io.inferplan.analysis.AcceleratorCost;
import io.inferplan.analysis.AcceleratorCostCoverage;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Cost per million input and output tokens of this workload on each part that can serve it, each at its best
 * configuration (named beside its output bar). Parts without a price are listed as rows without bars, "no price:
 * set one", so that a missing price is never mistaken for a part that cannot serve the model.
 */
public final class CostByAcceleratorChart {
    /** Unpriced parts listed by name; more are counted in the subtitle. */
    static final int UNPRICED_LISTED = 3;

    private CostByAcceleratorChart() {
    }

    public static JFreeChart build(List<AcceleratorCost> rows, AcceleratorCostCoverage coverage, List<String> unpriced, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        java.util.Map<String, String> configurations = new java.util.HashMap<>();
        for (AcceleratorCost row : rows) {
            // The star leads: a long name is cut at its end, and the mark must stay visible.
            String label = row.chosen() ? "★ " + shortName(row.accelerator()) : shortName(row.accelerator());
            data.addValue(Charts.finite(row.usdPerMillionOutputTokens()), "Output", label);
            data.addValue(Charts.finite(row.usdPerMillionInputTokens()), "Input", label);
            configurations.put(label, row.configuration());
        }
        for (String part : unpriced.subList(0, Math.min(UNPRICED_LISTED, unpriced.size()))) {
            String label = "no price: " + shortName(part);
            data.addValue(null, "Output", label);
            data.addValue(null, "Input", label);
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultToolTipGenerator(Charts.perMillionTokensToolTips());
        // Output cost is what procurement compares: label those bars with their value.
        renderer.setSeriesItemLabelGenerator(0, new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                Charts.money("$#,##0.00")));
        // The configuration goes beside the (shorter) input bar, where there is room for it.
        renderer.setSeriesItemLabelGenerator(1, new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return dataset.getValue(row, column) == null ? null : configurations.get(dataset.getColumnKey(column).toString());
            }
        });
        renderer.setSeriesItemLabelsVisible(1, true);
        renderer.setSeriesItemLabelFont(1, new java.awt.Font(ChartStyle.FONT_FAMILY, java.awt.Font.PLAIN, 9));
        renderer.setSeriesPositiveItemLabelPosition(1, new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setSeriesPositiveItemLabelPosition(0, new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, categories, Charts.axis("USD per million tokens", CompactFormat.usd()), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        // Room to the right of the longest bar for its label.
        plot.getRangeAxis().setUpperMargin(0.3);
        JFreeChart chart = new JFreeChart("Cost per M tokens by accelerator", plot);
        Charts.subtitle(chart, subtitle(coverage, Math.min(UNPRICED_LISTED, unpriced.size())));
        style.apply(chart);
        return chart;
    }

    /** The product without the vendor's name, which every label would otherwise spend its width on. */
    static String shortName(String name) {
        return io.inferplan.analysis.PartNames.withoutVendor(name);
    }

    /** One basis for every bar, said once, and what is left out. */
    static String subtitle(AcceleratorCostCoverage coverage, int unpricedListed) {
        StringBuilder text = new StringBuilder("steady state, each part at its best layout · ★ this scenario");
        java.util.List<String> left = new java.util.ArrayList<>();
        if (coverage.dearerLeftOut() > 0) {
            left.add(coverage.dearerLeftOut() + " dearer (from " + Charts.money("$#,##0.00").format(coverage.dearerFromUsd()) + ")");
        }
        if (coverage.unpriced() > unpricedListed) {
            left.add((coverage.unpriced() - unpricedListed) + (unpricedListed > 0 ? " more" : "") + " without a price (Catalog page)");
        }
        if (coverage.notFitting() > 0) {
            left.add(coverage.notFitting() + " too small");
        }
        if (!left.isEmpty()) {
            text.append("\nnot shown: ").append(String.join(", ", left));
        }
        return text.toString();
    }
}
