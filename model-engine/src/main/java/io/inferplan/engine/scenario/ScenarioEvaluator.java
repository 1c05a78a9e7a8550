package io.inferplan.engine.scenario;

import io.inferplan.engine.EngineInfo;
import io.inferplan.engine.economics.BreakEven;
import io.inferplan.engine.economics.Capacity;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.GpuHourCost;
import io.inferplan.engine.economics.MonthlyTotals;
import io.inferplan.engine.economics.PricingTier;
import io.inferplan.engine.economics.Projection;
import io.inferplan.engine.economics.ProjectionResult;
import io.inferplan.engine.economics.RequestTokens;
import io.inferplan.engine.economics.TierEconomics;
import io.inferplan.engine.economics.TokenCosts;
import io.inferplan.engine.perf.Bottleneck;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a resolved scenario: the performance model once per distinct request shape and hardware generation
 * (through an {@link EstimateSource}, normally cached), then plain arithmetic. Stateless apart from the source's
 * cache, so one evaluator can serve the whole app from any thread.
 */
public final class ScenarioEvaluator {
    private final EstimateSource estimates;

    public ScenarioEvaluator(EstimateSource estimates) {
        this.estimates = estimates;
    }

    /** The standard performance model behind a cache. */
    public static ScenarioEvaluator standard() {
        return new ScenarioEvaluator(EstimateSource.standard());
    }

    public ScenarioResult evaluate(ResolvedScenario resolved) {
        return evaluate(resolved, Double.NaN);
    }

    /**
     * The scenario with one replica's capacity given, e.g. the serving simulator's highest rate within percentile
     * targets, in place of the steady-state estimate's requests per second: the fleet (replicas at the planned
     * utilisation, as always), and with it the GPUs, cost per token, margins, break-even and projection follow from
     * it. The projection scales every month's and generation's steady-state capacity by the same ratio. The rest
     * of the operating point (prefill share, batch, mean latencies) stays the steady-state estimate's.
     *
     * @param replicaRequestsPerSecond requests per second one replica serves within the targets
     */
    public ScenarioResult evaluateAtReplicaCapacity(ResolvedScenario resolved, double replicaRequestsPerSecond) {
        io.inferplan.engine.Checks.positive("replicaRequestsPerSecond", replicaRequestsPerSecond, 1e12);
        return evaluate(resolved, replicaRequestsPerSecond);
    }

