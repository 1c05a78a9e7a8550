package io.inferplan.analysis.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Revenue, serving cost and gross margin of each pricing tier per month, and their total. In dollars rather than
 * percent, so a free tier (no revenue, real cost) shows as the loss it is and the tiers add up to the total.
 */
public final class MarginByTierChart {
    /** One tier; {@code grossMarginShare} is null when the tier brings no revenue. */
    public record Row(String tier, double revenueUsdPerMonth, double costUsdPerMonth, Double grossMarginShare) {
    }

    private static final String COST = "Serving cost";

    private MarginByTierChart() {
    }

    public static JFreeChart build(List<Row> rows, ChartStyle style) {
        return MarginBars.build("Gross margin by tier", rows.stream()
                .map(r -> new MarginBars.Group(r.tier(), r.revenueUsdPerMonth(), r.costUsdPerMonth())).toList(), COST, false, style);
    }
}
