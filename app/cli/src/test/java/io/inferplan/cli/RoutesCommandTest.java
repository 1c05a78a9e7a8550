package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A scenario with routes through evaluate, optimize --route and sensitivity --route (issue 14). */
class RoutesCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String ROUTER = SAMPLES.resolve("consumer-assistant-router.json").toString();

    @RegisterExtension
    final PrivateDataDirectory data = new PrivateDataDirectory();

    @TempDir
    Path temp;

    @Test
    void evaluatePrintsARoutesTableAfterTheBaseline() {
        CliRun run = CliRun.of("evaluate", ROUTER);
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Routes (the figures above are the unrouted baseline"), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("small") && l.contains("Llama-3.1-8B") && l.contains("85%")), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("frontier") && l.contains("DeepSeek-V3")), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("Total")), out);
        assertTrue(out.contains("router $"), out);
        assertFalse(CliRun.of("evaluate", SAMPLES.resolve("consumer-chat-h100.json").toString()).out().contains("Routes"));
    }

    @Test
    void evaluateJsonGainsRoutesAndTheRoutedTotals() throws IOException {
        CliRun run = CliRun.of("evaluate", "--json", ROUTER);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertTrue(json.path("tokenCosts").has("costPerMillionOutputTokensUsd"), "the baseline's keys stay");
        JsonNode routes = json.path("routes");
        assertEquals(2, routes.size());
        for (JsonNode route : routes) {
            for (String key : List.of("name", "trafficShare", "model", "accelerator", "gpus", "servingCostUsdPerMonth",
                    "routerCostUsdPerMonth", "revenueUsdPerMonth", "grossMarginUsdPerMonth", "costPerMillionOutputTokensUsd",
                    "costPerMillionInputTokensUsd", "timeToFirstTokenSeconds", "timePerOutputTokenSeconds", "shareOfCostPercent",
                    "errorBandPercent")) {
                assertTrue(route.has(key), "missing " + key + " in " + route);
            }
            assertFalse(route.has("result"), "the route's full evaluation stays out of the JSON");
        }
        assertEquals("small", routes.get(0).path("name").asText());
        assertEquals(0.85, routes.get(0).path("trafficShare").asDouble());
        JsonNode totals = json.path("routing").path("totals");
        assertEquals(routes.get(0).path("gpus").asInt() + routes.get(1).path("gpus").asInt(), totals.path("gpusTotal").asInt());
        double cost = routes.get(0).path("servingCostUsdPerMonth").asDouble() + routes.get(1).path("servingCostUsdPerMonth").asDouble()
                + totals.path("routerCostUsdPerMonth").asDouble();
        assertEquals(cost, totals.path("totalCostUsdPerMonth").asDouble(), 1e-6 * cost);
        assertEquals(2, json.path("routing").path("tiers").size());
        assertEquals(2.0, json.path("routing").path("routerCostUsdPerMillionRequests").asDouble());
        assertFalse(JsonSupport.mapper().readTree(CliRun.of("evaluate", "--json", SAMPLES.resolve("consumer-chat-h100.json")
                .toString()).out()).has("routes"), "a scenario without routes prints as before");
    }

    @Test
    void optimizeRouteSearchesThatRoutesDeploymentAtItsShare() throws IOException {
        JsonNode evaluated = JsonSupport.mapper().readTree(CliRun.of("evaluate", "--json", ROUTER).out());
        double ownCost = evaluated.path("routes").get(0).path("costPerMillionOutputTokensUsd").asDouble();
        CliRun run = CliRun.of("optimize", "--json", "--top", "5", "--route", "small", ROUTER);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertEquals("small", json.path("route").asText());
        assertEquals(85, json.path("routeAverageRequestsPerSecond").asDouble(), 1e-9);
        JsonNode best = json.path("configurations").get(0);
        assertTrue(best.path("meetsLatencyTargets").asBoolean(), best.toString());
        assertTrue(best.path("costPerMillionOutputTokensUsd").asDouble() <= ownCost * (1 + 1e-5),
                best + " costs more than the route's own " + ownCost);
        // The whole service with the best on this route: the other route and the router as they were, so no dearer.
        JsonNode now = json.path("wholeServiceNow");
        JsonNode withBest = json.path("wholeServiceWithBest");
        assertEquals(evaluated.path("routing").path("totals").path("totalCostUsdPerMonth").asDouble(),
                now.path("totalCostUsdPerMonth").asDouble(), 1e-6);
        assertTrue(withBest.path("totalCostUsdPerMonth").asDouble() <= now.path("totalCostUsdPerMonth").asDouble() * (1 + 1e-9),
                withBest + " vs " + now);
        assertEquals(now.path("routerCostUsdPerMonth").asDouble(), withBest.path("routerCostUsdPerMonth").asDouble(), 1e-9);

        CliRun text = CliRun.of("optimize", "--top", "3", "--route", "FRONTIER", ROUTER);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Route frontier: 15.0 requests/s on average of DeepSeek-V3"), text.out());
        assertTrue(text.out().contains("With #1 on route frontier, the whole service: "), text.out());

        CliRun unknown = CliRun.of("optimize", "--route", "tiny", ROUTER);
        assertEquals(ExitCodes.INPUT_ERROR, unknown.exitCode());
        assertTrue(unknown.err().contains("--route: no route named 'tiny'; routes: small, frontier"), unknown.err());
    }

    @Test
    void sensitivityRouteSwingsTheRoutesShareAndInputs() throws IOException {
        CliRun run = CliRun.of("sensitivity", "--json", "--route", "frontier", "--result", "cost", ROUTER);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        JsonNode evaluated = JsonSupport.mapper().readTree(CliRun.of("evaluate", "--json", ROUTER).out());
        assertEquals(evaluated.path("routing").path("totals").path("costPerMillionOutputTokensUsd").asDouble(),
                json.path("base").asDouble(), 1e-9);
        JsonNode share = null;
        for (JsonNode swing : json.path("swings")) {
            if (swing.path("input").asText().equals("Route frontier traffic share")) {
                share = swing;
            }
        }
        assertTrue(share != null, json.toString());
        assertFalse(share.path("whenLower").isNull(), share.toString());
        assertFalse(share.path("whenHigher").isNull(), share.toString());
        assertTrue(share.path("whenHigher").asDouble() > share.path("whenLower").asDouble(),
                "more traffic on the frontier model costs more per output token: " + share);
    }

    @Test
    void sharesThatDoNotSumToOneAreAOneLineErrorNamingTheField() throws IOException {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(ROUTER)).replace("\"trafficShare\": 0.15", "\"trafficShare\": 0.05"));
        CliRun run = CliRun.of("evaluate", bad.toString());
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains("bad.json: routes: traffic shares sum to 0.9; they must sum to 1"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
