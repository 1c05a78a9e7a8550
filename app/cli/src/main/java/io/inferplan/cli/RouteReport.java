package io.inferplan.cli;

import static io.inferplan.cli.ScenarioReport.f;
import static io.inferplan.cli.ScenarioReport.num;
import static io.inferplan.cli.ScenarioReport.pct;
import static io.inferplan.cli.ScenarioReport.usd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.RouteResult;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.PrintWriter;

/** The routes of a scenario for the command line: a "Routes" table under the summary, and their JSON keys. */
final class RouteReport {
    private RouteReport() {
    }

    private static final String ROW = "  %-14s %6s %-22s %-16s %5s %11s %11s %11s %8s %9s %8s %8s %6s";

    static void table(RoutedResult r, PrintWriter out) {
        out.println();
        out.println("Routes (the figures above are the unrouted baseline: all traffic on the top-level deployment)");
        out.println(f(ROW, "route", "share", "model", "accelerator", "GPUs", "cost/mo", "revenue/mo", "margin/mo", "margin",
                "$/M out", "TTFT s", "TPOT ms", "cost"));
        for (RouteResult route : r.routes()) {
            out.println(f(ROW, clip(route.name(), 14), pct(100 * route.trafficShare()), clip(route.model(), 22),
                    clip(route.accelerator(), 16), Integer.toString(route.gpus()), usd(route.costUsdPerMonth()),
                    usd(route.revenueUsdPerMonth()), usd(route.grossMarginUsdPerMonth()), margin(route.grossMarginPercent()),
                    f("%.3f", route.costPerMillionOutputTokensUsd()), f("%.2f", route.timeToFirstTokenSeconds()),
                    f("%.1f", route.timePerOutputTokenSeconds() * 1000), pct(route.shareOfCostPercent())));
            var e = route.escalation();
            if (e != null) {
                out.println(f("  %-14s escalates %s to %s on %s: %d GPUs, %s/mo; an escalated request's first token after %s s",
                        "", pct(100 * e.share()), e.model(), e.accelerator(), e.gpus(), usd(e.servingCostUsdPerMonth()),
                        f("%.2f", e.escalatedTimeToFirstTokenSeconds())));
            }
        }
        var t = r.totals();
        out.println(f(ROW, "Total", "100%", "", "", Integer.toString(t.gpusTotal()), usd(t.totalCostUsdPerMonth()),
                usd(t.revenueUsdPerMonth()), usd(t.grossMarginUsdPerMonth()), margin(t.grossMarginPercent()),
                f("%.3f", t.costPerMillionOutputTokensUsd()), f("%.2f", t.meanTimeToFirstTokenSeconds()),
                f("%.1f", t.meanTimePerOutputTokenSeconds() * 1000), ""));
        out.println();
        out.println(f("%-16s %s", "Routed", f("%d GPUs; serving %s + router %s = %s a month; cost / M tokens input %s, output %s, blended %s",
                t.gpusTotal(), usd(t.servingCostUsdPerMonth()), usd(t.routerCostUsdPerMonth()), usd(t.totalCostUsdPerMonth()),
                usd(t.costPerMillionInputTokensUsd()), usd(t.costPerMillionOutputTokensUsd()), usd(t.costPerMillionTokensBlendedUsd()))));
        out.println(f("%-16s %s", "", f("%s tokens a month; fixed costs %s; operating profit %s", num(t.tokensPerMonth()),
                usd(t.fixedCostsUsdPerMonth()), usd(t.operatingProfitUsdPerMonth()))));
        for (var tier : r.tiers()) {
            out.println(f("%-16s %s", "", f("tier %s (%s): revenue %s, cost %s, margin %s (%s)", tier.name(),
                    pct(100 * tier.trafficShare()), usd(tier.revenueUsdPerMonth()), usd(tier.costUsdPerMonth()),
                    usd(tier.grossMarginUsdPerMonth()), margin(tier.grossMarginPercent()))));
        }
        for (String note : r.notes()) {
            out.println(f("%-16s %s", "Route note", note));
        }
        out.flush();
    }

    /** The baseline result's JSON with the routed figures beside it: {@code routing} (the whole service) and {@code routes}. */
    static ObjectNode json(ScenarioResult baseline, RoutedResult routed) {
        var mapper = JsonSupport.mapper();
        ObjectNode root = mapper.valueToTree(baseline);
        ObjectNode routing = root.putObject("routing");
        routing.put("routerCostUsdPerMillionRequests", routed.routerCostUsdPerMillionRequests());
        routing.set("totals", mapper.valueToTree(routed.totals()));
        routing.set("tiers", mapper.valueToTree(routed.tiers()));
        routing.set("notes", mapper.valueToTree(routed.notes()));
        root.set("routes", mapper.valueToTree(routed.routes()));
        return root;
    }

    private static String margin(Double percent) {
        return percent == null ? "-" : pct(percent);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
