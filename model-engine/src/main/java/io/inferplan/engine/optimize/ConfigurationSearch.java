package io.inferplan.engine.optimize;

import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.AttentionParallelism;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.SpeculativeDecoding;
import io.inferplan.engine.scenario.DeploymentPlan;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the deployments of a scenario's workload over the given parts: tensor parallel 1-8, pipeline parallel
 * 1/2/4, expert parallel and data-parallel attention for MoE (up to 144 GPUs across nodes for fine-grained MoE), weight and KV precision down to a floor, the serving
 * stacks each part runs, speculative decoding on and off where the scenario has it. Configurations whose weights
 * cannot fit are dropped unevaluated; every other one goes through {@link ScenarioEvaluator}, so its cost per token,
 * fleet and margin are the scenario's own economics. Stateless apart from the estimate cache; thread-safe.
 */
public final class ConfigurationSearch {
    /** Dense MoE routing (Mixtral's 8 experts) gains nothing from data-parallel attention; the engine's own rule. */
    private static final int FINE_GRAINED_EXPERTS = 16;
    private static final int MAX_FRONTIER_BATCH = 4096;

    /** Configurations one worker takes at a time: large enough that handing them out costs nothing. */
    private static final int CHUNK = 64;

    private final PerformanceModel performance;
    private final io.inferplan.engine.perf.DisaggregatedServing disaggregated;
    private final int threads;

    /** @param threads workers evaluating configurations side by side (1: the calling thread alone) */
    public ConfigurationSearch(PerformanceModel performance, int threads) {
        this.performance = performance;
        this.disaggregated = new io.inferplan.engine.perf.DisaggregatedServing(performance);
        this.threads = io.inferplan.engine.Checks.inRange("threads", threads, 1, 256);
    }

