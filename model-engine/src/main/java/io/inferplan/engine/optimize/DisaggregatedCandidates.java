package io.inferplan.engine.optimize;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.RequestTokens;
import io.inferplan.engine.economics.TokenCosts;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Disaggregated prefill/decode candidates for the search, built from the cheapest aggregated configurations that meet
 * the targets, in two steps, each pool sized by rate matching for the scenario's peak at its planned utilisation
 * ({@link DisaggregatedServing#sizedFor}):
 *
 * <ol>
 *   <li><b>Twins</b>: both pools with the layout of one aggregated source, for the cheapest sources overall and each
 *       part's cheapest few (so a part that is dear as an aggregated replica but cheap for one phase is at hand).</li>
 *   <li><b>Mixed pairs</b>: the few layouts whose twin has the cheapest decode pool, each paired with the few whose
 *       twin has the cheapest prefill pool among those that can hand it the KV cache ({@link #handsOver}), on the
 *       same part or another (the KV cache then crosses the slower side's scale-out network, as
 *       {@link io.inferplan.engine.perf.KvTransfer} has it), sized again as a pair.</li>
 * </ol>
 *
 * <p>Both pools are paid for: the scenario's serving cost is per GPU, so a pool's share of what a request costs is
 * its GPUs times its source's cost per request per GPU; a row's costs per token are its decode source's scaled by
 * the ratio of the two pools' cost per request to that source's (for a twin, the ratio of GPUs), and the gross margin
 * follows from the cost. A few dozen sizings per search: cheap next to the aggregated space.
 */
final class DisaggregatedCandidates {
    /** How many of the cheapest aggregated configurations each get a twin. */
    static final int FROM_CHEAPEST = 24;
    /** Besides those, each part's cheapest few get one, so that every part can stand for a pool. */
    static final int PER_PART = 2;
    /** Decode layouts tried in mixed pairs, and prefill layouts tried with each (at most this squared pairs). */
    static final int MIXED_POOLS = 4;
    /** Rounding slack on the targets, as the aggregated checks allow. */
    private static final double TOLERANCE = 1e-9;

    private DisaggregatedCandidates() {
    }

    /** One sized pair with the sources its pools are laid out as. */
    private record Sized(RankedConfiguration prefillSource, RankedConfiguration decodeSource, DisaggregatedDeployment pools,
                         RequestTokens tokens) {
        /** The prefill pool's share of what one request costs, in USD. */
        double prefillPoolCost() {
            return pools.prefillGpus() * perGpu(prefillSource, tokens);
        }

        double decodePoolCost() {
            return pools.decodeGpus() * perGpu(decodeSource, tokens);
        }
    }

    /**
     * What one request costs per GPU of a source's fleet, in USD: the scenario's serving cost is per GPU, so a pool of
     * n GPUs on that part costs n times this for each request, whatever its layout.
     */
    private static double perGpu(RankedConfiguration source, RequestTokens tokens) {
        double perRequest = (tokens.uncachedInputTokens() * source.costPerMillionInputTokensUsd()
                + tokens.cachedInputTokens() * source.costPerMillionInputTokensUsd() * TokenCosts.CACHED_INPUT_COST_FACTOR
                + tokens.generatedTokens() * source.costPerMillionOutputTokensUsd()) / 1e6;
        return perRequest / source.gpusTotal();
    }

    static List<RankedConfiguration> of(ResolvedScenario resolved, List<RankedConfiguration> rankedAggregated,
                                        Map<RankedConfiguration, Deployment> deployments, DisaggregatedServing serving) {
        Context context = new Context(resolved, serving, deployments);
        List<Sized> twins = new ArrayList<>();
        for (RankedConfiguration source : sources(rankedAggregated)) {
            Sized twin = context.size(source, source);
            if (twin != null) {
                twins.add(twin);
            }
        }
        List<RankedConfiguration> candidates = new ArrayList<>();
        for (Sized twin : twins) {
            context.ranked(twin).ifPresent(candidates::add);
        }
        List<Sized> byPrefillCost = twins.stream().sorted(Comparator.comparingDouble(Sized::prefillPoolCost)).toList();
        List<RankedConfiguration> decode = twins.stream().sorted(Comparator.comparingDouble(Sized::decodePoolCost))
                .limit(MIXED_POOLS).map(Sized::decodeSource).toList();
        for (RankedConfiguration d : decode) {
            List<RankedConfiguration> prefill = byPrefillCost.stream().map(Sized::prefillSource)
                    .filter(p -> p != d && handsOver(deployments.get(p), deployments.get(d))).limit(MIXED_POOLS).toList();
            for (RankedConfiguration p : prefill) {
                Sized pair = context.size(p, d);
                if (pair != null) {
                    context.ranked(pair).ifPresent(candidates::add);
                }
            }
        }
        return candidates;
    }

    /** The cheapest aggregated rows meeting the targets, then each part's cheapest few, in ranking order, once each. */
    private static List<RankedConfiguration> sources(List<RankedConfiguration> ranked) {
        Set<RankedConfiguration> chosen = new LinkedHashSet<>();
        Map<String, Integer> perPart = new HashMap<>();
        for (RankedConfiguration row : ranked) {
            if (!row.meetsLatencyTargets()) {
                break;
            }
            int ofPart = perPart.merge(row.accelerator(), 1, Integer::sum);
            if (chosen.size() < FROM_CHEAPEST || ofPart <= PER_PART) {
                chosen.add(row);
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * Whether a decode worker can take over a prefill worker's KV cache as it is: the same serving stack (the transfer
     * engines, NIXL and Mooncake, connect instances of one engine), the same KV format (the cache is copied as
     * stored) and the same vendor (no stack moves a KV cache between NVIDIA and AMD kernels' layouts).
     */
    static boolean handsOver(Deployment prefill, Deployment decode) {
        return prefill.servingStack() == decode.servingStack() && prefill.kvPrecision() == decode.kvPrecision()
                && prefill.accelerator().vendor().equalsIgnoreCase(decode.accelerator().vendor());
    }

    /** What every sizing of one search shares. */
    private static final class Context {
        private final ModelSpec model;
        private final RequestShape shape;
        private final double maxTtft;
        private final double maxTpot;
        private final double peak;
        private final double plannedRate;
        private final RequestTokens tokens;
        private final DisaggregatedServing serving;
        private final Map<RankedConfiguration, Deployment> deployments;

        Context(ResolvedScenario resolved, DisaggregatedServing serving, Map<RankedConfiguration, Deployment> deployments) {
            this.model = resolved.model();
            Workload workload = resolved.scenario().workload();
            this.shape = Workload.shapeOf(workload.requestTokens());
            ServingTarget.LatencyTargets targets = workload.latency();
            this.maxTtft = targets == null ? 0 : targets.maxTimeToFirstTokenSeconds();
            this.maxTpot = targets == null ? 0 : targets.maxTimePerOutputTokenSeconds();
            this.peak = workload.peakRps();
            this.plannedRate = peak / resolved.scenario().deployment().plannedUtilization();
            this.tokens = workload.requestTokens();
            this.serving = serving;
            this.deployments = deployments;
        }

        /** The pair sized for the peak; null when these layouts cannot meet the targets as pools (or do not fit). */
        Sized size(RankedConfiguration prefill, RankedConfiguration decode) {
            try {
                DisaggregatedDeployment sized = serving.sizedFor(model, new DisaggregatedDeployment(deployments.get(prefill), 1,
                        deployments.get(decode), 1), shape, plannedRate, maxTtft, maxTpot);
                return new Sized(prefill, decode, sized, tokens);
            } catch (InvalidInputException e) {
                return null;
            }
        }

        /**
         * The pair as a ranked row; empty when its pools' means at the peak miss a target after all (rate matching at
         * the planned rate and the open-loop estimate at the peak are different models, and the row claims the targets).
         */
        Optional<RankedConfiguration> ranked(Sized pair) {
            DisaggregatedDeployment sized = pair.pools();
            DisaggregatedEstimate atPeak = serving.atRate(model, sized, shape, peak);
            if (maxTtft > 0 && atPeak.timeToFirstTokenSeconds() > maxTtft * (1 + TOLERANCE)
                    || maxTpot > 0 && atPeak.timePerOutputTokenSeconds() > maxTpot * (1 + TOLERANCE)) {
                return Optional.empty();
            }
            RankedConfiguration p = pair.prefillSource();
            RankedConfiguration d = pair.decodeSource();
            // The decode source's costs scaled by what a request costs on both pools against on that source (for a
            // twin: the ratio of GPUs): rows then rank by what the whole service costs, and the split between input and
            // output stays the source's, as for the aggregated rows they are ranked with (charging each pool to its own
            // tokens instead would make the prefill pool free in a ranking by output tokens).
            double perRequest = pair.prefillPoolCost() + pair.decodePoolCost();
            double ratio = perRequest / (perGpu(d, tokens) * d.gpusTotal());
            // The revenue per request is the scenario's, the same for every row: cost's share of it scales likewise.
            Double margin = d.grossMarginPercent() == null ? null : 100 - (100 - d.grossMarginPercent()) * ratio;
            double tpot = atPeak.timePerOutputTokenSeconds();
            String priceSource = p.accelerator().equals(d.accelerator()) ? d.priceSource()
                    : "prefill: " + p.priceSource() + "; decode: " + d.priceSource();
            // The row's own part and layout are the decode pool's: most of the GPUs, and what applying it writes.
            return Optional.of(new RankedConfiguration(d.accelerator(), d.acceleratorName(), d.gpusPerReplica(),
                    sized.prefillWorkers() + sized.decodeWorkers(), sized.gpus(), d.tensorParallel(), d.pipelineParallel(),
                    d.expertParallel(), d.attentionParallelism(), d.weightPrecision(), d.kvPrecision(), d.servingStack(),
                    d.speculative(), true, d.costPerMillionOutputTokensUsd() * ratio, d.costPerMillionInputTokensUsd() * ratio, true,
                    atPeak.timeToFirstTokenSeconds(), tpot, margin,
                    atPeak.decodeWorker().errorBand().expectedErrorPercent(), atPeak.outputTokensPerSecondPerGpu(), 1 / tpot,
                    priceSource, d.plan(), sized.prefillWorkers(), sized.decodeWorkers(), null, null, null, null,
                    new DisaggregatedPools(p, sized.prefillWorkers(), d, sized.decodeWorkers()),
                    d.costPerMillionTokensBlendedUsd() * ratio,
                    perGpuKilowatts(p) * sized.prefillWorkers() * p.gpusPerReplica()
                            + perGpuKilowatts(d) * sized.decodeWorkers() * d.gpusPerReplica()));
        }
    }

    /** A source row's IT power per GPU (its fleet's power over its GPUs). */
    private static double perGpuKilowatts(RankedConfiguration row) {
        return row.gpusTotal() == 0 ? 0 : row.powerKilowatts() / row.gpusTotal();
    }
}
