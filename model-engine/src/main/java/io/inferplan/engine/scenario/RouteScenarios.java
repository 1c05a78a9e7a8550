package io.inferplan.engine.scenario;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.ProjectionSettings;
import java.util.List;

/**
 * The plain scenario a route (or a cascade's escalation) stands for: its deployment and GPU cost serving its share
 * of the scenario's request rate, with its own request shape where it has one. Evaluating that with the
 * {@link ScenarioEvaluator} gives the route the same physics, fleet sizing and error bands as any scenario.
 *
 * <p>Fixed monthly costs are left out of it (they are the whole service's, counted once in the totals), and so is the
 * projection's new hardware generation (it names one accelerator for the whole scenario; a route keeps its own).
 */
public final class RouteScenarios {
    private RouteScenarios() {
    }

    /**
     * The index of the route named {@code name} (case ignored).
     *
     * @throws InvalidInputException naming {@code field} and the scenario's routes when there is none of that name
     */
    public static int indexOf(Scenario scenario, String name, String field) {
        return RouteChecks.indexOf(scenario.routes(), name, field);
    }

    /** The scenario with route {@code index} on another deployment and GPU cost (e.g. a configuration search's best). */
    public static Scenario withRouteDeployment(Scenario scenario, int index, DeploymentPlan deployment,
                                               io.inferplan.engine.economics.CostModel cost) {
        List<Route> routes = new java.util.ArrayList<>(scenario.routes());
        Route r = routes.get(index);
        routes.set(index, new Route(r.name(), r.trafficShare(), deployment.model(), r.inputTokens(), r.outputTokens(),
                deployment, cost, r.escalation()));
        return scenario.withRoutes(routes, scenario.routerCostUsdPerMillionRequests());
    }

    /** The scenario of route {@code index}: its share of the requests on its deployment. */
    public static Scenario route(Scenario scenario, int index) {
        Route route = scenario.routes().get(index);
        return derive(scenario, route.trafficShare(), route.target(), "routes[" + index + "]");
    }

    /** The scenario of route {@code index}'s escalation: the escalated share of the route's requests on the larger model. */
    public static Scenario escalation(Scenario scenario, int index) {
        Route route = scenario.routes().get(index);
        if (route.escalation() == null || route.escalation().share() == 0) {
            throw new IllegalArgumentException("route " + route.name() + " escalates no requests");
        }
        return derive(scenario, route.trafficShare() * route.escalation().share(), route.escalation().to(),
                "routes[" + index + "].escalation.to");
    }

    /**
     * @param shareOfRequests share of the scenario's requests this deployment serves
     * @param path            where the target sits in the file, for errors
     */
    static Scenario derive(Scenario scenario, double shareOfRequests, RouteTarget target, String path) {
        Workload workload;
        try {
            workload = workload(scenario.workload(), shareOfRequests, target);
        } catch (InvalidInputException e) {
            throw e.under(path);
        }
        ProjectionSettings p = scenario.projection();
        ProjectionSettings projection = p.newGeneration() == null ? p : new ProjectionSettings(p.months(),
                p.demandGrowthPerMonth(), p.priceDeclinePerYear(), p.hardwareCostDeclinePerYear(),
                p.reasoningTokenGrowthPerYear(), p.contextGrowthPerYear(), p.priceElasticity(), null);
        return new Scenario(scenario.schemaVersion(), scenario.name(), scenario.description(), scenario.sources(), workload,
                target.deployment(), target.cost() != null ? target.cost() : scenario.cost(), scenario.pricing(), List.of(),
                projection, List.of(), null);
    }

    /**
     * The workload at a share of the request rate. A share of 1 without token overrides is the workload itself, so a
     * single route of all the traffic evaluates exactly as the plain scenario.
     */
    static Workload workload(Workload w, double shareOfRequests, RouteTarget target) {
        if (shareOfRequests == 1 && target.inputTokens() == null && target.outputTokens() == null) {
            return w;
        }
        // Demand is split in requests: a route serves its share of the calls, whatever their length on it.
        double average = w.averageRps() * shareOfRequests;
        Double peak = w.peakToAverageRatio() != null ? null : w.peakRps() * shareOfRequests;
        return new Workload(average, peak, null, w.peakToAverageRatio(),
                target.inputTokens() != null ? target.inputTokens() : w.inputTokens(),
                target.outputTokens() != null ? target.outputTokens() : w.outputTokens(),
                w.reasoningTokens(), w.promptCacheHitRate(), w.task(), w.latency());
    }
}
