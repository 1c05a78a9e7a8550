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
 * configuration (named under the part's name). Parts without a price are listed as rows without bars, "no price:
 * set one", so that a missing price is never mistaken for a part that cannot serve the model.
 */
public final class CostByAcceleratorChart {
    /** Unpriced parts listed by name; more are counted in the subtitle. */
    static final int UNPRICED_LISTED = 2;
    /** Priced parts drawn; dearer ones are counted in the subtitle. */
    static final int PRICED_ROWS = 6;

    private CostByAcceleratorChart() {
    }

    public static JFreeChart build(List<AcceleratorCost> rows, AcceleratorCostCoverage coverage, List<String> unpriced, ChartStyle style) {
        List<AcceleratorCost> shown = shownRows(rows);
        AcceleratorCostCoverage left = withDropped(coverage, rows, shown);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        java.util.Map<String, String> configurations = new java.util.HashMap<>();
        for (AcceleratorCost row : shown) {
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
        CategoryAxis categories = new ConfigurationAxis(configurations, style);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultToolTipGenerator(Charts.perMillionTokensToolTips());
        // Output cost is what procurement compares: label those bars with their value.
        renderer.setSeriesItemLabelGenerator(0, new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                Charts.money("$#,##0.00")));
        renderer.setSeriesItemLabelsVisible(0, true);
        renderer.setSeriesPositiveItemLabelPosition(0, new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, categories, Charts.axis("USD per million tokens", CompactFormat.usd()), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        // Room to the right of the longest bar for its label.
        plot.getRangeAxis().setUpperMargin(0.2);
        JFreeChart chart = new JFreeChart("Cost per M tokens by accelerator", plot);
        Charts.subtitle(chart, subtitle(left, Math.min(UNPRICED_LISTED, unpriced.size())));
        style.apply(chart);
        return chart;
    }

    /**
     * The cheapest rows that a 300-pixel card can show with their configurations readable, the scenario's own part
     * always among them.
     */
    static List<AcceleratorCost> shownRows(List<AcceleratorCost> rows) {
        if (rows.size() <= PRICED_ROWS) {
            return rows;
        }
        List<AcceleratorCost> shown = new java.util.ArrayList<>(rows.subList(0, PRICED_ROWS));
        rows.stream().skip(PRICED_ROWS).filter(AcceleratorCost::chosen).findFirst().ifPresent(chosen -> shown.set(PRICED_ROWS - 1, chosen));
        return List.copyOf(shown);
    }

    private static AcceleratorCostCoverage withDropped(AcceleratorCostCoverage coverage, List<AcceleratorCost> rows, List<AcceleratorCost> shown) {
        List<AcceleratorCost> dropped = rows.stream().filter(r -> !shown.contains(r)).toList();
        if (dropped.isEmpty()) {
            return coverage;
        }
        double from = dropped.stream().mapToDouble(AcceleratorCost::usdPerMillionOutputTokens).min().orElse(0);
        if (coverage.dearerLeftOut() > 0) {
            from = Math.min(from, coverage.dearerFromUsd());
        }
        return new AcceleratorCostCoverage(coverage.notFitting(), coverage.unpriced(), coverage.dearerLeftOut() + dropped.size(), from);
    }

    /** Each part's name with its best configuration under it, smaller and muted. */
    static final class ConfigurationAxis extends CategoryAxis {
        private final java.util.Map<String, String> configurations;
        private final transient ChartStyle style;

        ConfigurationAxis(java.util.Map<String, String> configurations, ChartStyle style) {
            super(null);
            this.configurations = java.util.Map.copyOf(configurations);
            this.style = style;
        }

        @Override
        protected org.jfree.chart.text.TextBlock createLabel(Comparable category, float width, org.jfree.chart.ui.RectangleEdge edge,
                                                             java.awt.Graphics2D g2) {
            org.jfree.chart.text.TextBlock block = super.createLabel(category, width, edge, g2);
            String configuration = configurations.get(category.toString());
            if (configuration != null) {
                block.addLine(configuration, new java.awt.Font(ChartStyle.FONT_FAMILY, java.awt.Font.PLAIN, 9), style.muted());
            }
            block.setLineAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
            return block;
        }

        /** The configuration named under a part (tests). */
        String configurationOf(String category) {
            return configurations.get(category);
        }
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
