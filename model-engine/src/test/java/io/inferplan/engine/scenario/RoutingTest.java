package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes: each as its own deployment at its share of the rate, and the whole service as their sum plus the router. */
class RoutingTest {
    private final ScenarioEvaluator evaluator = new ScenarioEvaluator(Fixtures.STUB);
    private final RoutedEvaluator routed = new RoutedEvaluator(Fixtures.RESOLVER, evaluator);

    private static final String SMALL = """
            {"accelerator": "test-gpu", "tensorParallel": 1, "weightPrecision": "FP8"}""";
    private static final String LARGE = """
            {"accelerator": "test-gpu", "tensorParallel": 2, "weightPrecision": "FP8", "minReplicas": 2}""";
    private static final String LARGE_COST = """
            {"basis": "rent", "term": "on-demand", "usdPerGpuHour": 4.0}""";

    private static Scenario withRoutes(String routes) {
        return ScenarioJson.read(Fixtures.JSON.replace("\"fixedMonthlyCosts\"", routes + ", \"fixedMonthlyCosts\""));
    }

    /** The fixture as a plain scenario at a share of its rate (10 average, 20 peak) on a deployment and cost. */
    private static Scenario alone(double share, String deployment, String cost) {
        String json = Fixtures.JSON.replace("\"averageRequestsPerSecond\": 10", "\"averageRequestsPerSecond\": " + 10 * share)
                .replace("\"peakRequestsPerSecond\": 20", "\"peakRequestsPerSecond\": " + 20 * share)
                .replaceFirst("\"deployment\": \\{[^}]*}", "\"deployment\": " + deployment.replace("{", "{\"model\": \"Llama-3.1-8B\", "))
                .replace("{\"basis\": \"rent\", \"term\": \"on-demand\", \"usdPerGpuHour\": 2.0}", cost)
                .replace("\"fixedMonthlyCosts\": [{\"name\": \"staff\", \"usdPerMonth\": 50000}]", "\"fixedMonthlyCosts\": []");
        return ScenarioJson.read(json);
    }

    private ScenarioResult evaluate(Scenario scenario) {
        return evaluator.evaluate(Fixtures.RESOLVER.resolve(scenario));
    }

    private static final String RENT_2 = "{\"basis\": \"rent\", \"term\": \"on-demand\", \"usdPerGpuHour\": 2.0}";

    @Test
    void twoRoutesCostWhatTheTwoDeploymentsCostAloneAtTheirShareOfTheRate() {
        Scenario scenario = withRoutes("""
                "routes": [
                  {"name": "small", "trafficShare": 0.75, "model": "Llama-3.1-8B", "deployment": %s},
                  {"name": "large", "trafficShare": 0.25, "model": "Llama-3.1-70B", "deployment": %s, "cost": %s}
                ]""".formatted(SMALL, LARGE, LARGE_COST));
        RoutedResult result = routed.evaluate(scenario);
        ScenarioResult small = evaluate(alone(0.75, SMALL, RENT_2));
        ScenarioResult large = evaluate(alone(0.25, LARGE, LARGE_COST));

        var totals = result.totals();
        assertEquals(small.capacity().gpusRequired() + large.capacity().gpusRequired(), totals.gpusTotal());
        double serving = small.totals().servingCostUsdPerMonth() + large.totals().servingCostUsdPerMonth();
        assertEquals(serving, totals.servingCostUsdPerMonth(), 1e-9 * serving);
        assertEquals(serving, totals.totalCostUsdPerMonth(), 1e-9 * serving, "no router cost given");
        double revenue = small.totals().revenueUsdPerMonth() + large.totals().revenueUsdPerMonth();
        assertEquals(revenue, totals.revenueUsdPerMonth(), 1e-9 * revenue);
        // Revenue does not depend on routing: the same tokens at the same tier prices as the plain scenario.
        ScenarioResult plain = evaluate(scenario);
        assertEquals(plain.totals().revenueUsdPerMonth(), totals.revenueUsdPerMonth(), 1e-9 * revenue);
        assertEquals(revenue - serving - 50_000, totals.operatingProfitUsdPerMonth(), 1e-6);
        // Blended by traffic; both routes have the same request shape here.
        double outputBlend = 0.75 * small.tokenCosts().costPerMillionOutputTokensUsd() + 0.25 * large.tokenCosts().costPerMillionOutputTokensUsd();
        assertEquals(outputBlend, totals.costPerMillionOutputTokensUsd(), 1e-9 * outputBlend);

        RouteResult largeRoute = result.route("large");
        assertEquals(large.capacity().gpusRequired(), largeRoute.gpus());
        assertEquals(large.tokenCosts().costPerMillionOutputTokensUsd(), largeRoute.costPerMillionOutputTokensUsd());
        assertEquals(large.replica().timeToFirstTokenSeconds(), largeRoute.timeToFirstTokenSeconds());
        assertEquals(100 * large.totals().servingCostUsdPerMonth() / serving, largeRoute.shareOfCostPercent(), 1e-9);
        assertEquals(100, result.routes().stream().mapToDouble(RouteResult::shareOfCostPercent).sum(), 1e-9);
        assertEquals(totals.grossMarginUsdPerMonth(), result.routes().stream().mapToDouble(RouteResult::grossMarginUsdPerMonth).sum(), 1e-6);
        assertEquals("Llama-3.1-70B", largeRoute.model());
        assertEquals(0.75 * small.replica().timeToFirstTokenSeconds() + 0.25 * large.replica().timeToFirstTokenSeconds(),
                totals.meanTimeToFirstTokenSeconds(), 1e-12, "latency over all requests, by traffic");
    }

