package io.inferplan.report.content;

import io.inferplan.analysis.RouteRows;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.CostByRouteChart;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.report.document.Block;
import io.inferplan.report.document.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario with routes: the whole routed service in words, each route's row (as the dashboard's route card has
 * it) and the route chart. Comes right after the summary, because the key figures and charts after it are the
 * unrouted baseline's (all traffic on the top-level deployment) and a reader must know that first.
 */
final class RouteSection {
    static final String ROUTES = "Routes";

    private RouteSection() {
    }

    /** "With its 2 routes the service runs on 92 GPUs at $1.63 per million output tokens; …". */
    static String sentence(RoutedResult routed) {
        RoutedResult.Totals t = routed.totals();
        String margin = t.grossMarginPercent() == null ? "no revenue"
                : String.format(Locale.ROOT, "%.1f%% gross margin (%s per month)", t.grossMarginPercent(), Formats.usd(t.grossMarginUsdPerMonth()));
        return "With its " + routed.routes().size() + " routes the service runs on " + t.gpusTotal() + " GPUs at "
                + Formats.usd(t.costPerMillionOutputTokensUsd()) + " per million output tokens (blended "
                + Formats.usd(t.costPerMillionTokensBlendedUsd()) + " per million tokens, router included) and earns " + margin
                + "; operating profit " + Formats.usd(t.operatingProfitUsdPerMonth()) + " per month.";
    }

    static Section of(RoutedResult routed, String heading) {
        // The whole service's sentence leads the summary just before this section.
        List<Block> blocks = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (RouteRows row : RouteRows.of(routed)) {
            rows.add(List.of(row.route(), row.runsOn(), row.cost(), row.margin(), row.perToken(), row.latency()));
        }
        blocks.add(new Block.Table(List.of("Route", "Runs on", "Cost", "Margin", "Output", "TTFT · TPOT"), rows,
                List.of(0.13, 0.31, 0.17, 0.15, 0.12, 0.12), List.of(false, false, true, true, true, true)));
        blocks.add(ReportCharts.chart(CostByRouteChart.of(routed, ChartStyle.light()), ReportCharts.WIDE));
        blocks.add(Block.Paragraph.note("Each route is evaluated as its own deployment at its share of the requests (steady state). "
                + "The key figures and charts that follow are the unrouted baseline: all traffic on the top-level deployment."));
        return new Section(heading, blocks);
    }
}
