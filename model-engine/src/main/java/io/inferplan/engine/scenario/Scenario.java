package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.FixedCost;
import io.inferplan.engine.economics.PricingPlan;
import io.inferplan.engine.economics.ProjectionSettings;
import java.util.List;

/**
 * One what-if: a workload, where it runs, what the hardware costs, what customers pay, and how it moves over time.
 * Immutable and validated on construction; read and written as JSON by {@link ScenarioJson}; names of models and
 * accelerators are resolved by {@link ScenarioResolver}; evaluated by {@link ScenarioEvaluator}.
 *
 * @param schemaVersion      format version of the file ({@value #SCHEMA_VERSION})
 * @param description        a sentence on what the scenario shows
 * @param sources            where its prices and figures come from (price pages, datasheets, with dates)
 * @param fixedMonthlyCosts  staff, licences and other costs that do not move with volume (may be empty)
 * @param projection         month-by-month settings (optional: 36 months, nothing changing)
 * @param routes             the traffic split over models and deployments (optional: none, i.e. one implicit route,
 *                           the top-level deployment); with routes, {@code deployment} is the unrouted baseline that
 *                           commands not reading routes use
 * @param routerCostUsdPerMillionRequests what routing a request costs (the classifier or router model), only with routes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(int schemaVersion, String name, String description, List<String> sources, Workload workload,
                       DeploymentPlan deployment, CostModel cost, PricingPlan pricing, List<FixedCost> fixedMonthlyCosts,
                       ProjectionSettings projection,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Route> routes,
                       Double routerCostUsdPerMillionRequests) {

    public static final int SCHEMA_VERSION = 1;

    public Scenario {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new InvalidInputException("schemaVersion", schemaVersion > SCHEMA_VERSION
                    ? "this InferPlan reads scenario version " + SCHEMA_VERSION + "; the file is version " + schemaVersion
                    + " (written by a newer InferPlan?)"
                    : "must be " + SCHEMA_VERSION + ", was " + schemaVersion);
        }
        name = text("name", name);
        description = description == null ? "" : description.strip();
        sources = sources == null ? List.of() : List.copyOf(sources);
        present("workload", workload);
        present("deployment", deployment);
        present("cost", cost);
        present("pricing", pricing);
        fixedMonthlyCosts = fixedMonthlyCosts == null ? List.of() : List.copyOf(fixedMonthlyCosts);
        projection = projection == null ? ProjectionSettings.flat() : projection;
        routes = routes == null ? List.of() : List.copyOf(routes);
        RouteChecks.check(routes, routerCostUsdPerMillionRequests);
    }

    public boolean hasRoutes() {
        return !routes.isEmpty();
    }

    /** Router cost per request in US dollars (0 without routes or without a router cost). */
    public double routerCostUsdPerRequest() {
        return routerCostUsdPerMillionRequests == null ? 0 : routerCostUsdPerMillionRequests / 1e6;
    }

    public Scenario withRoutes(List<Route> newRoutes, Double newRouterCostUsdPerMillionRequests) {
        return new Scenario(schemaVersion, name, description, sources, workload, deployment, cost, pricing,
                fixedMonthlyCosts, projection, newRoutes, newRouterCostUsdPerMillionRequests);
    }

    public double fixedCostsUsdPerMonth() {
        return fixedMonthlyCosts.stream().mapToDouble(FixedCost::usdPerMonth).sum();
    }

    public Scenario withName(String newName) {
        return new Scenario(schemaVersion, newName, description, sources, workload, deployment, cost, pricing,
                fixedMonthlyCosts, projection, routes, routerCostUsdPerMillionRequests);
    }

    public Scenario withWorkload(Workload newWorkload) {
        return new Scenario(schemaVersion, name, description, sources, newWorkload, deployment, cost, pricing,
                fixedMonthlyCosts, projection, routes, routerCostUsdPerMillionRequests);
    }

    public Scenario withDeployment(DeploymentPlan newDeployment) {
        return new Scenario(schemaVersion, name, description, sources, workload, newDeployment, cost, pricing,
                fixedMonthlyCosts, projection, routes, routerCostUsdPerMillionRequests);
    }

    public Scenario withCost(CostModel newCost) {
        return new Scenario(schemaVersion, name, description, sources, workload, deployment, newCost, pricing,
                fixedMonthlyCosts, projection, routes, routerCostUsdPerMillionRequests);
    }

    public Scenario withPricing(PricingPlan newPricing) {
        return new Scenario(schemaVersion, name, description, sources, workload, deployment, cost, newPricing,
                fixedMonthlyCosts, projection, routes, routerCostUsdPerMillionRequests);
    }

    public Scenario withFixedMonthlyCosts(List<FixedCost> newFixedCosts) {
        return new Scenario(schemaVersion, name, description, sources, workload, deployment, cost, pricing,
                newFixedCosts, projection, routes, routerCostUsdPerMillionRequests);
    }

    public Scenario withProjection(ProjectionSettings newProjection) {
        return new Scenario(schemaVersion, name, description, sources, workload, deployment, cost, pricing,
                fixedMonthlyCosts, newProjection, routes, routerCostUsdPerMillionRequests);
    }
}
