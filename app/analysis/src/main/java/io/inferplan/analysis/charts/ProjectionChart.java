package io.inferplan.analysis.charts;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Revenue, cost and gross profit month by month over the projection horizon. */
public final class ProjectionChart {
    public record Month(int month, double revenueUsd, double costUsd, double grossProfitUsd) {
    }

    private ProjectionChart() {
    }

    public static JFreeChart build(List<Month> months, Integer breakEvenMonth, ChartStyle style) {
        XYSeries revenue = new XYSeries("Revenue");
        XYSeries cost = new XYSeries("Cost");
        XYSeries profit = new XYSeries("Gross profit");
        for (Month m : months) {
            revenue.add(m.month(), Charts.finite(m.revenueUsd()));
            cost.add(m.month(), Charts.finite(m.costUsd()));
            profit.add(m.month(), Charts.finite(m.grossProfitUsd()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(revenue);
        data.addSeries(cost);
        data.addSeries(profit);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}, month {1}: {2}",
                new java.text.DecimalFormat("0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)), CompactFormat.usd()));
        NumberAxis monthsAxis = Charts.axis("Month", new java.text.DecimalFormat("0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        monthsAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        monthsAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, monthsAxis, Charts.axis("USD per month", CompactFormat.usd()), renderer);
        plot.addRangeMarker(new ValueMarker(0, style.muted(), new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart("Projection", plot);
        Charts.subtitle(chart, breakEvenMonth == null ? "no cumulative break-even within the horizon"
                : "cumulative break-even in month " + breakEvenMonth);
        style.apply(chart);
        return chart;
    }
}
