package io.inferplan.analysis;

import io.inferplan.cli.text.Formats;
import io.inferplan.engine.scenario.RouteResult;
import io.inferplan.engine.scenario.RoutedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-route rows beside the route chart, in words ready to show: one per route and one for the whole service.
 *
 * @param route    name and traffic share ("small 85%")
 * @param runsOn   model on GPUs and accelerator, with the cascade's escalation when there is one
 * @param cost     fleets and router share per month
 * @param margin   gross margin per month and over revenue
 * @param perToken cost per million output tokens
 * @param latency  mean TTFT and TPOT over the route's requests
 */
public record RouteRows(String route, String runsOn, String cost, String margin, String perToken, String latency) {

    /** The axis label of a route in the chart and the first cell of its row. */
    public static String label(RouteResult route) {
        return route.name() + " " + Math.round(100 * route.trafficShare()) + "%";
    }

    public static List<RouteRows> of(RoutedResult routed) {
        List<RouteRows> rows = new ArrayList<>();
        for (RouteResult r : routed.routes()) {
            String runsOn = r.model() + " · " + r.gpus() + " × " + r.accelerator();
            if (r.escalation() != null) {
                runsOn += String.format(Locale.ROOT, " · escalates %d%% to %s", Math.round(100 * r.escalation().share()),
                        r.escalation().model());
            }
            rows.add(new RouteRows(label(r), runsOn, Formats.usd(r.costUsdPerMonth()) + "/mo · " + Math.round(r.shareOfCostPercent())
                    + "% of serving", margin(r.grossMarginUsdPerMonth(), r.grossMarginPercent()),
                    Formats.usd(r.costPerMillionOutputTokensUsd()) + " per M out",
                    latency(r.timeToFirstTokenSeconds(), r.timePerOutputTokenSeconds())));
        }
        var t = routed.totals();
        rows.add(new RouteRows("Total", t.gpusTotal() + " GPUs · router " + Formats.usd(t.routerCostUsdPerMonth()) + "/mo",
                Formats.usd(t.totalCostUsdPerMonth()) + "/mo", margin(t.grossMarginUsdPerMonth(), t.grossMarginPercent()),
                Formats.usd(t.costPerMillionOutputTokensUsd()) + " per M out",
                latency(t.meanTimeToFirstTokenSeconds(), t.meanTimePerOutputTokenSeconds())));
        return List.copyOf(rows);
    }

    private static String latency(double ttftSeconds, double tpotSeconds) {
        return String.format(Locale.ROOT, "%.2f s · %.0f ms", ttftSeconds, tpotSeconds * 1000);
    }

    private static String margin(double usdPerMonth, Double percent) {
        return Formats.usd(usdPerMonth) + "/mo" + (percent == null ? " · no revenue" : String.format(Locale.ROOT, " · %.0f%%", percent));
    }
}
