package io.inferplan.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.RouteResult;
import io.inferplan.engine.scenario.RoutedEvaluator;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled sample reads, resolves against the bundled catalog and evaluates to sensible numbers. */
class SamplesTest {
    private static final AcceleratorCatalog CATALOG = AcceleratorCatalog.bundled();
    private static final ScenarioResolver RESOLVER = new ScenarioResolver(AcceleratorResolver.of(
            name -> CATALOG.find(name).map(CatalogEntry::toSpec), CATALOG.entries().stream().map(CatalogEntry::id).toList()));
    private static final ScenarioEvaluator EVALUATOR = ScenarioEvaluator.standard();

    static List<SampleScenarios.Sample> samples() {
        return SampleScenarios.all();
    }

    @Test
    void indexListsEveryFileAndAtLeastEight() throws IOException {
        Path folder = Path.of("src/main/resources/io/inferplan/samples");
        Set<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("index.json"))
                    .collect(Collectors.toSet());
        }
        assertEquals(files, samples().stream().map(SampleScenarios.Sample::file).collect(Collectors.toSet()));
        assertTrue(files.size() >= 8, "at least 8 samples");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsWithSourcesAndResolves(SampleScenarios.Sample sample) {
        Scenario scenario = ScenarioJson.read(SampleScenarios.json(sample));
        assertFalse(scenario.sources().isEmpty(), "a sample names its sources");
        assertFalse(scenario.description().isBlank(), "a sample says what it shows");
        assertEquals(scenario, ScenarioJson.read(ScenarioJson.write(scenario)), "writes back the same scenario");
        assertNotNull(RESOLVER.resolve(scenario).deployment().accelerator());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void evaluates(SampleScenarios.Sample sample) {
        ResolvedScenario resolved = RESOLVER.resolve(ScenarioJson.read(SampleScenarios.json(sample)));
        ScenarioResult result = EVALUATOR.evaluate(resolved);
        assertTrue(result.capacity().gpusRequired() >= 1);
        assertTrue(result.tokenCosts().costPerMillionOutputTokensUsd() > 0);
        assertTrue(Double.isFinite(result.totals().revenueUsdPerMonth()));
        assertEquals(resolved.scenario().projection().months(), result.projection().months().size());
        // Month 1 of the projection is the scenario as evaluated.
        assertEquals(result.totals().servingCostUsdPerMonth(), result.projection().months().getFirst().servingCostUsd(),
                1e-6 * result.totals().servingCostUsdPerMonth());
        if (resolved.scenario().hasRoutes()) {
            evaluatesEveryRoute(resolved.scenario());
        }
    }

    /** A sample with routes: every route on its deployment, and the whole service their sum plus the router. */
    private static void evaluatesEveryRoute(Scenario scenario) {
        RoutedResult routed = new RoutedEvaluator(RESOLVER, EVALUATOR).evaluate(scenario);
        assertEquals(scenario.routes().size(), routed.routes().size());
        for (RouteResult route : routed.routes()) {
            assertTrue(route.gpus() >= 1, route.name());
            assertTrue(route.costPerMillionOutputTokensUsd() > 0, route.name());
            assertTrue(route.timeToFirstTokenSeconds() > 0, route.name());
        }
        var totals = routed.totals();
        assertEquals(routed.routes().stream().mapToInt(RouteResult::gpus).sum(), totals.gpusTotal());
        assertEquals(routed.routes().stream().mapToDouble(RouteResult::costUsdPerMonth).sum(), totals.totalCostUsdPerMonth(),
                1e-9 * totals.totalCostUsdPerMonth());
        assertTrue(totals.routerCostUsdPerMonth() >= 0);
    }

    @Test
    void theRouterSampleCostsLessThanServingEverythingOnTheFrontierModel() {
        var sample = samples().stream().filter(s -> s.file().equals("consumer-assistant-router.json")).findFirst().orElseThrow();
        Scenario scenario = ScenarioJson.read(SampleScenarios.json(sample));
        RoutedResult routed = new RoutedEvaluator(RESOLVER, EVALUATOR).evaluate(scenario);
        ScenarioResult baseline = EVALUATOR.evaluate(RESOLVER.resolve(scenario));
        assertEquals(0.85, routed.route("small").trafficShare());
        assertEquals("DeepSeek-V3", routed.route("frontier").model());
        assertTrue(routed.totals().totalCostUsdPerMonth() < baseline.totals().servingCostUsdPerMonth(),
                routed.totals().totalCostUsdPerMonth() + " vs " + baseline.totals().servingCostUsdPerMonth());
        // The frontier route's fewer, longer requests still cost more per output token than the small model's.
        assertTrue(routed.route("frontier").costPerMillionOutputTokensUsd() > routed.route("small").costPerMillionOutputTokensUsd());
    }
}
