package io.inferplan.analysis;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.cli.search.CatalogCandidates;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.MonthlyTotals;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.engine.optimize.SearchOptions;
import io.inferplan.engine.optimize.SearchProgress;
import io.inferplan.engine.optimize.SearchResult;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.DeploymentPlan;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.RoutedEvaluator;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.Workload;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SimulationProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Turns a scenario document into an {@link Analysis}: the engine's evaluation, then the sweeps behind the charts.
 * Thread-safe and stateless apart from the engine's estimate cache; runs on worker threads only.
 */
public final class ScenarioAnalyzer {
    private static final int MAX_TENSOR_PARALLEL = 8;

    private final PerformanceModel performance = PerformanceModel.standard();
    private final EstimateSource estimates = EstimateSource.cached(performance);
    private final ScenarioEvaluator evaluator = new ScenarioEvaluator(estimates);
    private final ConfigurationSearch search = ConfigurationSearch.standard();
    private final Supplier<AcceleratorCatalog> catalog;
    private final Supplier<RentalRates> rentalRates;

    /**
     * @param catalog         the accelerators (bundled with the user's entries on top)
     * @param rentalRates     the rate each part is compared at (the user's own before the catalog's)
     */
    public ScenarioAnalyzer(Supplier<AcceleratorCatalog> catalog, Supplier<RentalRates> rentalRates) {
        this.catalog = catalog;
        this.rentalRates = rentalRates;
    }

    /**
     * A Monte Carlo run of a document, on the analyzer's catalog and estimate cache (docs/uncertainty.md).
     *
     * @param standardInputs whether the standard uncertainty is added to the distributions the document declares
     */
    public io.inferplan.engine.uncertainty.MonteCarlo monteCarlo(String json, boolean standardInputs) {
        return io.inferplan.engine.uncertainty.MonteCarlo.of(json, resolver(), estimates, standardInputs);
    }

    /**
     * Goal seek on a document, on the analyzer's catalog and prices: the input value that reaches the target, or why
     * none does (the dashboard's "Solve for…"), on the figures the dashboard shows: at the replica capacity the serving
     * simulator found for the analysed scenario when it found one and the input leaves the replica's work as it is
     * (a price, the load, the utilisation), else from the steady-state estimate.
     *
     * @param shown the dashboard's analysis of the document, or null
     * @throws InvalidInputException naming the field when the document or the request cannot be solved
     * @throws java.util.concurrent.CancellationException when {@code progress} says to stop
     */
    public SolvedTarget solve(String json, io.inferplan.engine.solve.GoalSeek.Request request, Analysis shown,
                              SimulationProgress progress) {
        boolean simulated = shown != null && shown.simulated()
                && request.input() != io.inferplan.engine.solve.GoalSeek.Input.CACHE_HIT_RATE;
        if (!simulated) {
            return new SolvedTarget(io.inferplan.engine.solve.GoalSeek.solve(json, request, resolver(), evaluator, progress), Double.NaN);
        }
        double replicaRequestsPerSecond = shown.sizing().capacity().maxRequestsPerSecond();
        return new SolvedTarget(io.inferplan.engine.solve.GoalSeek.solve(json, request, resolver(),
                resolved -> evaluator.evaluateAtReplicaCapacity(resolved, replicaRequestsPerSecond), progress), replicaRequestsPerSecond);
    }

    /** The engine's result alone (Compare and the command line need no sweeps). */
    public ScenarioResult evaluate(String json) {
        return evaluator.evaluate(resolver().resolve(ScenarioJson.read(json)));
    }

    /**
     * The first phase: the scenario itself, its batch-size front and its break-even curve (milliseconds).
     *
     * @throws InvalidInputException naming the field when the document is not a valid scenario
     */
    public Analysis analyze(String json) {
        long start = System.nanoTime();
        Scenario scenario = ScenarioJson.read(json);
        ResolvedScenario resolved = resolver().resolve(scenario);
        ScenarioResult result = evaluator.evaluate(resolved);
        List<BatchPoint> pareto = paretoFront(resolved);
        BatchPoint operating = new BatchPoint(result.replica().batch(),
                result.replica().timePerOutputTokenSeconds() > 0 ? 1 / result.replica().timePerOutputTokenSeconds() : 0,
                result.replica().outputTokensPerSecondPerGpu());
        RoutedResult routes = scenario.hasRoutes() ? new RoutedEvaluator(resolver(), evaluator).evaluate(scenario) : null;
        return new Analysis(resolved, result, pareto, operating, breakEvenCurve(result), scenario.workload().latency(),
                scenario.sources(), (System.nanoTime() - start) / 1_000_000, null, null, routes);
    }

