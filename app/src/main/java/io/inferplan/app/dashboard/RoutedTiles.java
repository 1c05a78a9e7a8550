package io.inferplan.app.dashboard;

import io.inferplan.cli.text.Formats;
import io.inferplan.engine.scenario.RouteResult;
import io.inferplan.engine.scenario.RoutedResult;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The headline figures of a scenario with routes: the whole service, every route and the router together, from the
 * steady-state evaluation of each route. The unrouted baseline (all traffic on the top-level deployment) is what a
 * plain scenario would show, and would mislead here.
 */
final class RoutedTiles {
    private RoutedTiles() {
    }

    static DashboardViewModel.Tile tileOf(DashboardViewModel.Kpi kpi, RoutedResult routed) {
        RoutedResult.Totals t = routed.totals();
        int routes = routed.routes().size();
        return switch (kpi) {
            case INPUT_COST -> tile(Formats.usd(t.costPerMillionInputTokensUsd()), "all " + routes + " routes, blended by traffic");
            case OUTPUT_COST -> tile(Formats.usd(t.costPerMillionOutputTokensUsd()),
                    "blended " + Formats.usd(t.costPerMillionTokensBlendedUsd()) + " per M, router included");
            case GPUS -> tile(Integer.toString(t.gpusTotal()), routed.routes().stream()
                    .map(r -> r.name() + " " + r.gpus()).collect(Collectors.joining(" + ")) + " (steady state)");
            case MARGIN -> {
                Double percent = t.grossMarginPercent();
                yield new DashboardViewModel.Tile(percent == null ? "no revenue" : String.format(Locale.ROOT, "%.1f%%", percent),
                        Formats.usd(t.grossMarginUsdPerMonth()) + " per month, all routes",
                        percent == null ? DashboardViewModel.Tone.NEUTRAL : percent >= 0 ? DashboardViewModel.Tone.GOOD : DashboardViewModel.Tone.BAD);
            }
            case BREAK_EVEN -> new DashboardViewModel.Tile(t.operatingProfitUsdPerMonth() >= 0 ? "profitable" : "loss-making",
                    Formats.usd(t.operatingProfitUsdPerMonth()) + " operating profit per month, all routes (no month-by-month "
                            + "projection for routes yet)",
                    t.operatingProfitUsdPerMonth() >= 0 ? DashboardViewModel.Tone.GOOD : DashboardViewModel.Tone.BAD);
            case LIMIT -> tile("by route", routed.routes().stream()
                    .map(r -> r.name() + ": " + DashboardViewModel.shortLimit(r.result().replica().bottleneck()))
                    .collect(Collectors.joining("; ")));
            case LATENCY -> tile(Formats.millis(t.meanTimeToFirstTokenSeconds()) + " · " + Formats.millis(t.meanTimePerOutputTokenSeconds()),
                    "means over all requests, routes weighted by traffic");
            case TRUST -> {
                RouteResult widest = routed.routes().stream().max(Comparator.comparingDouble(RouteResult::errorBandPercent)).orElseThrow();
                yield new DashboardViewModel.Tile("±" + Math.round(widest.errorBandPercent()) + "%", "the widest band, route "
                        + widest.name() + ": " + widest.result().replica().errorBand(),
                        widest.errorBandPercent() > DashboardViewModel.DOUBTFUL_ERROR_PERCENT ? DashboardViewModel.Tone.BAD
                                : DashboardViewModel.Tone.NEUTRAL);
            }
        };
    }

    private static DashboardViewModel.Tile tile(String value, String detail) {
        return new DashboardViewModel.Tile(value, detail, DashboardViewModel.Tone.NEUTRAL);
    }
}
