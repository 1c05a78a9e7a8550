package io.inferplan.engine.scenario;

import io.inferplan.engine.EngineInfo;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.BreakEven;
import io.inferplan.engine.economics.PriceAdjustments;
import io.inferplan.engine.economics.PricingTier;
import io.inferplan.engine.economics.RequestTokens;
import io.inferplan.engine.economics.TierEconomics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a scenario with routes: each route (and each cascade's escalation) as the plain scenario it stands for
 * ({@link RouteScenarios}) through the {@link ScenarioEvaluator}, so fleets, costs, latencies and error bands come
 * from the same physics; then the whole service. Revenue is the scenario's tiers billing every route's tokens (volume
 * brackets on the tier's whole volume, as a customer is billed regardless of route); cost is the routes' fleets plus
 * the router.
 */
public final class RoutedEvaluator {
    private final ScenarioResolver resolver;
    private final ScenarioEvaluator evaluator;

    public RoutedEvaluator(ScenarioResolver resolver, ScenarioEvaluator evaluator) {
        this.resolver = resolver;
        this.evaluator = evaluator;
    }

    /** A route's evaluation before the revenue, which needs every route's volume. */
    private record Part(Route route, Scenario scenario, ScenarioResult primary, Scenario escalationScenario,
                        ScenarioResult escalation) {
        RequestTokens tokens() {
            return scenario.workload().requestTokens();
        }

        double escalationShare() {
            return escalation == null ? 0 : route.escalation().share();
        }

        double servingCostUsdPerMonth() {
            return primary.totals().servingCostUsdPerMonth()
                    + (escalation == null ? 0 : escalation.totals().servingCostUsdPerMonth());
        }

        /** What generating a route request's tokens costs: the small model's decode plus the escalated share's. */
        double outputCostPerRequestUsd() {
            return outputCost(primary, tokens()) + escalationShare() * (escalation == null ? 0
                    : outputCost(escalation, escalationScenario.workload().requestTokens()));
        }

        double costPerRequestUsd() {
            return primary.tokenCosts().costPerRequestUsd()
                    + escalationShare() * (escalation == null ? 0 : escalation.tokenCosts().costPerRequestUsd());
        }

        private static double outputCost(ScenarioResult result, RequestTokens tokens) {
            return result.tokenCosts().costPerMillionOutputTokensUsd() * tokens.generatedTokens() / 1e6;
        }
    }

    /**
     * @throws InvalidInputException naming the route's field (e.g. {@code routes[1].deployment.accelerator})
     * @throws IllegalArgumentException when the scenario has no routes
     */
    public RoutedResult evaluate(Scenario scenario) {
        if (!scenario.hasRoutes()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " has no routes");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < scenario.routes().size(); i++) {
            parts.add(part(scenario, i));
        }
        double requestsPerMonth = scenario.workload().averageRps() * BreakEven.SECONDS_PER_MONTH;
        double routerCost = requestsPerMonth * scenario.routerCostUsdPerRequest();
        double[] routeRevenue = new double[parts.size()];
        List<RoutedResult.TierMargin> tiers = tierMargins(scenario, parts, routeRevenue, routerCost);
        double servingCost = parts.stream().mapToDouble(Part::servingCostUsdPerMonth).sum();

        List<RouteResult> routes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            routes.add(routeResult(parts.get(i), routeRevenue[i], routerCost, servingCost));
        }
        return new RoutedResult(scenario.name(), scenario.description(), EngineInfo.version(),
                scenario.routerCostUsdPerMillionRequests() == null ? 0 : scenario.routerCostUsdPerMillionRequests(),
                totals(scenario, parts, routes, requestsPerMonth, routerCost), tiers, routes, notes(parts));
    }

    private Part part(Scenario scenario, int index) {
        Route route = scenario.routes().get(index);
        String path = "routes[" + index + "]";
        Scenario primaryScenario = RouteScenarios.route(scenario, index);
        ScenarioResult primary = evaluate(primaryScenario, path);
        if (route.escalation() == null || route.escalation().share() == 0) {
            return new Part(route, primaryScenario, primary, null, null);
        }
        Scenario escalationScenario = RouteScenarios.escalation(scenario, index);
        return new Part(route, primaryScenario, primary, escalationScenario,
                evaluate(escalationScenario, path + ".escalation.to"));
    }

    private ScenarioResult evaluate(Scenario derived, String path) {
        try {
            return evaluator.evaluate(resolver.resolve(derived));
        } catch (InvalidInputException e) {
            // The derived scenario names its own deployment; in the file it is the route's.
            boolean routeField = e.field().startsWith("deployment") || e.field().startsWith("cost");
            throw routeField ? e.under(path) : e.withField(e.field() + " (" + path + ")");
        }
    }

    /** Each tier's revenue over every route's tokens, and the share of it each route brings ({@code routeRevenue}). */
    private static List<RoutedResult.TierMargin> tierMargins(Scenario scenario, List<Part> parts, double[] routeRevenue,
                                                            double routerCost) {
        boolean billReasoning = scenario.pricing().billReasoningTokensAsOutput();
        double totalCost = routerCost + parts.stream().mapToDouble(Part::servingCostUsdPerMonth).sum();
        List<RoutedResult.TierMargin> tiers = new ArrayList<>();
        List<PricingTier> pricing = scenario.pricing().tiers();
        for (int j = 0; j < pricing.size(); j++) {
            PricingTier tier = pricing.get(j);
            double billedMillionTokens = 0;
            for (Part part : parts) {
                billedMillionTokens += part.primary().tiers().get(j).requestsPerMonth() * part.tokens().billedTokens(billReasoning) / 1e6;
            }
            double collected = PriceAdjustments.collectedShareOfList(tier, billedMillionTokens);
            double revenue = 0;
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                double requests = part.primary().tiers().get(j).requestsPerMonth();
                double routeTierRevenue = requests * TierEconomics.listRevenuePerRequestUsd(tier, part.tokens(), billReasoning) * collected;
                routeRevenue[i] += routeTierRevenue;
                revenue += routeTierRevenue;
            }
            double cost = totalCost * tier.trafficShare();
            tiers.add(new RoutedResult.TierMargin(tier.name(), tier.trafficShare(), revenue, cost, revenue - cost,
                    percentOf(revenue - cost, revenue)));
        }
        return tiers;
    }

    private static RouteResult routeResult(Part part, double revenue, double routerCost, double allRoutesServingCost) {
        Route route = part.route();
        ScenarioResult p = part.primary();
        RequestTokens tokens = part.tokens();
        double servingCost = part.servingCostUsdPerMonth();
        double routerShare = routerCost * route.trafficShare();
        double margin = revenue - servingCost - routerShare;
        double ttft = p.replica().timeToFirstTokenSeconds();
        double tpot = p.replica().timePerOutputTokenSeconds();
        double inputCostPerM = p.tokenCosts().costPerMillionInputTokensUsd();
        double outputCostPerM = p.tokenCosts().costPerMillionOutputTokensUsd();
        double errorBand = p.replica().expectedErrorPercent();
        int gpus = p.capacity().gpusRequired();
        RouteResult.EscalationResult escalation = null;
        if (part.escalation() != null) {
            ScenarioResult e = part.escalation();
            double share = part.escalationShare();
            // An escalated request waits for the small model's whole answer before the large one starts.
            double escalatedTtft = ttft + tpot * tokens.generatedTokens() + e.replica().timeToFirstTokenSeconds();
            escalation = new RouteResult.EscalationResult(share, e.model(), e.accelerator(), e.capacity().gpusRequired(),
                    e.totals().servingCostUsdPerMonth(), e.replica().timeToFirstTokenSeconds(),
                    e.replica().timePerOutputTokenSeconds(), escalatedTtft, e);
            ttft = (1 - share) * ttft + share * escalatedTtft;
            tpot = (1 - share) * tpot + share * e.replica().timePerOutputTokenSeconds();
            double chargedInput = tokens.uncachedInputTokens() + io.inferplan.engine.economics.TokenCosts.CACHED_INPUT_COST_FACTOR
                    * tokens.cachedInputTokens();
            double outputCost = part.outputCostPerRequestUsd();
            inputCostPerM = chargedInput > 0 ? (part.costPerRequestUsd() - outputCost) / chargedInput * 1e6 : 0;
            outputCostPerM = tokens.generatedTokens() > 0 ? outputCost / tokens.generatedTokens() * 1e6 : 0;
            errorBand = Math.max(errorBand, e.replica().expectedErrorPercent());
            gpus += e.capacity().gpusRequired();
        }
        return new RouteResult(route.name(), route.trafficShare(), p.model(), p.accelerator(), gpus, servingCost, routerShare,
                revenue, margin, percentOf(margin, revenue), inputCostPerM, outputCostPerM, ttft, tpot,
                allRoutesServingCost > 0 ? 100 * servingCost / allRoutesServingCost : 0, errorBand, escalation, p);
    }

    private static RoutedResult.Totals totals(Scenario scenario, List<Part> parts, List<RouteResult> routes,
                                              double requestsPerMonth, double routerCost) {
        int gpus = routes.stream().mapToInt(RouteResult::gpus).sum();
        double tokensPerMonth = parts.stream().mapToDouble(p -> p.primary().totals().tokensPerMonth()).sum();
        double revenue = routes.stream().mapToDouble(RouteResult::revenueUsdPerMonth).sum();
        double servingCost = routes.stream().mapToDouble(RouteResult::servingCostUsdPerMonth).sum();
        double totalCost = servingCost + routerCost;
        double margin = revenue - totalCost;
        double fixed = scenario.fixedCostsUsdPerMonth();
        // Blended by traffic: each route's per-token cost weighted by the tokens of that kind its share of requests has.
        double outputWeight = 0;
        double outputCost = 0;
        double inputWeight = 0;
        double inputCost = 0;
        for (int i = 0; i < parts.size(); i++) {
            RequestTokens tokens = parts.get(i).tokens();
            double share = parts.get(i).route().trafficShare();
            outputWeight += share * tokens.generatedTokens();
            outputCost += share * tokens.generatedTokens() * routes.get(i).costPerMillionOutputTokensUsd();
            inputWeight += share * tokens.uncachedInputTokens();
            inputCost += share * tokens.uncachedInputTokens() * routes.get(i).costPerMillionInputTokensUsd();
        }
        double ttft = routes.stream().mapToDouble(r -> r.trafficShare() * r.timeToFirstTokenSeconds()).sum();
        double tpot = routes.stream().mapToDouble(r -> r.trafficShare() * r.timePerOutputTokenSeconds()).sum();
        return new RoutedResult.Totals(gpus, requestsPerMonth, tokensPerMonth, revenue, servingCost, routerCost, totalCost,
                margin, percentOf(margin, revenue), fixed, margin - fixed, inputWeight > 0 ? inputCost / inputWeight : 0,
                outputWeight > 0 ? outputCost / outputWeight : 0, tokensPerMonth > 0 ? totalCost / tokensPerMonth * 1e6 : 0,
                ttft, tpot);
    }

    private static List<String> notes(List<Part> parts) {
        Set<String> notes = new LinkedHashSet<>();
        for (Part part : parts) {
            part.primary().notes().forEach(n -> notes.add(part.route().name() + ": " + n));
            if (part.escalation() != null) {
                part.escalation().notes().forEach(n -> notes.add(part.route().name() + " escalation: " + n));
            }
        }
        return new ArrayList<>(notes);
    }

    private static Double percentOf(double part, double whole) {
        return whole > 0 ? 100 * part / whole : null;
    }
}