    private ScenarioResult evaluate(ResolvedScenario resolved, double givenReplicaRequestsPerSecond) {
        Scenario scenario = resolved.scenario();
        Workload workload = scenario.workload();
        DeploymentPlan plan = scenario.deployment();
        RequestTokens tokens = workload.requestTokens();
        double averageRps = workload.averageRps();
        double peakRps = workload.peakRps();

        PerformanceEstimate estimate = estimate(resolved, resolved.deployment(), tokens);
        boolean given = !Double.isNaN(givenReplicaRequestsPerSecond);
        double replicaRps = given ? givenReplicaRequestsPerSecond : estimate.requestsPerSecond();
        double capacityScale = replicaRps / estimate.requestsPerSecond();
        Capacity capacity = Capacity.plan(replicaRps, resolved.deployment().gpusPerReplica(), averageRps,
                peakRps, plan.plannedUtilization(), plan.minReplicas());
        GpuHourCost gpuHour = GpuHourCost.of(scenario.cost(), resolved.deployment().accelerator().boardPowerWatts(), 1);
        double servingCostPerMonth = capacity.gpusRequired() * GpuHourCost.HOURS_PER_MONTH * gpuHour.totalUsdPerGpuHour();
        double requestsPerMonth = averageRps * BreakEven.SECONDS_PER_MONTH;
        double costPerRequest = servingCostPerMonth / requestsPerMonth;
        TokenCosts tokenCosts = TokenCosts.attribute(costPerRequest, estimate.prefillTimeShare(), tokens);

        boolean fleetFixed = scenario.cost().fleetCostIsFixed();
        double variableCostPerRequest = fleetFixed ? 0 : costPerRequest;
        boolean billReasoning = scenario.pricing().billReasoningTokensAsOutput();
        List<TierEconomics> tiers = new ArrayList<>();
        for (PricingTier tier : scenario.pricing().tiers()) {
            tiers.add(TierEconomics.of(tier, billReasoning, tokens, requestsPerMonth, costPerRequest, variableCostPerRequest));
        }
        double fixedCosts = scenario.fixedCostsUsdPerMonth();
        MonthlyTotals totals = MonthlyTotals.of(tiers, servingCostPerMonth, variableCostPerRequest * requestsPerMonth, fixedCosts);

        ProjectionResult projection = Projection.run(projectionInputs(resolved, tokens, averageRps, peakRps),
                (generation, monthTokens) -> capacityScale * estimate(resolved,
                        generation == 0 ? resolved.deployment() : resolved.newGeneration(), monthTokens).requestsPerSecond());

        // The volume the sized fleet carries at the planned utilisation with this peak-to-average shape.
        double capacityTokens = totals.tokensPerMonth() * capacity.fleetCapacityRequestsPerSecond() * plan.plannedUtilization() / peakRps;
        BreakEven breakEven = BreakEven.of(fixedCosts + (fleetFixed ? servingCostPerMonth : 0),
                totals.contributionPerMillionTokensUsd(), tokens.totalTokens(), capacityTokens, !fleetFixed,
                projection.breakEvenMonth(), projection.paybackMonth(), tiers);

        int requestsPerTask = workload.task().requestsPerTask();
        double tokensPerTask = tokens.totalTokens() * requestsPerTask;
        var request = new ScenarioResult.RequestSummary(tokens.inputTokens(), tokens.cachedInputTokens(),
                tokens.visibleOutputTokens(), tokens.reasoningTokens(), tokens.totalTokens(),
                workload.inputTokens().p90Tokens() + workload.task().meanAddedContextTokens(),
                workload.outputTokens().p90Tokens() + workload.reasoningTokens().p90Tokens(), requestsPerTask, tokensPerTask,
                costPerRequest * requestsPerTask);
        var replica = new ScenarioResult.ReplicaSummary(estimate.batch(), estimate.requestsPerSecond(),
                estimate.outputTokensPerSecond(), estimate.outputTokensPerSecondPerGpu(), estimate.timeToFirstTokenSeconds(),
                estimate.timePerOutputTokenSeconds(), estimate.prefillTimeShare(),
                estimate.limitedBy() == null ? "" : estimate.limitedBy().description(), estimate.limitedBy(),
                estimate.errorBand() == null ? 0 : estimate.errorBand().expectedErrorPercent(),
                estimate.errorBand() == null ? "" : estimate.errorBand().summary());
        return new ScenarioResult(scenario.name(), scenario.description(), EngineInfo.version(), resolved.model().id(),
                resolved.deployment().accelerator().id(), request, replica, capacity, gpuHour, tokenCosts, tiers, totals,
                breakEven, projection, notes(scenario, capacity, breakEven, totals, estimate, resolved.deployment(), given));
    }

    private PerformanceEstimate estimate(ResolvedScenario resolved, Deployment deployment, RequestTokens tokens) {
        try {
            return estimates.estimate(resolved.model(), deployment, Workload.shapeOf(tokens), resolved.scenario().workload().servingTarget());
        } catch (io.inferplan.engine.InvalidInputException e) {
            // The performance model names its target's fields; in a scenario file they live under the workload.
            boolean target = e.field().equals("latency") || e.field().equals("minTokensPerSecondPerUser");
            throw target ? e.under("workload") : e;
        }
    }