    @Test
    void aRouterCostIsPaidPerRequestAndSharedByTraffic() {
        Scenario scenario = withRoutes("""
                "routerCostUsdPerMillionRequests": 20,
                "routes": [
                  {"name": "small", "trafficShare": 0.75, "model": "Llama-3.1-8B", "deployment": %s},
                  {"name": "large", "trafficShare": 0.25, "model": "Llama-3.1-70B", "deployment": %s}
                ]""".formatted(SMALL, LARGE));
        var result = routed.evaluate(scenario);
        double router = 10 * 2_628_000 * 20 / 1e6;
        assertEquals(router, result.totals().routerCostUsdPerMonth(), 1e-9);
        assertEquals(result.totals().servingCostUsdPerMonth() + router, result.totals().totalCostUsdPerMonth(), 1e-9);
        assertEquals(0.25 * router, result.route("large").routerCostUsdPerMonth(), 1e-9);
        assertEquals(result.totals().revenueUsdPerMonth() - result.totals().totalCostUsdPerMonth(),
                result.tiers().getFirst().grossMarginUsdPerMonth(), 1e-6, "one tier carries everything");
    }

    @Test
    void aCascadeCostsItsSmallRouteAlonePlusTheEscalatedShareOnTheLargeModel() {
        Scenario scenario = withRoutes("""
                "routes": [
                  {"name": "cascade", "trafficShare": 1, "model": "Llama-3.1-8B", "deployment": %s,
                   "escalation": {"share": 0.25, "to": {"model": "Llama-3.1-70B", "deployment": %s, "cost": %s}}}
                ]""".formatted(SMALL, LARGE, LARGE_COST));
        RoutedResult result = routed.evaluate(scenario);
        ScenarioResult small = evaluate(alone(1, SMALL, RENT_2));
        ScenarioResult escalated = evaluate(alone(0.25, LARGE, LARGE_COST));
        RouteResult route = result.routes().getFirst();
        double both = small.totals().servingCostUsdPerMonth() + escalated.totals().servingCostUsdPerMonth();
        assertEquals(both, route.servingCostUsdPerMonth(), 1e-9 * both);
        assertTrue(route.servingCostUsdPerMonth() > small.totals().servingCostUsdPerMonth());
        assertEquals(small.capacity().gpusRequired() + escalated.capacity().gpusRequired(), route.gpus());
        assertEquals(small.totals().revenueUsdPerMonth(), route.revenueUsdPerMonth(), 1e-9 * route.revenueUsdPerMonth(),
                "an escalated request is billed once");
        // An escalated request waits for the small model's answer (500 generated tokens) and the large model's first token.
        var e = route.escalation();
        assertEquals(0.25, e.share());
        double escalatedTtft = small.replica().timeToFirstTokenSeconds() + 500 * small.replica().timePerOutputTokenSeconds()
                + escalated.replica().timeToFirstTokenSeconds();
        assertEquals(escalatedTtft, e.escalatedTimeToFirstTokenSeconds(), 1e-12);
        assertEquals(0.75 * small.replica().timeToFirstTokenSeconds() + 0.25 * escalatedTtft, route.timeToFirstTokenSeconds(), 1e-12);
        // Output cost per token: the small model's plus a quarter of the large one's (same request shape).
        assertEquals(small.tokenCosts().costPerMillionOutputTokensUsd() + 0.25 * escalated.tokenCosts().costPerMillionOutputTokensUsd(),
                route.costPerMillionOutputTokensUsd(), 1e-9);
    }

