package io.inferplan.cli.bench;

import io.inferplan.cli.OptimizeCommand;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.SearchOptions;
import io.inferplan.engine.optimize.SearchResult;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the configuration search's speed (a harness, not a timed test; tools/benchmark-optimize.sh): for each
 * sample, the whole-catalog search (every part; those without a price at a nominal $2 per GPU-hour, so the timing
 * covers all of them), repeated, with configurations searched per second. Without the frontier first (what
 * {@code inferplan optimize} runs), then with it.
 */
public final class OptimizeSpeed {
    private static final Path SAMPLES = Path.of("samples/src/main/resources/io/inferplan/samples");

    private OptimizeSpeed() {
    }

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String prefix = args.length > 1 ? args[1] : "";
        AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
        Map<String, Double> nominal = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            nominal.put(entry.id(), 2.0);
        }
        ScenarioResolver resolver = new ScenarioResolver(catalog.resolver());
        List<Path> files;
        try (var list = Files.list(SAMPLES)) {
            files = list.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.getFileName().toString().equals("index.json"))
                    .sorted().toList();
        }
        ConfigurationSearch search = ConfigurationSearch.standard();
        System.out.printf(Locale.ROOT, "%d processors; %d parts%n", Runtime.getRuntime().availableProcessors(), catalog.entries().size());
        for (Path file : files) {
            ResolvedScenario resolved = resolver.resolve(ScenarioJson.read(Files.readString(file)));
            Map<String, Double> prices = new LinkedHashMap<>(nominal);
            prices.remove(resolved.deployment().accelerator().id());
            var parts = io.inferplan.cli.search.CatalogCandidates.parts(catalog, resolved, prices, null, null);
            for (boolean frontier : new boolean[] {false, true}) {
                for (int i = 0; i < repeats; i++) {
                    SearchResult result = search.search(resolved, parts.candidates(), SearchOptions.defaults().withFrontier(frontier), null);
                    double seconds = result.elapsedNanos() / 1e9;
                    System.out.printf(Locale.ROOT, "%-28s %s %d parts: %,6d configurations (%,d pruned, %,d infeasible) in %6.3f s, %,8.0f configurations/s; best %s $%.3f/M out%n",
                            file.getFileName(), frontier ? "+frontier" : "         ", parts.candidates().size(), result.searched(), result.pruned(),
                            result.infeasible(), seconds, result.searched() / seconds,
                            result.best() == null ? "none" : result.best().describe(), result.best() == null ? 0 : result.best().costPerMillionOutputTokensUsd());
                }
            }
        }
    }
}
