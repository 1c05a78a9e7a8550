package io.inferplan.analysis.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Cost per million output and input tokens of each compared scenario, side by side. */
public final class ScenarioCostChart {
    /** One scenario's two bars. */
    public record Bar(String scenario, double usdPerMillionOutputTokens, double usdPerMillionInputTokens) {
    }

    private ScenarioCostChart() {
    }

    public static JFreeChart build(List<Bar> bars, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            // Output first, as on the dashboard's cost chart: one colour means one thing on every page.
            data.addValue(Charts.finite(bar.usdPerMillionOutputTokens()), "Output", bar.scenario());
            data.addValue(Charts.finite(bar.usdPerMillionInputTokens()), "Input", bar.scenario());
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultToolTipGenerator(Charts.perMillionTokensToolTips());
        CategoryAxis categories = new CategoryAxis(null);
        categories.setMaximumCategoryLabelLines(2);
        JFreeChart chart = new JFreeChart("Cost per million tokens by scenario",
                new CategoryPlot(data, categories, Charts.axis("USD per million tokens", CompactFormat.usd()), renderer));
        style.apply(chart);
        return chart;
    }
}