    @Test
    void aSingleRouteOfAllTheTrafficIsThePlainScenarioExactly() {
        Scenario scenario = withRoutes("""
                "routes": [{"name": "only", "trafficShare": 1, "model": "Llama-3.1-8B", "deployment": %s}]"""
                .formatted("{\"accelerator\": \"test-gpu\", \"tensorParallel\": 1, \"weightPrecision\": \"FP8\", \"plannedUtilization\": 0.8}"));
        RoutedResult result = routed.evaluate(scenario);
        ScenarioResult plain = evaluate(scenario);
        ScenarioResult route = result.routes().getFirst().result();
        assertEquals(plain.capacity(), route.capacity());
        assertEquals(plain.tokenCosts(), route.tokenCosts());
        assertEquals(plain.replica(), route.replica());
        assertEquals(plain.tiers().getFirst().revenueUsdPerMonth(), route.tiers().getFirst().revenueUsdPerMonth());
        var totals = result.totals();
        assertEquals(plain.capacity().gpusRequired(), totals.gpusTotal());
        assertEquals(plain.totals().servingCostUsdPerMonth(), totals.servingCostUsdPerMonth());
        assertEquals(plain.totals().revenueUsdPerMonth(), totals.revenueUsdPerMonth());
        assertEquals(plain.totals().grossMarginUsdPerMonth(), totals.grossMarginUsdPerMonth());
        assertEquals(plain.totals().grossMarginPercent(), totals.grossMarginPercent());
        assertEquals(plain.totals().operatingProfitUsdPerMonth(), totals.operatingProfitUsdPerMonth());
        assertEquals(plain.tokenCosts().costPerMillionOutputTokensUsd(), totals.costPerMillionOutputTokensUsd(), 1e-12);
        assertEquals(plain.tokenCosts().costPerMillionInputTokensUsd(), totals.costPerMillionInputTokensUsd(), 1e-12);
        assertEquals(plain.tiers().getFirst().grossMarginUsdPerMonth(), result.tiers().getFirst().grossMarginUsdPerMonth());
    }

    @Test
    void aScenarioWithoutRoutesReadsAndWritesAsBefore() {
        Scenario plain = ScenarioJson.read(Fixtures.JSON);
        assertTrue(plain.routes().isEmpty());
        assertFalse(plain.hasRoutes());
        assertNull(plain.routerCostUsdPerMillionRequests());
        String written = ScenarioJson.write(plain);
        assertFalse(written.contains("routes") || written.contains("router"), written);
        assertThrows(IllegalArgumentException.class, () -> routed.evaluate(plain));
    }

    @Test
    void routesWriteBackTheSameAndAPerRouteShapeOverridesTheWorkloads() {
        Scenario scenario = withRoutes("""
                "routerCostUsdPerMillionRequests": 5,
                "routes": [
                  {"name": "small", "trafficShare": 0.75, "model": "Llama-3.1-8B", "outputTokens": {"mean": 100}, "deployment": %s},
                  {"name": "large", "trafficShare": 0.25, "deployment": {"model": "Llama-3.1-70B", "accelerator": "test-gpu",
                   "weightPrecision": "FP8"}, "escalation": {"share": 0.5, "to": {"model": "Llama-3.1-70B", "deployment": %s}}}
                ]""".formatted(SMALL, LARGE));
        assertEquals(scenario, ScenarioJson.read(ScenarioJson.write(scenario)));
        assertEquals("Llama-3.1-70B", scenario.routes().get(1).model(), "the deployment's model is the route's");
        assertEquals(100, RouteScenarios.route(scenario, 0).workload().outputTokens().meanTokens());
        assertEquals(2.5, RouteScenarios.route(scenario, 1).workload().averageRps(), 1e-12);
        assertEquals(1.25, RouteScenarios.escalation(scenario, 1).workload().averageRps(), 1e-12);
        assertTrue(RouteScenarios.route(scenario, 0).fixedMonthlyCosts().isEmpty(), "fixed costs count once, in the totals");
    }

    private static InvalidInputException rejected(String routes) {
        return assertThrows(InvalidInputException.class, () -> Fixtures.RESOLVER.resolve(withRoutes(routes)));
    }

    private static String route(String name, double share) {
        return "{\"name\": \"" + name + "\", \"trafficShare\": " + share + ", \"model\": \"Llama-3.1-8B\", \"deployment\": " + SMALL + "}";
    }

