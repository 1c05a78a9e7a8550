package io.inferplan.engine.scenario;

import java.util.List;

/**
 * A scenario with routes, evaluated: every route on its own deployment and the whole service. Money in US dollars per
 * month (730 hours). Serialised as JSON for {@code inferplan evaluate --json}.
 *
 * @param routerCostUsdPerMillionRequests as the scenario gives it (0 when absent)
 * @param totals                          the whole service
 * @param tiers                           each pricing tier's revenue, cost and margin over all routes
 * @param routes                          per route, in the file's order
 */
public record RoutedResult(String scenarioName, String description, String engineVersion,
                           double routerCostUsdPerMillionRequests, Totals totals, List<TierMargin> tiers,
                           List<RouteResult> routes, List<String> notes) {
    public RoutedResult {
        tiers = List.copyOf(tiers);
        routes = List.copyOf(routes);
        notes = List.copyOf(notes);
    }

    /**
     * @param servingCostUsdPerMonth         all routes' fleets
     * @param totalCostUsdPerMonth           fleets plus router
     * @param grossMarginUsdPerMonth         revenue - total cost
     * @param grossMarginPercent             over revenue; null without revenue
     * @param operatingProfitUsdPerMonth     gross margin - fixed monthly costs
     * @param costPerMillionInputTokensUsd   routes' input cost over their uncached input tokens, blended by traffic
     * @param costPerMillionOutputTokensUsd  routes' generated-token cost over their generated tokens, blended by traffic
     * @param costPerMillionTokensBlendedUsd total cost (router included) over all tokens
     * @param meanTimeToFirstTokenSeconds    over all requests: each route's mean weighted by its traffic share
     * @param meanTimePerOutputTokenSeconds  likewise
     */
    public record Totals(int gpusTotal, double requestsPerMonth, double tokensPerMonth, double revenueUsdPerMonth,
                         double servingCostUsdPerMonth, double routerCostUsdPerMonth, double totalCostUsdPerMonth,
                         double grossMarginUsdPerMonth, Double grossMarginPercent, double fixedCostsUsdPerMonth,
                         double operatingProfitUsdPerMonth, double costPerMillionInputTokensUsd,
                         double costPerMillionOutputTokensUsd, double costPerMillionTokensBlendedUsd,
                         double meanTimeToFirstTokenSeconds, double meanTimePerOutputTokenSeconds) {
    }

    /** A pricing tier over all routes: its requests are spread over the routes in their traffic shares. */
    public record TierMargin(String name, double trafficShare, double revenueUsdPerMonth, double costUsdPerMonth,
                             double grossMarginUsdPerMonth, Double grossMarginPercent) {
    }

    public RouteResult route(String name) {
        return routes.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no route " + name));
    }
}
