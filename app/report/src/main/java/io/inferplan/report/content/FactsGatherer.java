package io.inferplan.report.content;

import io.inferplan.analysis.Analysis;
import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.cli.search.CatalogCandidates;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.SearchOptions;
import io.inferplan.engine.optimize.SearchProgress;
import io.inferplan.engine.optimize.SearchResult;
import io.inferplan.engine.perf.ErrorBands;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.Sensitivity;
import io.inferplan.engine.scenario.Workload;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.uncertainty.MonteCarlo;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * Computes a scenario's {@link ScenarioFacts} the way the pages do (same analyzer, same runs), on the calling thread.
 * An optional run that fails leaves its part out of the report rather than failing the report.
 */
public final class FactsGatherer {
    /** As the Latency page: enough rates to see where the tail takes off. */
    static final int LATENCY_CURVE_POINTS = 12;
    /** Fewer draws than the page's default: the fan's percentiles are settled well before, and a report should not wait. */
    static final int UNCERTAINTY_DRAWS = 4000;
    static final long UNCERTAINTY_SEED = 20261202L;
    /** The sensitivity page's default: each input alone 20% down and up. */
    static final double SENSITIVITY_STEP = 0.2;

    private final ScenarioAnalyzer analyzer;
    private final Supplier<AcceleratorCatalog> catalog;
    private final Supplier<Map<String, Double>> ownUsdPerGpuHour;
    private final PerformanceModel performance = PerformanceModel.standard();

    /**
     * @param ownUsdPerGpuHour the user's own prices per part (the app's), empty on the command line
     */
    public FactsGatherer(ScenarioAnalyzer analyzer, Supplier<AcceleratorCatalog> catalog, Supplier<Map<String, Double>> ownUsdPerGpuHour) {
        this.analyzer = analyzer;
        this.catalog = catalog;
        this.ownUsdPerGpuHour = ownUsdPerGpuHour;
    }

    /**
     * @param progress told the share done, from 0 to 1
     * @throws InvalidInputException naming the field when the document is not a valid scenario
     */
    public ScenarioFacts gather(String json, DoubleConsumer progress) {
        Analysis first = analyzer.analyze(json);
        Analysis swept = first.withAcceleratorSweep(analyzer.acceleratorSweep(first, () -> false));
        progress.accept(0.2);
        Analysis analysis = ScenarioAnalyzer.withSizing(swept, analyzer.size(swept, SimulationProgress.NONE));
        progress.accept(0.35);
        ResolvedScenario resolved = analysis.resolved();
        CatalogEntry hardware = catalog.get().find(resolved.deployment().accelerator().id()).orElse(null);
        ErrorBands bands = errorBands(resolved);
        Sensitivity.Result sensitivity = optional(() -> Sensitivity.of(json, Sensitivity.Metric.OPERATING_PROFIT, SENSITIVITY_STEP,
                Sensitivity.STANDARD, analyzer::evaluate));
        progress.accept(0.5);
        SearchResult search = optional(() -> search(resolved));
        progress.accept(0.7);
        ScenarioSimulation.LatencyCurve curve = analysis.latencyTargets() != null && analysis.simulated()
                ? optional(() -> analyzer.simulation(analysis).latencyCurve(analysis.sizing().capacity(), LATENCY_CURVE_POINTS,
                SimulationProgress.NONE)) : null;
        progress.accept(0.85);
        UncertaintyResult uncertainty = optional(() -> uncertainty(json));
        progress.accept(1);
        return new ScenarioFacts(json, analysis, first.breakEven(), hardware, bands, sensitivity, search, curve, uncertainty);
    }

    private ErrorBands errorBands(ResolvedScenario resolved) {
        var workload = resolved.scenario().workload();
        PerformanceEstimate estimate = performance.estimate(resolved.model(), resolved.deployment(),
                Workload.shapeOf(workload.requestTokens()), workload.servingTarget());
        return performance.errorBands(resolved.model(), resolved.deployment(), estimate);
    }

    /** The configuration search as the Optimize page runs it (frontier included), over the catalog's priced parts. */
    private SearchResult search(ResolvedScenario resolved) {
        CatalogCandidates.Parts parts = CatalogCandidates.parts(catalog.get(), resolved, ownUsdPerGpuHour.get(), null, null);
        if (parts.candidates().isEmpty()) {
            return null;
        }
        return ConfigurationSearch.standard().search(resolved, parts.candidates(), SearchOptions.defaults().withFrontier(true),
                SearchProgress.of(fraction -> { }, () -> false));
    }

    /** Monte Carlo over the distributions the scenario declares; none declared, none run (the fan is left out). */
    private UncertaintyResult uncertainty(String json) {
        MonteCarlo declared = analyzer.monteCarlo(json, false);
        if (declared.inputs().isEmpty()) {
            return null;
        }
        return analyzer.monteCarlo(json, true).run(UNCERTAINTY_DRAWS, UNCERTAINTY_SEED, SimulationProgress.NONE);
    }

    private static <T> T optional(Supplier<T> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            // A part the report can do without (a search with no fitting part, a simulation that cannot run).
            return null;
        }
    }
}
