package io.inferplan.engine.optimize;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.DisaggregatedDeployment;
import io.inferplan.engine.perf.DisaggregatedEstimate;
import io.inferplan.engine.perf.DisaggregatedServing;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Disaggregated prefill/decode candidates for the search, built from the cheapest aggregated configurations that meet
 * the targets: the same part and worker layout for both pools, each pool sized by rate matching for the scenario's
 * peak at its planned utilisation ({@link DisaggregatedServing#sizedFor}). Both pools are paid for: the scenario's
 * serving cost is per GPU, so a candidate's cost per token is its aggregated source's scaled by the ratio of GPUs,
 * and its gross margin follows from that cost. Only a few sizings per search: cheap next to the aggregated space.
 */
final class DisaggregatedCandidates {
    /** How many of the cheapest aggregated configurations each get a disaggregated twin. */
    static final int FROM_CHEAPEST = 24;

    private DisaggregatedCandidates() {
    }

    static List<RankedConfiguration> of(ResolvedScenario resolved, List<RankedConfiguration> rankedAggregated,
                                        Map<RankedConfiguration, Deployment> deployments, DisaggregatedServing serving) {
        ModelSpec model = resolved.model();
        Workload workload = resolved.scenario().workload();
        RequestShape shape = Workload.shapeOf(workload.requestTokens());
        ServingTarget.LatencyTargets targets = workload.latency();
        double maxTtft = targets == null ? 0 : targets.maxTimeToFirstTokenSeconds();
        double maxTpot = targets == null ? 0 : targets.maxTimePerOutputTokenSeconds();
        double peak = workload.peakRps();
        double plannedRate = peak / resolved.scenario().deployment().plannedUtilization();
        List<RankedConfiguration> candidates = new ArrayList<>();
        for (RankedConfiguration aggregated : rankedAggregated) {
            if (candidates.size() >= FROM_CHEAPEST || !aggregated.meetsLatencyTargets()) {
                break;
            }
            Deployment worker = deployments.get(aggregated);
            try {
                DisaggregatedDeployment sized = serving.sizedFor(model, new DisaggregatedDeployment(worker, 1, worker, 1), shape,
                        plannedRate, maxTtft, maxTpot);
                DisaggregatedEstimate atPeak = serving.atRate(model, sized, shape, peak);
                candidates.add(ranked(aggregated, sized, atPeak, shape));
            } catch (InvalidInputException e) {
                // This layout cannot meet the targets as a pool (or does not fit): no twin for it.
            }
        }
        return candidates;
    }

    private static RankedConfiguration ranked(RankedConfiguration a, DisaggregatedDeployment sized, DisaggregatedEstimate atPeak,
                                              RequestShape shape) {
        double gpuRatio = (double) sized.gpus() / a.gpusTotal();
        Double margin = a.grossMarginPercent() == null ? null : 100 - (100 - a.grossMarginPercent()) * gpuRatio;
        double tpot = atPeak.timePerOutputTokenSeconds();
        return new RankedConfiguration(a.accelerator(), a.acceleratorName(), a.gpusPerReplica(),
                sized.prefillWorkers() + sized.decodeWorkers(), sized.gpus(), a.tensorParallel(), a.pipelineParallel(),
                a.expertParallel(), a.attentionParallelism(), a.weightPrecision(), a.kvPrecision(), a.servingStack(), a.speculative(),
                true, a.costPerMillionOutputTokensUsd() * gpuRatio, a.costPerMillionInputTokensUsd() * gpuRatio, true,
                atPeak.timeToFirstTokenSeconds(), tpot, margin, atPeak.decodeWorker().errorBand().expectedErrorPercent(),
                atPeak.outputTokensPerSecondPerGpu(), 1 / tpot, a.priceSource(), a.plan(), sized.prefillWorkers(),
                sized.decodeWorkers(), null, null, null, null);
    }
}