    @Test
    void sharesThatDoNotSumToOneAreRejectedNamingTheField() {
        var sum = rejected("\"routes\": [" + route("a", 0.6) + ", " + route("b", 0.3) + "]");
        assertEquals("routes", sum.field());
        assertTrue(sum.reason().startsWith("traffic shares sum to 0.9; they must sum to 1"), sum.reason());
        var zero = rejected("\"routes\": [" + route("a", 1) + ", " + route("b", 0) + "]");
        assertEquals("routes[1].trafficShare", zero.field());
        assertTrue(zero.reason().contains("above 0 and at most 1"), zero.reason());
        assertEquals("routes[0].trafficShare", rejected("\"routes\": [" + route("a", 1.5) + "]").field());
        // Rounding in hand-written thirds is fine.
        withRoutes("\"routes\": [" + route("a", 0.333333) + ", " + route("b", 0.333333) + ", " + route("c", 0.333334) + "]");
    }

    @Test
    void otherBadRoutesAreRejectedNamingTheField() {
        var duplicate = rejected("\"routes\": [" + route("a", 0.5) + ", " + route("A", 0.5) + "]");
        assertEquals("routes[1].name", duplicate.field());
        var escalation = rejected("""
                "routes": [{"name": "c", "trafficShare": 1, "model": "Llama-3.1-8B", "deployment": %s,
                            "escalation": {"share": 1.2, "to": {"model": "Llama-3.1-70B", "deployment": %s}}}]""".formatted(SMALL, LARGE));
        assertEquals("routes[0].escalation.share", escalation.field());
        assertTrue(escalation.reason().contains("from 0 to 1"), escalation.reason());
        var layout = rejected("""
                "routes": [{"name": "c", "trafficShare": 1, "model": "Llama-3.1-8B",
                            "deployment": {"accelerator": "test-gpu", "tensorParallel": 0, "weightPrecision": "FP8"}}]""");
        assertEquals("routes[0].deployment.tensorParallel", layout.field());
        var unknown = rejected("""
                "routes": [{"name": "c", "trafficShare": 1, "model": "Llama-3.1-8B", "deployment": %s, "sharee": 1}]""".formatted(SMALL));
        assertEquals("routes[0].sharee", unknown.field());
        var noModel = rejected("""
                "routes": [{"name": "c", "trafficShare": 1, "deployment": %s}]""".formatted(SMALL));
        assertEquals("routes[0].deployment.model", noModel.field());
        var router = assertThrows(InvalidInputException.class, () -> ScenarioJson.read(
                Fixtures.JSON.replace("\"fixedMonthlyCosts\"", "\"routerCostUsdPerMillionRequests\": 1, \"fixedMonthlyCosts\"")));
        assertEquals("routerCostUsdPerMillionRequests", router.field());
    }

    @Test
    void anUnknownAcceleratorOnARouteNamesTheRoute() {
        Scenario scenario = withRoutes("\"routes\": [" + route("a", 0.5) + ", "
                + route("b", 0.5).replace("test-gpu", "H900") + "]");
        var e = assertThrows(InvalidInputException.class, () -> routed.evaluate(scenario));
        assertEquals("routes[1].deployment.accelerator", e.field());
        assertEquals(List.of("a", "b"), scenario.routes().stream().map(Route::name).toList());
    }

    @Test
    void aRoutesTrafficShareSwingsWithTheOtherRoutesTakingUpTheDifference() {
        String json = Fixtures.JSON.replace("\"fixedMonthlyCosts\"", """
                "routes": [
                  {"name": "small", "trafficShare": 0.75, "model": "Llama-3.1-8B", "deployment": %s},
                  {"name": "large", "trafficShare": 0.25, "model": "Llama-3.1-70B", "deployment": %s, "cost": %s}
                ], "fixedMonthlyCosts\"""".formatted(SMALL, LARGE, LARGE_COST));
        Scenario scenario = ScenarioJson.read(json);
        var metric = Sensitivity.Metric.COST_PER_MILLION_OUTPUT_TOKENS;
        var result = Sensitivity.measured(json, metric, 0.9, RouteDrivers.of(scenario, 1),
                document -> metric.of(routed.evaluate(ScenarioJson.read(document))), Sensitivity.Progress.NONE);
        assertEquals(metric.of(routed.evaluate(scenario)), result.base());
        var share = result.swings().stream().filter(s -> s.driver().label().equals("Route large traffic share")).findFirst().orElseThrow();
        assertNull(share.lowProblem());
        assertNull(share.highProblem());
        // 2.5% or 47.5% on the large route (the small one takes the rest): a whole replica more or less on each.
        assertTrue(Math.abs(share.high() - share.low()) > 1e-6, share.low() + " " + share.high());
        // Only what the route sets is swung: its share, and its own GPU rate.
        assertEquals(List.of("Route large traffic share", "Route large GPU rental rate"),
                result.swings().stream().map(s -> s.driver().label()).sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(RouteDrivers.scenarioWide(scenario).stream().noneMatch(d -> d.label().equals("Planned utilisation")));
    }
}