    /** The standard performance model on every core. */
    public static ConfigurationSearch standard() {
        return new ConfigurationSearch(PerformanceModel.standard(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Each configuration is evaluated once, and its projection asks for the same estimate month after month with the
     * same deployment object: remembering the last answer by identity spares hashing the whole model and
     * accelerator records on every lookup (a general cache's key), which was the search's largest single cost.
     * One per worker thread; not thread-safe.
     */
    private static final class LastEstimate implements EstimateSource {
        private final PerformanceModel model;
        private ModelSpec lastModel;
        private Deployment lastDeployment;
        private RequestShape lastRequest;
        private ServingTarget lastTarget;
        private PerformanceEstimate last;

        LastEstimate(PerformanceModel model) {
            this.model = model;
        }

        @Override
        public PerformanceEstimate estimate(ModelSpec spec, Deployment deployment, RequestShape request, ServingTarget target) {
            if (last != null && spec == lastModel && deployment == lastDeployment && target == lastTarget && request.equals(lastRequest)) {
                return last;
            }
            PerformanceEstimate estimate = model.estimate(spec, deployment, request, target);
            lastModel = spec;
            lastDeployment = deployment;
            lastRequest = request;
            lastTarget = target;
            last = estimate;
            return estimate;
        }
    }

    /** One point of the search space, before evaluation. */
    private record Point(Candidate candidate, Deployment deployment) {
    }

    /**
     * @param resolved   the scenario: its workload, targets, prices and deployment settings (utilisation, replicas,
     *                   batch limit, speculative decoding) apply to every configuration
     * @param candidates the parts to try, each with its cost
     */
    public SearchResult search(ResolvedScenario resolved, List<Candidate> candidates, SearchOptions options,
                               SearchProgress progress) {
        present("scenario", resolved);
        present("candidates", candidates);
        options = options == null ? SearchOptions.defaults() : options;
        progress = progress == null ? SearchProgress.NONE : progress;
        long start = System.nanoTime();
        ModelSpec model = resolved.model();
        List<Point> points = new ArrayList<>();
        int pruned = 0;
        for (Candidate candidate : candidates) {
            for (Deployment deployment : space(model, candidate.accelerator(), resolved.scenario().deployment(), options)) {
                if (options.prune() && weightsCannotFit(model, deployment)) {
                    pruned++;
                } else {
                    points.add(new Point(candidate, deployment));
                }
            }
        }
        Scenario scenario = resolved.scenario();
        Workload withoutTargets = withoutLatency(scenario.workload());
        RequestShape shape = Workload.shapeOf(scenario.workload().requestTokens());
        RankedConfiguration[] evaluated = new RankedConfiguration[points.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        SearchProgress report = progress;
        int[] reported = {0};
        Runnable worker = () -> {
            ScenarioEvaluator evaluator = new ScenarioEvaluator(new LastEstimate(performance));
            int reportEvery = Math.max(1, points.size() / 100);
            for (int from; !stop.get() && (from = next.getAndAdd(CHUNK)) < points.size(); ) {
                for (int i = from; i < Math.min(points.size(), from + CHUNK); i++) {
                    if (report.cancelled()) {
                        stop.set(true);
                        break;
                    }
                    evaluated[i] = evaluate(evaluator, resolved, points.get(i), withoutTargets);
                    int done = finished.incrementAndGet();
                    if (done % reportEvery == 0) {
                        // Workers finish out of order; the reader sees the share only rise.
                        synchronized (reported) {
                            if (done > reported[0]) {
                                reported[0] = done;
                                report.progress((double) done / points.size());
                            }
                        }
                    }
                }
            }
        };
        SideBySide.run(Math.min(threads, Math.max(1, (points.size() + CHUNK - 1) / CHUNK)), "configuration-search", worker, stop);
        boolean cancelled = stop.get();
        int done = finished.get();
        List<RankedConfiguration> ranked = new ArrayList<>();
        List<Deployment> feasible = new ArrayList<>();
        Map<RankedConfiguration, Deployment> deployments = new java.util.IdentityHashMap<>();
        for (int i = 0; i < evaluated.length; i++) {
            if (evaluated[i] != null) {
                ranked.add(evaluated[i]);
                feasible.add(points.get(i).deployment());
                deployments.put(evaluated[i], points.get(i).deployment());
            }
        }
        // Those evaluated and found impossible; a cancelled search never reached the rest.
        int infeasible = done - ranked.size();
        ranked.sort(RANKING);
        if (options.disaggregated() && !cancelled) {
            ranked.addAll(DisaggregatedCandidates.of(resolved, ranked, deployments, disaggregated));
            ranked.sort(RANKING);
        }
        List<FrontierPoint> frontier = options.frontier() && !cancelled ? frontier(model, shape, feasible, progress) : List.of();
        if (!cancelled) {
            progress.progress(1);
        }
        cancelled = cancelled || options.frontier() && progress.cancelled();
        return new SearchResult(done + pruned, pruned, infeasible, System.nanoTime() - start, ranked, frontier, cancelled);
    }

    /** Meeting the targets first, then cheapest per output token, then fewest GPUs, then a stable description. */
    static final Comparator<RankedConfiguration> RANKING = cheapestFirst(RankedConfiguration::costPerMillionOutputTokensUsd)
            .thenComparing(RankedConfiguration::describe);

    /**
     * The same order by the blended cost (per million tokens of the scenario's own mix): for re-sorting a search's
     * configurations, whose ties keep the search's order.
     */
    public static final Comparator<RankedConfiguration> BY_BLENDED_COST = cheapestFirst(RankedConfiguration::costPerMillionTokensBlendedUsd);

    private static Comparator<RankedConfiguration> cheapestFirst(java.util.function.ToDoubleFunction<RankedConfiguration> cost) {
        return Comparator.comparing((RankedConfiguration c) -> !c.meetsLatencyTargets())
                .thenComparingDouble(cost)
                .thenComparingInt(RankedConfiguration::gpusTotal);
    }

    /** Every deployment of the space on one part, in a fixed order. */
    static List<Deployment> space(ModelSpec model, AcceleratorSpec accelerator, DeploymentPlan base, SearchOptions options) {
        List<Precision> formats = SearchOptions.PRECISIONS.stream()
                .filter(options::allows)
                .filter(p -> p == Precision.BF16 || accelerator.supports(p))
                .toList();
        List<SpeculativeDecoding> speculative = new ArrayList<>();
        speculative.add(null);
        if (base.speculative() != null) {
            speculative.add(base.speculative());
        }
        List<Deployment> space = new ArrayList<>();
        for (ServingStack stack : StackSupport.stacksFor(accelerator.family())) {
            for (int tensor : SearchOptions.TENSOR_PARALLEL) {
                for (int pipeline : SearchOptions.PIPELINE_PARALLEL) {
                    int gpus = tensor * pipeline;
                    if (gpus > options.maxGpusPerReplica() || pipeline > model.layers()) {
                        continue;
                    }
                    for (int expert : expertParallelSizes(model, gpus)) {
                        for (AttentionParallelism attention : attentionLayouts(model, gpus, pipeline, expert)) {
                            for (Precision weights : formats) {
                                for (Precision kv : formats) {
                                    Precision activations = weights == base.weightPrecision() ? base.activationPrecision() : null;
                                    for (SpeculativeDecoding drafts : speculative) {
                                        space.add(new Deployment(accelerator, gpus, tensor, pipeline, expert, weights, kv,
                                                activations, stack, base.maxBatch(), drafts, attention));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (int gpus : wideExpertParallelSizes(model, accelerator, options)) {
                for (Precision weights : formats) {
                    for (Precision kv : formats) {
                        Precision activations = weights == base.weightPrecision() ? base.activationPrecision() : null;
                        for (SpeculativeDecoding drafts : speculative) {
                            space.add(new Deployment(accelerator, gpus, gpus, 1, gpus, weights, kv, activations, stack,
                                    base.maxBatch(), drafts, AttentionParallelism.DATA));
                        }
                    }
                }
            }
        }
        return space;
    }

    /**
     * Replica sizes beyond one node for fine-grained MoE, data-parallel attention and expert parallel = GPUs: only on
     * parts with a scale-up domain of eight or more (the engine's off-domain model is the NICs of HGX-class servers)
     * and, past that domain, a stated scale-out network (the all-to-all's off-node share goes over it); never more
     * GPUs than routed experts, nor than the options allow.
     */
    static List<Integer> wideExpertParallelSizes(ModelSpec model, AcceleratorSpec accelerator, SearchOptions options) {
        if (!model.isMoe() || model.moe().routedExperts() <= FINE_GRAINED_EXPERTS
                || accelerator.scaleUpBandwidthBytesPerSecond() <= 0 || accelerator.scaleUpDomainSize() < 8) {
            return List.of();
        }
        List<Integer> sizes = new ArrayList<>();
        for (int gpus : SearchOptions.WIDE_EXPERT_PARALLEL) {
            boolean reachable = gpus <= accelerator.scaleUpDomainSize() || accelerator.scaleOutBandwidthBytesPerSecond() > 0;
            if (gpus <= options.maxGpusPerReplica() && gpus <= model.moe().routedExperts() && reachable) {
                sizes.add(gpus);
            }
        }
        return sizes;
    }

    /** Powers of two up to the replica's GPUs (and the routed experts) for MoE; 1 for dense models. */
    private static List<Integer> expertParallelSizes(ModelSpec model, int gpus) {
        if (!model.isMoe()) {
            return List.of(1);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int expert = 1; expert <= gpus && expert <= model.moe().routedExperts(); expert *= 2) {
            sizes.add(expert);
        }
        return sizes;
    }

    /**
     * Data-parallel attention where the engine models it (fine-grained MoE, several GPUs, one pipeline stage); it
     * spreads the routed experts over every GPU of the replica, so it comes with expert parallel = GPUs only.
     */
    private static List<AttentionParallelism> attentionLayouts(ModelSpec model, int gpus, int pipeline, int expert) {
        boolean data = model.isMoe() && model.moe().routedExperts() > FINE_GRAINED_EXPERTS && gpus > 1 && pipeline == 1
                && expert == gpus;
        return data ? List.of(AttentionParallelism.TENSOR, AttentionParallelism.DATA) : List.of(AttentionParallelism.TENSOR);
    }

    /**
     * A lower bound on the weights each GPU holds, against its whole memory: the weights split evenly (or, with
     * data-parallel attention, everything but the routed experts on every GPU). Leaving out the runtime reserve,
     * activations and KV keeps the bound on the safe side: it never drops a configuration the engine would fit.
     */
    static boolean weightsCannotFit(ModelSpec model, Deployment deployment) {
        int gpus = deployment.gpusPerReplica();
        double bytesPerValue = deployment.weightPrecision().bytesPerValue();
        double perGpu = deployment.attentionParallelism() == AttentionParallelism.DATA
                ? (model.alwaysActiveParameters() + model.moe().routedExpertParameters() / gpus) * bytesPerValue
                : model.totalParameters() * bytesPerValue / gpus;
        return perGpu > deployment.accelerator().memoryBytes();
    }

    private static RankedConfiguration evaluate(ScenarioEvaluator evaluator, ResolvedScenario resolved, Point point,
                                                Workload withoutTargets) {
        Deployment deployment = point.deployment();
        DeploymentPlan base = resolved.scenario().deployment();
        DeploymentPlan plan = new DeploymentPlan(deployment.accelerator().id(), null, base.model(), base.customModel(),
                deployment.tensorParallel(), deployment.pipelineParallel(), deployment.expertParallel(),
                deployment.weightPrecision(), deployment.kvPrecision(), deployment.activationPrecision(),
                deployment.servingStack(), base.maxBatch(), deployment.speculative(), base.plannedUtilization(),
                base.minReplicas());
        Scenario scenario = resolved.scenario().withDeployment(plan).withCost(point.candidate().cost());
        try {
            ScenarioResult result = evaluator.evaluate(new ResolvedScenario(scenario, resolved.model(), deployment,
                    resolved.newGeneration()));
            // At one user within the error band the prediction itself misses the targets: ranked among those missing.
            return ranked(point, plan, result,
                    result.replica().bottleneck() != io.inferplan.engine.perf.Bottleneck.LATENCY_TARGET_WITHIN_BAND);
        } catch (InvalidInputException e) {
            if (!e.field().equals("workload.latency")) {
                return null;
            }
        }
        try {
            // Even one request alone misses the targets: kept, flagged, at what it costs with no targets at all.
            ScenarioResult result = evaluator.evaluate(new ResolvedScenario(scenario.withWorkload(withoutTargets),
                    resolved.model(), deployment, resolved.newGeneration()));
            return ranked(point, plan, result, false);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static RankedConfiguration ranked(Point point, DeploymentPlan plan, ScenarioResult result, boolean meets) {
        Deployment d = point.deployment();
        ScenarioResult.ReplicaSummary replica = result.replica();
        double tpot = replica.timePerOutputTokenSeconds();
        return new RankedConfiguration(d.accelerator().id(), d.accelerator().name(), d.gpusPerReplica(),
                result.capacity().replicas(), result.capacity().gpusRequired(), d.tensorParallel(), d.pipelineParallel(),
                d.expertParallel(), d.attentionParallelism(), d.weightPrecision(), d.kvPrecision(), d.servingStack(),
                d.speculative() != null, false, result.tokenCosts().costPerMillionOutputTokensUsd(),
                result.tokenCosts().costPerMillionInputTokensUsd(), meets, replica.timeToFirstTokenSeconds(), tpot,
                result.totals().grossMarginPercent(), replica.expectedErrorPercent(), replica.outputTokensPerSecondPerGpu(),
                tpot > 0 ? 1 / tpot : 0, point.candidate().priceSource(), plan,
                result.tokenCosts().costPerMillionTokensBlendedUsd(),
                result.capacity().gpusRequired() * kilowattsPerGpu(d.accelerator(), point.candidate().cost()));
    }

    /** One GPU's IT power: its board, plus the server's share per GPU where the fleet is owned (it is then known). */
    static double kilowattsPerGpu(io.inferplan.engine.hardware.AcceleratorSpec accelerator, io.inferplan.engine.economics.CostModel cost) {
        return cost instanceof io.inferplan.engine.economics.CostModel.Own own
                ? io.inferplan.engine.economics.GpuHourCost.itKilowattsPerGpu(own, accelerator.boardPowerWatts())
                : accelerator.boardPowerWatts() / 1000.0;
    }

    private static Workload withoutLatency(Workload w) {
        return new Workload(w.averageRequestsPerSecond(), w.peakRequestsPerSecond(), w.tokensPerDay(), w.peakToAverageRatio(),
                w.inputTokens(), w.outputTokens(), w.reasoningTokens(), w.promptCacheHitRate(), w.task(), null);
    }

    /**
     * Per part and weight precision, every feasible configuration swept over batch sizes 1, 2, 4... until memory
     * runs out, keeping the points no other point of the group beats on both axes (the chart InferenceX draws).
     */
    private List<FrontierPoint> frontier(ModelSpec model, RequestShape shape, List<Deployment> feasible, SearchProgress progress) {
        Map<String, List<FrontierPoint>> groups = new LinkedHashMap<>();
        for (Deployment deployment : feasible) {
            if (progress.cancelled()) {
                return List.of();
            }
            String label = deployment.accelerator().id() + " " + deployment.weightPrecision().id();
            List<FrontierPoint> group = groups.computeIfAbsent(label, k -> new ArrayList<>());
            String description = describe(deployment);
            for (int batch = 1; batch <= MAX_FRONTIER_BATCH; batch *= 2) {
                PerformanceEstimate estimate;
                try {
                    estimate = performance.estimate(model, deployment, shape, new ServingTarget.FixedBatch(batch));
                } catch (InvalidInputException e) {
                    break;
                }
                if (estimate.batch() < batch) {
                    // More users than the replica holds queue behind a full batch: the same figures again, not worth the estimates.
                    break;
                }
                group.add(new FrontierPoint(deployment.accelerator().id(), deployment.weightPrecision(), batch,
                        estimate.outputTokensPerSecondPerUser(), estimate.outputTokensPerSecondPerGpu(), description));
            }
        }
        List<FrontierPoint> frontier = new ArrayList<>();
        for (List<FrontierPoint> group : groups.values()) {
            frontier.addAll(nonDominated(group));
        }
        return frontier;
    }

    /** Sorted by speed per user, fastest first; a point stays if it has more throughput per GPU than every faster one. */
    static List<FrontierPoint> nonDominated(List<FrontierPoint> points) {
        List<FrontierPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(FrontierPoint::outputTokensPerSecondPerUser).reversed()
                .thenComparing(Comparator.comparingDouble(FrontierPoint::outputTokensPerSecondPerGpu).reversed()));
        List<FrontierPoint> kept = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (FrontierPoint point : sorted) {
            if (point.outputTokensPerSecondPerGpu() > best) {
                kept.add(point);
                best = point.outputTokensPerSecondPerGpu();
            }
        }
        return kept;
    }

    private static String describe(Deployment d) {
        return "TP" + d.tensorParallel() + (d.pipelineParallel() > 1 ? " PP" + d.pipelineParallel() : "")
                + (d.expertParallel() > 1 ? " EP" + d.expertParallel() : "")
                + (d.attentionParallelism() == AttentionParallelism.DATA ? " DP-attn" : "")
                + " kv " + d.kvPrecision().id() + " " + d.servingStack().displayName()
                + (d.speculative() != null ? " spec" : "");
    }
}
