package io.inferplan.engine.scenario;

import io.inferplan.engine.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The checks on a scenario's routes as a whole (each route checks its own fields). */
final class RouteChecks {
    /** How far the traffic shares may miss 1: rounding in hand-written shares such as 0.333 + 0.333 + 0.334 is fine. */
    static final double SHARE_SUM_TOLERANCE = 1e-6;
    static final double MAX_ROUTER_COST_USD_PER_MILLION_REQUESTS = 1e6;

    private RouteChecks() {
    }

    static void check(List<Route> routes, Double routerCostUsdPerMillionRequests) {
        if (routerCostUsdPerMillionRequests != null) {
            if (routes.isEmpty()) {
                throw new InvalidInputException("routerCostUsdPerMillionRequests", "applies only to a scenario with routes; "
                        + "add routes or leave it out");
            }
            if (!(routerCostUsdPerMillionRequests >= 0 && routerCostUsdPerMillionRequests <= MAX_ROUTER_COST_USD_PER_MILLION_REQUESTS)) {
                throw new InvalidInputException("routerCostUsdPerMillionRequests", "must be a number from 0 to "
                        + (long) MAX_ROUTER_COST_USD_PER_MILLION_REQUESTS + " (USD per million requests), was "
                        + routerCostUsdPerMillionRequests);
            }
        }
        if (routes.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!names.add(route.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("routes[" + i + "].name", "'" + route.name() + "' is already the name of "
                        + "another route; route names must be unique");
            }
            sum += route.trafficShare();
        }
        if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
            throw new InvalidInputException("routes", String.format(Locale.ROOT,
                    "traffic shares sum to %s; they must sum to 1 (each route's trafficShare is a share of all requests)",
                    new java.math.BigDecimal(sum).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()));
        }
    }

    /** The route of that name (case ignored), or an error naming the known ones. */
    static int indexOf(List<Route> routes, String name, String field) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).name().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        throw new InvalidInputException(field, routes.isEmpty() ? "the scenario has no routes"
                : "no route named '" + name + "'; routes: " + String.join(", ", routes.stream().map(Route::name).toList()));
    }
}
