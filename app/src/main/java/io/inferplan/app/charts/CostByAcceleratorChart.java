package io.inferplan.app.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Cost per million input and output tokens of this workload on each accelerator that can serve it. */
public final class CostByAcceleratorChart {
    /** One accelerator's figures; {@code chosen} marks the scenario's own hardware. */
    public record Row(String accelerator, double usdPerMillionInputTokens, double usdPerMillionOutputTokens, boolean chosen) {
    }

    private CostByAcceleratorChart() {
    }

    public static JFreeChart build(List<Row> rows, int notFitting, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row row : rows) {
            String label = row.chosen() ? row.accelerator() + " ★" : row.accelerator();
            data.addValue(Charts.finite(row.usdPerMillionOutputTokens()), "Output", label);
            data.addValue(Charts.finite(row.usdPerMillionInputTokens()), "Input", label);
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1} · {0}: ${2} per million tokens",
                new java.text.DecimalFormat("#,##0.000")));
        CategoryPlot plot = new CategoryPlot(data, categories, Charts.axis("USD per million tokens", CompactFormat.usd()), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart("Cost per M tokens by accelerator", plot);
        Charts.subtitle(chart, notFitting > 0 ? "★ this scenario · " + notFitting + " more do not fit this model" : "★ this scenario");
        style.apply(chart);
        return chart;
    }
}