    private static Projection.Inputs projectionInputs(ResolvedScenario resolved, RequestTokens tokens, double averageRps,
                                                      double peakRps) {
        Scenario scenario = resolved.scenario();
        List<Projection.Generation> generations = new ArrayList<>();
        Deployment base = resolved.deployment();
        generations.add(new Projection.Generation(base.accelerator().id(), 1, base.gpusPerReplica(), scenario.cost(),
                base.accelerator().boardPowerWatts()));
        var next = scenario.projection().newGeneration();
        if (next != null && resolved.newGeneration() != null) {
            Deployment nextDeployment = resolved.newGeneration();
            generations.add(new Projection.Generation(nextDeployment.accelerator().id(), next.fromMonth(),
                    nextDeployment.gpusPerReplica(), next.cost(), nextDeployment.accelerator().boardPowerWatts()));
        }
        return new Projection.Inputs(scenario.projection(), tokens, averageRps, peakRps,
                scenario.deployment().plannedUtilization(), scenario.deployment().minReplicas(), generations,
                scenario.pricing(), scenario.fixedCostsUsdPerMonth());
    }

    private static List<String> notes(Scenario scenario, Capacity capacity, BreakEven breakEven, MonthlyTotals totals,
                                      PerformanceEstimate estimate, Deployment deployment, boolean capacityGiven) {
        List<String> notes = new ArrayList<>();
        if (capacityGiven) {
            notes.add(String.format(java.util.Locale.ROOT, "Replica capacity %.3g requests/s given (the serving simulator's, within the "
                    + "latency targets) in place of the steady-state estimate's %.3g.", capacity.replicaRequestsPerSecond(),
                    estimate.requestsPerSecond()));
        }
        if (estimate.limitedBy() == Bottleneck.LATENCY_TARGET_WITHIN_BAND) {
            notes.add(String.format(java.util.Locale.ROOT, "The latency targets ask for more than the model predicts even one user "
                    + "alone gets (TTFT %.0f ms, TPOT %.1f ms), though by less than its error band: planned at one user per "
                    + "replica, the most conservative reading. Measure this deployment before buying for it; a faster part or "
                    + "more tensor parallelism would meet the targets with room.", estimate.timeToFirstTokenSeconds() * 1e3,
                    estimate.timePerOutputTokenSeconds() * 1e3));
        }
        if (capacity.averageUtilizationPercent() < 30) {
            notes.add(String.format(java.util.Locale.ROOT, "The fleet averages %.0f%% utilisation: cost per token is paid on mostly idle GPUs "
                    + "(peak %.1fx the average, or the minimum of %d replicas).", capacity.averageUtilizationPercent(),
                    capacity.peakRequestsPerSecond() / Math.max(1e-12, capacity.averageRequestsPerSecond()),
                    scenario.deployment().minReplicas()));
        }
        if (breakEven.breakEvenTokensPerMonth() == null) {
            notes.add("Every token loses money: revenue per million tokens does not cover the variable serving cost.");
        } else if (!breakEven.withinCapacity()) {
            notes.add("Break-even needs more volume than this fleet can carry: the fixed fleet and costs are too large for the price.");
        }
        if (totals.grossMarginPercent() != null && totals.grossMarginPercent() < 0) {
            notes.add("Serving costs more than it brings in at these prices.");
        }
        if (scenario.cost() instanceof CostModel.Rent rent && rent.term() == io.inferplan.engine.economics.RentalTerm.SPOT) {
            notes.add("Spot capacity can be reclaimed at short notice: suited to batch work, not to latency targets.");
        }
        io.inferplan.engine.perf.WeightOnlyQuantization.of(deployment).ifPresent(q -> notes.add(
                "Weights: " + q.describe(deployment.accelerator().name()) + "."));
        io.inferplan.engine.hardware.PowerLimitedClock.describe(deployment.accelerator())
                .ifPresent(text -> notes.add("Power limit: " + text + "."));
        if (estimate.errorBand() != null && estimate.errorBand().expectedErrorPercent() > 0) {
            notes.add("Performance figures: " + estimate.errorBand().summary() + "; costs per token move with them.");
        }
        return notes;
    }
}
