package io.inferplan.analysis.charts;

import io.inferplan.analysis.BreakEvenCurve;

import java.awt.BasicStroke;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Monthly revenue and cost against monthly token volume; where they cross the service breaks even. With more than
 * one pricing tier, a thin dashed line per tier shows its revenue if all traffic paid its prices, and the legend
 * says where that tier alone would break even.
 */
public final class BreakEvenChart {
    /** The tier's legend entry: its name and where it alone breaks even. */
    static String tierLabel(BreakEvenCurve.TierLine tier) {
        return tier.name() + " alone: " + (tier.breakEvenMillionTokensPerMonth() == null ? "never breaks even"
                : "break-even " + CompactFormat.format(tier.breakEvenMillionTokensPerMonth(), "") + " M");
    }

    private BreakEvenChart() {
    }

    public static JFreeChart build(BreakEvenCurve curve, ChartStyle style) {
        XYSeries revenue = new XYSeries("Revenue");
        XYSeries cost = new XYSeries("Cost");
        for (int i = 0; i < curve.millionTokensPerMonth().length; i++) {
            double x = curve.millionTokensPerMonth()[i];
            revenue.add(x, Charts.finite(curve.revenueUsdPerMonth()[i]));
            cost.add(x, Charts.finite(curve.costUsdPerMonth()[i]));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(revenue);
        data.addSeries(cost);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int t = 0; t < curve.tiers().size(); t++) {
            BreakEvenCurve.TierLine tier = curve.tiers().get(t);
            XYSeries line = new XYSeries(tierLabel(tier));
            for (int i = 0; i < curve.millionTokensPerMonth().length; i++) {
                line.add(curve.millionTokensPerMonth()[i], Charts.finite(tier.revenueUsdPerMonth()[i]));
            }
            data.addSeries(line);
        }
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} at {1} M tokens/month: {2} per month",
                CompactFormat.plain(), CompactFormat.usd()));
        XYPlot plot = new XYPlot(data, Charts.axis("Volume (million tokens per month)", CompactFormat.plain()),
                Charts.axis("USD per month", CompactFormat.usd()), renderer);
        JFreeChart chart = new JFreeChart("Break-even", plot);
        if (curve.breakEvenMillionTokensPerMonth() == null) {
            // Before the theme, which gives subtitles their colour (added after, it stayed black on the dark theme).
            Charts.subtitle(chart, "revenue stays below cost over this range: no break-even");
        }
        style.apply(chart);
        if (!curve.tiers().isEmpty()) {
            // A dear tier's line would stretch the axis and flatten the blend: the axis follows the blend, the
            // tier lines run off the top.
            double top = 0;
            for (int i = 0; i < curve.millionTokensPerMonth().length; i++) {
                top = Math.max(top, Math.max(Charts.finite(curve.revenueUsdPerMonth()[i]), Charts.finite(curve.costUsdPerMonth()[i])));
            }
            if (top > 0) {
                plot.getRangeAxis().setRange(0, top * 1.15);
            }
        }
        // After the theme, which clears series paints and strokes.
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        renderer.setSeriesStroke(1, new BasicStroke(2.2f));
        for (int t = 0; t < curve.tiers().size(); t++) {
            renderer.setSeriesStroke(2 + t, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {4f, 3f}, 0f));
            // Tier colours start after the three the blend uses (revenue, cost, break-even marker).
            renderer.setSeriesPaint(2 + t, style.seriesColor(3 + t));
        }
        if (curve.breakEvenMillionTokensPerMonth() != null) {
            ValueMarker marker = new ValueMarker(curve.breakEvenMillionTokensPerMonth(), style.seriesColor(2),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            marker.setLabel("break-even " + CompactFormat.format(curve.breakEvenMillionTokensPerMonth(), "") + " M");
            marker.setLabelFont(new Font(ChartStyle.FONT_FAMILY, Font.BOLD, 11));
            marker.setLabelPaint(style.seriesColor(2));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        }
        if (curve.currentMillionTokensPerMonth() > 0) {
            ValueMarker now = new ValueMarker(curve.currentMillionTokensPerMonth(), style.muted(), new BasicStroke(1f));
            now.setLabel("this scenario");
            now.setLabelFont(new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 10));
            now.setLabelPaint(style.muted());
            now.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            now.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
            now.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(now);
        }
        return chart;
    }
}