    /** Every phase at once, on the calling thread (tests and benchmarks). */
    public Analysis analyzeFully(String json) {
        Analysis first = analyze(json);
        return withSizing(first.withAcceleratorSweep(acceleratorSweep(first, () -> false)), SimulationProgress.NONE);
    }

    /** The serving simulator set up for the analysed scenario (its lengths, deployment and latency targets). */
    public ScenarioSimulation simulation(Analysis analysis) {
        return ScenarioSimulation.of(analysis.resolved(), performance);
    }

    /**
     * The third phase: the fleet sized from the simulated capacity at the targets' percentiles (a fraction of a
     * second for chat, seconds for long reasoning replies).
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says to stop
     */
    public ScenarioSimulation.Sizing size(Analysis analysis, SimulationProgress progress) {
        return simulation(analysis).size(evaluator, progress);
    }

    /** The analysis with {@code sizing} in it, its break-even curve redrawn from the simulated costs. */
    public static Analysis withSizing(Analysis analysis, ScenarioSimulation.Sizing sizing) {
        return analysis.withSizing(sizing, sizing.reachable() ? breakEvenCurve(sizing.simulated()) : analysis.breakEven());
    }

    private Analysis withSizing(Analysis analysis, SimulationProgress progress) {
        return withSizing(analysis, size(analysis, progress));
    }

    /**
     * The second phase: the analysed scenario's workload on every part of the catalog, each at its best
     * configuration (the configuration search's cheapest meeting the targets, else its cheapest), priced as
     * {@link CatalogCandidates} prices them; the parts without a price are named.
     *
     * @param cancelled polled between configurations; the sweep stops early, returning what it has, once it says true
     */
    public AcceleratorSweep acceleratorSweep(Analysis first, BooleanSupplier cancelled) {
        ResolvedScenario resolved = first.resolved();
        AcceleratorCatalog parts = catalog.get();
        CatalogCandidates.Parts candidates;
        try {
            candidates = CatalogCandidates.parts(parts, resolved, rentalRates.get().ownUsdPerGpuHour(), null, null);
        } catch (InvalidInputException e) {
            return new AcceleratorSweep(List.of(), AcceleratorCostCoverage.NONE, List.of());
        }
        SearchResult result = search.search(resolved, candidates.candidates(), SearchOptions.defaults().withFrontier(false),
                SearchProgress.of(fraction -> { }, cancelled));
        return sweepOf(result, candidates, resolved, parts);
    }

    /** Parts dearer than this many times the cheapest are left out of the chart (and counted in its subtitle). */
    static final double DEARER_THAN_CHEAPEST = 5;
    private static final int MAX_BARS = 12;

    /** Each part's first configuration in the search's ranking; the scenario's own part always shown. */
    private static AcceleratorSweep sweepOf(SearchResult result, CatalogCandidates.Parts candidates, ResolvedScenario resolved,
                                            AcceleratorCatalog parts) {
        String chosenId = resolved.deployment().accelerator().id();
        java.util.Map<String, RankedConfiguration> best = new java.util.LinkedHashMap<>();
        for (RankedConfiguration c : result.configurations()) {
            best.putIfAbsent(c.accelerator(), c);
        }
        List<AcceleratorCost> all = new ArrayList<>();
        for (RankedConfiguration c : best.values()) {
            String name = parts.find(c.accelerator()).map(CatalogEntry::name).orElse(c.acceleratorName());
            all.add(new AcceleratorCost(name, configurationLabel(c), c.costPerMillionInputTokensUsd(),
                    c.costPerMillionOutputTokensUsd(), c.accelerator().equals(chosenId), c.meetsLatencyTargets()));
        }
        all.sort(Comparator.comparing((AcceleratorCost row) -> !row.meetsTargets())
                .thenComparingDouble(AcceleratorCost::usdPerMillionOutputTokens));
        double cheapest = all.isEmpty() ? 0 : all.getFirst().usdPerMillionOutputTokens();
        List<AcceleratorCost> rows = new ArrayList<>();
        int dearer = 0;
        double dearerFrom = 0;
        for (AcceleratorCost row : all) {
            boolean near = row.usdPerMillionOutputTokens() <= DEARER_THAN_CHEAPEST * cheapest && rows.size() < MAX_BARS;
            if (near || row.chosen()) {
                rows.add(row);
            } else {
                dearerFrom = dearer == 0 ? row.usdPerMillionOutputTokens() : Math.min(dearerFrom, row.usdPerMillionOutputTokens());
                dearer++;
            }
        }
        long searchedParts = candidates.candidates().size();
        int notFitting = (int) Math.max(0, searchedParts - best.size());
        List<String> unpriced = candidates.unpriced().stream()
                .map(id -> parts.find(id).map(CatalogEntry::name).orElse(id)).toList();
        return new AcceleratorSweep(rows, new AcceleratorCostCoverage(notFitting, unpriced.size(), dearer, dearerFrom), unpriced);
    }

