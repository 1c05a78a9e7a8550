package io.inferplan.analysis.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Cost, revenue and gross margin of each route of a routed scenario per month, and their total. In dollars, so a
 * small route carrying most requests for little money and a frontier route costing most of the fleet read at a
 * glance, and the routes add up to the total (the router's cost is in each route's, by its share of the traffic).
 */
public final class CostByRouteChart {
    /**
     * One route.
     *
     * @param label             the route's name and share, as the axis shows it ("small 85%")
     * @param costUsdPerMonth   its fleets and its share of the router
     */
    public record Row(String label, double costUsdPerMonth, double revenueUsdPerMonth) {
    }

    static final String COST = "Cost";

    private CostByRouteChart() {
    }

    /** The chart of a routed scenario's result: one group per route, labelled as its table row is. */
    public static JFreeChart of(io.inferplan.engine.scenario.RoutedResult routed, ChartStyle style) {
        return build(routed.routes().stream().map(r -> new Row(io.inferplan.analysis.RouteRows.label(r), r.costUsdPerMonth(),
                r.revenueUsdPerMonth())).toList(), style);
    }

    public static JFreeChart build(List<Row> rows, ChartStyle style) {
        // The tier chart's colours for cost, revenue and margin, so the two cards read alike.
        return MarginBars.build("Cost and margin by route", rows.stream()
                .map(r -> new MarginBars.Group(r.label(), r.revenueUsdPerMonth(), r.costUsdPerMonth())).toList(), COST, true, style);
    }
}
