package io.inferplan.app.results;

import io.inferplan.app.charts.BreakEvenChart;
import io.inferplan.app.charts.CostByAcceleratorChart;
import io.inferplan.app.charts.ParetoChart;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.MonthlyTotals;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.DeploymentPlan;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a scenario document into an {@link Analysis}: the engine's evaluation, then the sweeps behind the charts.
 * Thread-safe and stateless apart from the engine's estimate cache; runs on worker threads only.
 */
public final class ScenarioAnalyzer {
    private static final int MAX_TENSOR_PARALLEL = 8;

    private final EstimateSource estimates = EstimateSource.standard();
    private final ScenarioEvaluator evaluator = new ScenarioEvaluator(estimates);
    private final Supplier<AcceleratorCatalog> catalog;
    private final Supplier<Map<String, Double>> ownHourlyRates;

    /**
     * @param catalog         the accelerators (bundled with the user's entries on top)
     * @param ownHourlyRates  the user's own USD per GPU-hour by accelerator id, used before the catalog's prices
     */
    public ScenarioAnalyzer(Supplier<AcceleratorCatalog> catalog, Supplier<Map<String, Double>> ownHourlyRates) {
        this.catalog = catalog;
        this.ownHourlyRates = ownHourlyRates;
    }

    /** The engine's result alone (Compare and the command line need no sweeps). */
    public ScenarioResult evaluate(String json) {
        return evaluator.evaluate(resolver().resolve(ScenarioJson.read(json)));
    }

    /** @throws InvalidInputException naming the field when the document is not a valid scenario */
    public Analysis analyze(String json) {
        long start = System.nanoTime();
        Scenario scenario = ScenarioJson.read(json);
        ResolvedScenario resolved = resolver().resolve(scenario);
        ScenarioResult result = evaluator.evaluate(resolved);
        List<CostByAcceleratorChart.Row> rows = new ArrayList<>();
        int notFitting = costAcrossAccelerators(scenario, rows);
        List<ParetoChart.Point> pareto = paretoFront(resolved);
        ParetoChart.Point operating = new ParetoChart.Point(result.replica().batch(),
                result.replica().timePerOutputTokenSeconds() > 0 ? 1 / result.replica().timePerOutputTokenSeconds() : 0,
                result.replica().outputTokensPerSecondPerGpu());
        return new Analysis(result, rows, notFitting, pareto, operating, breakEvenCurve(result),
                (System.nanoTime() - start) / 1_000_000);
    }

    AcceleratorResolver acceleratorResolver() {
        return catalog.get().resolver();
    }

    private ScenarioResolver resolver() {
        return new ScenarioResolver(acceleratorResolver());
    }

    /**
     * The same workload on every accelerator with a known rental rate, at the smallest tensor-parallel size (from
     * the scenario's own, up to 8) at which the model fits. Returns how many accelerators could not serve it.
     */
    private int costAcrossAccelerators(Scenario scenario, List<CostByAcceleratorChart.Row> rows) {
        Map<String, Double> own = ownHourlyRates.get();
        String chosenId = catalog.get().find(scenario.deployment().acceleratorName()).map(CatalogEntry::id).orElse("");
        int notFitting = 0;
        for (CatalogEntry entry : catalog.get().entries()) {
            Optional<Double> rate = Optional.ofNullable(own.get(entry.id()))
                    .or(() -> entry.cheapest(PriceKind.CLOUD_ON_DEMAND).map(PriceQuote::usdPerGpuHour));
            boolean chosen = entry.id().equals(chosenId);
            if (rate.isEmpty() && !chosen) {
                continue;
            }
            Optional<ScenarioResult> result = chosen ? tryEvaluate(scenario) : onAccelerator(scenario, entry.id(), rate.get());
            if (result.isPresent()) {
                rows.add(new CostByAcceleratorChart.Row(entry.name(), result.get().tokenCosts().costPerMillionInputTokensUsd(),
                        result.get().tokenCosts().costPerMillionOutputTokensUsd(), chosen));
            } else {
                notFitting++;
            }
        }
        rows.sort(Comparator.comparingDouble(CostByAcceleratorChart.Row::usdPerMillionOutputTokens));
        // Keep the chart readable: the cheapest dozen, and the scenario's own always.
        List<CostByAcceleratorChart.Row> shown = new ArrayList<>(rows.stream().limit(12).toList());
        rows.stream().filter(CostByAcceleratorChart.Row::chosen).filter(r -> !shown.contains(r)).forEach(shown::add);
        rows.clear();
        rows.addAll(shown);
        return notFitting;
    }

    private Optional<ScenarioResult> onAccelerator(Scenario scenario, String acceleratorId, double usdPerGpuHour) {
        DeploymentPlan plan = scenario.deployment();
        CostModel cost = new CostModel.Rent(RentalTerm.ON_DEMAND, usdPerGpuHour, "catalog");
        for (int tp = plan.tensorParallel(); tp <= MAX_TENSOR_PARALLEL; tp *= 2) {
            DeploymentPlan moved = new DeploymentPlan(acceleratorId, null, plan.model(), plan.customModel(), tp,
                    plan.pipelineParallel(), Math.min(plan.expertParallel(), tp * plan.pipelineParallel()), plan.weightPrecision(),
                    plan.kvPrecision(), plan.activationPrecision(), plan.servingStack(), plan.maxBatch(), plan.speculative(),
                    plan.plannedUtilization(), plan.minReplicas());
            Optional<ScenarioResult> result = tryEvaluate(scenario.withDeployment(moved).withCost(cost));
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    private Optional<ScenarioResult> tryEvaluate(Scenario scenario) {
        try {
            return Optional.of(evaluator.evaluate(resolver().resolve(scenario)));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** Throughput per GPU against tokens per second per user, one point per batch size, on the scenario's hardware. */
    private List<ParetoChart.Point> paretoFront(ResolvedScenario resolved) {
        List<ParetoChart.Point> points = new ArrayList<>();
        var shape = Workload.shapeOf(resolved.scenario().workload().requestTokens());
        for (int batch = 1; batch <= 4096; batch *= 2) {
            try {
                PerformanceEstimate estimate = estimates.estimate(resolved.model(), resolved.deployment(), shape,
                        new ServingTarget.FixedBatch(batch));
                if (estimate.batch() < batch) {
                    break;
                }
                points.add(new ParetoChart.Point(batch, estimate.outputTokensPerSecondPerUser(), estimate.outputTokensPerSecondPerGpu()));
            } catch (InvalidInputException e) {
                break;
            }
        }
        return points;
    }

    /** Revenue and cost per month from zero to well past break-even (or past today's volume when it never breaks even). */
    private static BreakEvenChart.Curve breakEvenCurve(ScenarioResult result) {
        MonthlyTotals totals = result.totals();
        double currentMillion = totals.tokensPerMonth() / 1e6;
        Double breakEvenMillion = result.breakEven().breakEvenTokensPerMonth() == null ? null
                : result.breakEven().breakEvenTokensPerMonth() / 1e6;
        double end = Math.max(currentMillion * 1.5, breakEvenMillion == null ? 0 : breakEvenMillion * 2);
        if (!(end > 0)) {
            end = 1;
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
        return new BreakEvenChart.Curve(x, revenue, cost, breakEvenMillion, currentMillion);
    }
}