    /** "×4 TP4 fp8 SGLang": the best layout in a bar's label (the part is the bar's name). */
    static String configurationLabel(RankedConfiguration c) {
        StringBuilder text = new StringBuilder("×").append(c.gpusPerReplica()).append(" TP").append(c.tensorParallel());
        if (c.pipelineParallel() > 1) {
            text.append(" PP").append(c.pipelineParallel());
        }
        if (c.expertParallel() > 1) {
            text.append(" EP").append(c.expertParallel());
        }
        text.append(' ').append(c.weightPrecision().id()).append(' ').append(c.servingStack().displayName());
        if (c.speculative()) {
            text.append(" spec");
        }
        if (!c.meetsLatencyTargets()) {
            text.append(", misses targets");
        }
        return text.toString();
    }

    AcceleratorResolver acceleratorResolver() {
        return catalog.get().resolver();
    }

    private ScenarioResolver resolver() {
        return new ScenarioResolver(acceleratorResolver());
    }

    private Optional<ScenarioResult> tryEvaluate(Scenario scenario) {
        try {
            return Optional.of(evaluator.evaluate(resolver().resolve(scenario)));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** Throughput per GPU against tokens per second per user, one point per batch size, on the scenario's hardware. */
    private List<BatchPoint> paretoFront(ResolvedScenario resolved) {
        List<BatchPoint> points = new ArrayList<>();
        var shape = Workload.shapeOf(resolved.scenario().workload().requestTokens());
        for (int batch = 1; batch <= 4096; batch *= 2) {
            try {
                PerformanceEstimate estimate = estimates.estimate(resolved.model(), resolved.deployment(), shape,
                        new ServingTarget.FixedBatch(batch));
                if (estimate.batch() < batch) {
                    break;
                }
                points.add(new BatchPoint(batch, estimate.outputTokensPerSecondPerUser(), estimate.outputTokensPerSecondPerGpu()));
            } catch (InvalidInputException e) {
                break;
            }
        }
        return points;
    }

    /** Revenue and cost per month from zero to well past break-even (or past today's volume when it never breaks even). */
    private static BreakEvenCurve breakEvenCurve(ScenarioResult result) {
        MonthlyTotals totals = result.totals();
        double currentMillion = totals.tokensPerMonth() / 1e6;
        Double breakEvenMillion = result.breakEven().breakEvenTokensPerMonth() == null ? null
                : result.breakEven().breakEvenTokensPerMonth() / 1e6;
        double end = Math.max(currentMillion * 1.5, breakEvenMillion == null ? 0 : breakEvenMillion * 2);
        if (!(end > 0)) {
            end = 1;
        }
        if (result.breakEven().tiers().size() > 1) {
            // Far enough to see the first tier that breaks even on its own cross the cost, unless that is far off.
            double nearestTier = result.breakEven().tiers().stream().map(t -> t.breakEvenTokensPerMonth())
                    .filter(v -> v != null).mapToDouble(v -> v / 1e6).min().orElse(Double.POSITIVE_INFINITY);
            if (nearestTier <= end * 4) {
                end = Math.max(end, nearestTier * 1.15);
            }
        }
        double revenuePerMillion = totals.revenuePerMillionTokensUsd();
        double variablePerMillion = revenuePerMillion - result.breakEven().contributionPerMillionTokensUsd();
        double fixed = result.breakEven().fixedCostsUsdPerMonth();
        int points = 41;
        double[] x = new double[points];
        double[] revenue = new double[points];
        double[] cost = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = end * i / (points - 1);
            revenue[i] = revenuePerMillion * x[i];
            cost[i] = fixed + variablePerMillion * x[i];
        }
        List<BreakEvenCurve.TierLine> tiers = new ArrayList<>();
        if (result.breakEven().tiers().size() > 1) {
            for (var tier : result.breakEven().tiers()) {
                double[] tierRevenue = new double[points];
                for (int i = 0; i < points; i++) {
                    tierRevenue[i] = tier.revenuePerMillionTokensUsd() * x[i];
                }
                tiers.add(new BreakEvenCurve.TierLine(tier.name(), tierRevenue,
                        tier.breakEvenTokensPerMonth() == null ? null : tier.breakEvenTokensPerMonth() / 1e6));
            }
        }
        return new BreakEvenCurve(x, revenue, cost, breakEvenMillion, currentMillion, tiers);
    }
}
