package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelSpec;
import java.util.Locale;

/**
 * Roofline model of LLM serving under continuous batching, with efficiency factors per accelerator family and
 * serving stack (see docs/performance-model.md).
 *
 * <p>One engine iteration decodes one token for every sequence in the batch: its time is the larger of the
 * matrix work and the bytes it must read (weights, for MoE only the experts the batch touches, plus every
 * sequence's KV cache), plus tensor/expert-parallel communication and fixed per-step and per-layer costs.
 * In steady state, for each token generated the replica also prefills 1/output of a request, so the
 * cycle time is the decode step plus that prefill compute. Stateless and thread-safe.
 */
public final class PerformanceModel {
    private static final PerformanceModel STANDARD = new PerformanceModel(EfficiencyTable.bundled());

    private static final double EXTRAPOLATION_ERROR_PERCENT = 10;
    private static final double ARCHITECTURE_ERROR_PERCENT = 15;
    private static final int FINE_GRAINED_EXPERTS = 16;
    /** Midpoint-rule steps for the attention-DP balance hold: over the span that matters, 32 keep it within 1%. */
    private static final int BALANCE_QUADRATURE_STEPS = 32;
    /** The chance of a rank still without a prompt below which the hold's integral stops. */
    private static final double BALANCE_NEGLIGIBLE_CHANCE = 1e-6;
    /** The prefill queue's load is capped below 1: a closed loop cannot overload it, it only slows its users. */
    static final double MAX_PREFILL_LOAD = 0.9;
    private static final int CLOSED_LOOP_ITERATIONS = 16;
    private static final double CONVERGED_SHARE = 1e-4;
    /** A band measured on fewer held-out rows than this is not trusted on its own. */
    private static final int MIN_BAND_ROWS = 8;
    /** Added where the regime was not measured for this family and stack, only others. */
    private static final double OTHER_REGIME_ERROR_PERCENT = 10;
    /** Added where the stack was not measured on this family, only others. */
    private static final double OTHER_STACK_ERROR_PERCENT = 15;
    /** TTFT and TPOT band where nothing at all was measured for the family. */
    private static final double UNMEASURED_LATENCY_ERROR_PERCENT = 60;

    private final EfficiencyTable efficiencies;

    public PerformanceModel(EfficiencyTable efficiencies) {
        this.efficiencies = efficiencies;
    }

    public static PerformanceModel standard() {
        return STANDARD;
    }

    public EfficiencyTable efficiencies() {
        return efficiencies;
    }

    /** The error band for this hardware and stack, without running an estimate. */
    public ErrorBand errorBand(AcceleratorSpec accelerator, ServingStack stack) {
        return efficiencies.resolve(accelerator.family(), stack).errorBand();
    }

    /**
     * The replica's steady-state operating point for this model, deployment, request shape and target.
     *
     * @throws ConfigurationDoesNotFitException when the weights or one sequence do not fit, or a fixed batch is too large
     * @throws InvalidInputException when an interactivity or latency target cannot be met at any batch
     */
    public PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target) {
        EfficiencyTable.Resolved resolved = efficiencies.resolve(deployment.accelerator().family(), deployment.servingStack());
        ErrorBand band = widenedForModel(widenedForTarget(resolved.errorBand(), target), model);
        return estimate(model, deployment, request, target, resolved.profile(), band);
    }

    /**
     * How far to trust each figure of {@code estimate}: throughput as {@link PerformanceEstimate#errorBand()}, TTFT and
     * TPOT from the cross-validated residuals of published latency measurements for this family, stack and regime,
     * widened where that regime or stack was not measured.
     */
    public ErrorBands errorBands(ModelSpec model, Deployment deployment, PerformanceEstimate estimate) {
        OperatingRegime regime = OperatingRegime.of(model, estimate.batch());
        return new ErrorBands(estimate.errorBand(), latencyBand(deployment, PredictedMetric.TTFT, regime),
                latencyBand(deployment, PredictedMetric.TPOT, regime));
    }

    ErrorBand latencyBand(Deployment deployment, PredictedMetric metric, OperatingRegime regime) {
        var family = deployment.accelerator().family();
        ServingStack stack = deployment.servingStack();
        String what = metric.name() + " on " + family.displayName() + " with " + stack.displayName();
        var exact = efficiencies.band(family, stack, metric, regime);
        if (exact.isPresent() && exact.get().rows() >= MIN_BAND_ROWS) {
            var b = exact.get();
            return new ErrorBand(b.p80AbsErrorPercent(), b.rows(), "80% of " + b.rows() + " held-out " + what + " predictions ("
                    + regime.describe() + ") were within " + Math.round(b.p80AbsErrorPercent()) + "%");
        }
        var sameStack = efficiencies.widestBand(family, stack, metric);
        if (sameStack.isPresent()) {
            var b = sameStack.get();
            return new ErrorBand(b.p80AbsErrorPercent(), 0, "no held-out " + what + " in this regime (" + regime.describe()
                    + "); the widest measured regime's band (" + Math.round(b.p80AbsErrorPercent()) + "%)")
                    .widened(OTHER_REGIME_ERROR_PERCENT, "this regime was not measured");
        }
        var otherStack = efficiencies.widestBand(family, null, metric);
        if (otherStack.isPresent()) {
            var b = otherStack.get();
            return new ErrorBand(b.p80AbsErrorPercent(), 0, "no " + what + " measured; the widest band of "
                    + b.servingStack().displayName() + " (" + Math.round(b.p80AbsErrorPercent()) + "%)")
                    .widened(OTHER_STACK_ERROR_PERCENT, "this stack was not measured on this family");
        }
        return new ErrorBand(UNMEASURED_LATENCY_ERROR_PERCENT, 0, "no " + metric.name() + " measurement on " + family.displayName()
                + ": physics with borrowed efficiencies");
    }

    /**
     * The measurements behind the fitted profiles are dense GQA models and an 8-expert MoE; latent attention,
     * fine-grained MoE (dozens to hundreds of experts, expert traffic that depends on routing), sparse attention and
     * linear-attention layers are predicted from physics alone, so their band is wider.
     */
    static ErrorBand widenedForModel(ErrorBand band, ModelSpec model) {
        java.util.List<String> uncovered = new java.util.ArrayList<>();
        if (model.attention() == io.inferplan.engine.model.AttentionKind.MLA) {
            uncovered.add("latent attention");
        }
        if (model.isMoe() && model.moe().routedExperts() > FINE_GRAINED_EXPERTS) {
            uncovered.add("fine-grained MoE");
        }
        // Modelled from the architecture (top-k KV reads plus the indexer; a fixed state per sequence), never measured.
        if (model.hasSparseAttention()) {
            uncovered.add("sparse attention");
        }
        if (model.hasLinearAttention()) {
            uncovered.add("linear-attention layers");
        }
        if (uncovered.isEmpty()) {
            return band;
        }
        String what = uncovered.size() == 1 ? uncovered.get(0)
                : String.join(", ", uncovered.subList(0, uncovered.size() - 1)) + " and " + uncovered.get(uncovered.size() - 1);
        return band.widened(ARCHITECTURE_ERROR_PERCENT, "no measurement covers " + what);
    }

    /**
     * The calibration data are highest-throughput runs; small-batch and latency-bound operating points lean on
     * the fitted overheads outside the range they were fitted in, so their band is wider.
     */
    static ErrorBand widenedForTarget(ErrorBand band, ServingTarget target) {
        if (target instanceof ServingTarget.Offline || band.measurementCount() == 0) {
            return band;
        }
        return band.widened(EXTRAPOLATION_ERROR_PERCENT,
                "the measurements are highest-throughput runs and this operating point is latency-bound");
    }

    /** Same, with an explicit efficiency profile (used when fitting profiles to measurements). */
    public PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target,
                                        EfficiencyProfile profile, ErrorBand errorBand) {
        if (deployment.attentionParallelism() != AttentionParallelism.AUTO) {
            return estimateLayout(model, deployment, request, target, profile, errorBand);
        }
        Deployment tensor = deployment.withAttentionParallelism(AttentionParallelism.TENSOR);
        if (!prefersDataParallelAttention(model, deployment)) {
            return estimateLayout(model, tensor, request, target, profile, errorBand);
        }
        // Fine-grained MoE: serving stacks offer both layouts; take the one that serves more.
        PerformanceEstimate byTensor = null;
        InvalidInputException tensorFailure = null;
        try {
            byTensor = estimateLayout(model, tensor, request, target, profile, errorBand);
        } catch (InvalidInputException e) {
            tensorFailure = e;
        }
        try {
            PerformanceEstimate byData = estimateLayout(model, deployment.withAttentionParallelism(AttentionParallelism.DATA),
                    request, target, profile, errorBand);
            return byTensor == null || byData.outputTokensPerSecond() > byTensor.outputTokensPerSecond() ? byData : byTensor;
        } catch (InvalidInputException e) {
            if (byTensor == null) {
                throw tensorFailure;
            }
            return byTensor;
        }
    }

    /** Fine-grained MoE on several GPUs is where data-parallel attention with expert parallelism pays. */
    static boolean prefersDataParallelAttention(ModelSpec model, Deployment deployment) {
        return model.isMoe() && model.moe().routedExperts() > FINE_GRAINED_EXPERTS && deployment.gpusPerReplica() > 1
                && deployment.pipelineParallel() == 1;
    }

    private PerformanceEstimate estimateLayout(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target,
                                               EfficiencyProfile profile, ErrorBand errorBand) {
        ReplicaLayout layout = new ReplicaLayout(model, deployment, profile);
        MemoryFit memory = memoryFit(layout, request);
        int engineLimit = deployment.maxBatch() > 0 ? deployment.maxBatch() : profile.defaultMaxBatch();
        int largestBatch = Math.min(memory.maxBatchByMemory(), engineLimit);

        int batch;
        // Set where the target, not the physics, decides what limits the replica.
        Bottleneck limitedByTarget = null;
        // A closed loop of more users than the replica holds: the rest queue for a slot (0: none queue).
        int queuedUsers = 0;
        switch (target) {
            case ServingTarget.Offline offline -> batch = largestBatch;
            case ServingTarget.FixedBatch fixed -> {
                batch = fixed.concurrentRequests();
                if (batch > largestBatch) {
                    queuedUsers = batch;
                    batch = largestBatch;
                    limitedByTarget = largestBatch == memory.maxBatchByMemory() ? Bottleneck.MEMORY_CAPACITY
                            : Bottleneck.ENGINE_BATCH_LIMIT;
                }
            }
            case ServingTarget.Interactivity interactivity -> {
                double maxTpot = 1.0 / interactivity.minOutputTokensPerSecondPerUser();
                batch = largestBatchMeeting(layout, request, largestBatch, maxTpot, 0);
                if (batch == 0) {
                    SingleUser single = singleUser(model, deployment, layout, request);
                    if (!single.withinBands(0, maxTpot)) {
                        throw new InvalidInputException("minTokensPerSecondPerUser", String.format(Locale.ROOT,
                                "%.0f tokens/s per user cannot be reached on this deployment: even one user alone gets %.0f tokens/s "
                                        + "(and the prediction's error band is %.0f%%)",
                                interactivity.minOutputTokensPerSecondPerUser(), 1.0 / single.cycle().timePerOutputTokenSeconds(),
                                single.tpotBandPercent()));
                    }
                    batch = 1;
                    limitedByTarget = Bottleneck.LATENCY_TARGET_WITHIN_BAND;
                } else if (batch < largestBatch) {
                    limitedByTarget = Bottleneck.LATENCY_TARGET;
                }
            }
            case ServingTarget.LatencyTargets latency -> {
                batch = largestBatchMeeting(layout, request, largestBatch, latency.maxTimePerOutputTokenSeconds(),
                        latency.maxTimeToFirstTokenSeconds());
                if (batch == 0) {
                    SingleUser single = singleUser(model, deployment, layout, request);
                    if (!single.withinBands(latency.maxTimeToFirstTokenSeconds(), latency.maxTimePerOutputTokenSeconds())) {
                        throw new InvalidInputException("latency", String.format(Locale.ROOT,
                                "targets cannot be met on this deployment: even one request alone has a TTFT of %.0f ms and a TPOT "
                                        + "of %.1f ms (error bands %.0f%% and %.0f%%)",
                                single.cycle().timeToFirstTokenSeconds() * 1e3, single.cycle().timePerOutputTokenSeconds() * 1e3,
                                single.ttftBandPercent(), single.tpotBandPercent()));
                    }
                    batch = 1;
                    limitedByTarget = Bottleneck.LATENCY_TARGET_WITHIN_BAND;
                } else if (batch < largestBatch) {
                    limitedByTarget = Bottleneck.LATENCY_TARGET;
                }
            }
        }

        boolean closedLoop = !(target instanceof ServingTarget.Offline);
        Cycle cycle = cycle(layout, request, batch, closedLoop);
        double outputTokensPerSecond = cycle.decodingSequences() * cycle.tokensPerStep() / cycle.cycleSeconds();
        double requestsPerSecond = outputTokensPerSecond / request.outputTokens();
        Bottleneck limitedBy = limitedByTarget != null ? limitedByTarget
                : bottleneck(cycle, batch, memory.maxBatchByMemory(), engineLimit);
        return new PerformanceEstimate(
                batch,
                outputTokensPerSecond,
                outputTokensPerSecond / layout.gpus,
                requestsPerSecond,
                queuedUsers > 0 ? queuedTimeToFirstToken(cycle, request, queuedUsers, requestsPerSecond) : cycle.timeToFirstTokenSeconds(),
                cycle.timePerOutputTokenSeconds(),
                1.0 / cycle.timePerOutputTokenSeconds(),
                cycle.prefillSeconds() / cycle.cycleSeconds(),
                cycle.stepSeconds(),
                cycle.prefillSecondsPerRequest(),
                limitedBy,
                memory,
                errorBand,
                deployment.attentionParallelism() == AttentionParallelism.DATA && layout.dataParallelAttention
                        ? AttentionParallelism.DATA : AttentionParallelism.TENSOR);
    }

    /**
     * One user alone on the deployment, and how far off the prediction of each latency may be there (the latency-bound
     * bands, in percent): a target beyond the predicted single-user figure by less than its band is one measured
     * systems reach.
     */
    private record SingleUser(Cycle cycle, double ttftBandPercent, double tpotBandPercent) {
        /** Whether each limit (0: none) is at least the single-user figure shrunk by its band. */
        boolean withinBands(double maxTtftSeconds, double maxTpotSeconds) {
            return (maxTpotSeconds <= 0 || cycle.timePerOutputTokenSeconds() <= maxTpotSeconds * (1 + tpotBandPercent / 100))
                    && (maxTtftSeconds <= 0 || cycle.timeToFirstTokenSeconds() <= maxTtftSeconds * (1 + ttftBandPercent / 100));
        }
    }

    private SingleUser singleUser(ModelSpec model, Deployment deployment, ReplicaLayout layout, RequestShape request) {
        OperatingRegime alone = OperatingRegime.of(model, 1);
        return new SingleUser(cycle(layout, request, 1, true),
                latencyBand(deployment, PredictedMetric.TTFT, alone).expectedErrorPercent(),
                latencyBand(deployment, PredictedMetric.TPOT, alone).expectedErrorPercent());
    }

    /**
     * A closed loop of more users than the replica can run at once (its KV cache or the stack's sequence limit): the
     * server queues the rest, as vLLM, SGLang and TensorRT-LLM do. {@code cycle} is the running batch's full closed
     * loop; requests complete at its rate X, so each of the {@code users} cycles once per users / X and the time not
     * spent decoding is spent waiting for a slot and then the first token: TTFT = users / X - D.
     */
    private static double queuedTimeToFirstToken(Cycle cycle, RequestShape request, int users, double requestsPerSecond) {
        double decodeSeconds = Math.max(0, request.outputTokens() - 1) * cycle.timePerOutputTokenSeconds();
        return Math.max(cycle.timeToFirstTokenSeconds(), users / requestsPerSecond - decodeSeconds);
    }

    /** Weights, runtime and KV against the GPU's memory; the largest batch that fits at full context. */
    static MemoryFit memoryFit(ReplicaLayout layout, RequestShape request) {
        AcceleratorSpec accelerator = layout.deployment.accelerator();
        double memoryBytes = accelerator.memoryBytes();
        double reserve = ReplicaLayout.runtimeReserveBytes(memoryBytes);
        double activations = layout.activationBytesPerGpu();
        double spare = memoryBytes - layout.weightBytesPerGpu - reserve - activations;
        if (spare <= 0) {
            throw new ConfigurationDoesNotFitException(String.format(Locale.ROOT,
                    "the model does not fit: %.1f GB of weights plus %.1f GB of runtime and activations per GPU, "
                            + "but %s has %.1f GB (short by %.1f GB per GPU; use more GPUs or a smaller precision)",
                    layout.weightBytesPerGpu / 1e9, (reserve + activations) / 1e9, accelerator.name(), memoryBytes / 1e9, -spare / 1e9),
                    -spare);
        }
        double kvBudget = spare * layout.efficiency.kvMemoryFraction();
        double reservedContext = request.inputTokens()
                + Math.max(0.5, layout.efficiency.kvReservedOutputFraction()) * request.outputTokens();
        double kvPerSequence = layout.kvBytesPerGpu(reservedContext);
        int maxBatch = (int) Math.min(Integer.MAX_VALUE / 2, Math.floor(kvBudget / kvPerSequence));
        if (maxBatch < 1) {
            throw new ConfigurationDoesNotFitException(String.format(Locale.ROOT,
                    "one sequence of %.0f tokens needs %.1f GB of KV cache per GPU but only %.1f GB is left after the weights "
                            + "(short by %.1f GB per GPU)",
                    reservedContext, kvPerSequence / 1e9, kvBudget / 1e9, (kvPerSequence - kvBudget) / 1e9),
                    kvPerSequence - kvBudget);
        }
        return new MemoryFit(memoryBytes, layout.weightBytesPerGpu, reserve, activations, kvBudget, kvPerSequence, maxBatch);
    }

    /** Largest batch up to {@code upper} whose TPOT and TTFT stay within the limits (0 = no limit); 0 if none. */
    private static int largestBatchMeeting(ReplicaLayout layout, RequestShape request, int upper, double maxTpot, double maxTtft) {
        int low = 0;
        int high = upper;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            Cycle cycle = cycle(layout, request, mid, true);
            boolean meets = (maxTpot <= 0 || cycle.timePerOutputTokenSeconds() <= maxTpot)
                    && (maxTtft <= 0 || cycle.timeToFirstTokenSeconds() <= maxTtft);
            if (meets) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * The time parts of one steady-state cycle: a decode iteration of the whole batch plus the prefill work
     * that keeps the batch full.
     */
    record Cycle(
            double computeSeconds,
            double memorySeconds,
            double communicationSeconds,
            double overheadSeconds,
            double stepSeconds,
            double prefillSeconds,
            double prefillSecondsPerRequest,
            double tokensPerStep,
            double cycleSeconds,
            double timeToFirstTokenSeconds,
            double decodingSequences) {

        double timePerOutputTokenSeconds() {
            return cycleSeconds / tokensPerStep;
        }
    }

    /** A cycle with {@code batch} sequences decoding (the offline case: the engine always has work queued). */
    static Cycle cycle(ReplicaLayout layout, RequestShape request, int batch) {
        return cycle(layout, request, batch, false);
    }

    /**
     * The steady-state cycle of {@code batch} concurrent requests. Offline, all of them decode every iteration and
     * the prefill that keeps the batch full is spread over the iterations. In a closed loop of {@code batch} users
     * (benchmarks at fixed concurrency, interactive users), a user waiting for its first token is not decoding: only
     * batch x D / (TTFT + D) sequences decode, D being the decode time of one request, and prefill takes the share of
     * time batch x prefill / (TTFT + D). Both depend on the step time, so the few iterations below find the
     * consistent point (it converges in two or three).
     */
    static Cycle cycle(ReplicaLayout layout, RequestShape request, int batch, boolean closedLoop) {
        double tokensPerStep = layout.tokensPerStep;

        double newTokens = request.uncachedInputTokens();
        double prefillContext = request.inputTokens() - newTokens / 2;
        double prefillCompute = layout.prefillComputeSeconds(newTokens, prefillContext);
        double prefillPerRequest = prefillCompute + layout.communicationSeconds(newTokens) + layout.prefillLaunchSeconds(newTokens);
        double decodeSteps = Math.max(1.0, (request.outputTokens() - 1) / tokensPerStep);

        double decoding = batch;
        Step step = step(layout, request, decoding);
        // Offline: batch x tokensPerStep / output requests finish per iteration and as many start.
        double prefillSeconds = batch * tokensPerStep / request.outputTokens() * prefillPerRequest;
        double cycleSeconds = step.seconds() + prefillSeconds;
        double timeToFirstToken = timeToFirstToken(layout, request, batch, newTokens, prefillCompute, prefillPerRequest, step.seconds(),
                cycleSeconds / tokensPerStep);
        double prefillLoad = 0;
        double lastMove = 0;
        boolean damped = false;
        for (int iteration = 0; closedLoop && batch > 1 && iteration < CLOSED_LOOP_ITERATIONS; iteration++) {
            double decodeSeconds = decodeSteps * cycleSeconds;
            double userCycle = timeToFirstToken + decodeSeconds;
            double previous = decoding;
            double impliedDecoding = Math.max(1.0, batch * decodeSeconds / userCycle);
            double impliedLoad = Math.min(MAX_PREFILL_LOAD, batch * prefillPerRequest / userCycle);
            // Where prefill is a large share the plain iteration overshoots: a short cycle implies a heavy prefill
            // load, which lengthens the cycle, which implies a light load, and so on, ending wherever the count
            // stops (a saturated Qwen3-32B loop on two H100s alternated between 10% and 62% of time decoding).
            // Once the count turns back, moving halfway each time settles on the consistent point instead; until
            // then full steps keep the usual two or three iterations.
            double move = impliedDecoding - decoding;
            damped |= iteration > 1 && move * lastMove < 0;
            lastMove = move;
            double share = iteration == 0 || !damped ? 1.0 : 0.5;
            decoding += share * move;
            prefillLoad += share * (impliedLoad - prefillLoad);
            // Converged (the decoding count moved by under 0.01%): the remaining iterations would change nothing
            // a caller sees, and each costs a full step evaluation.
            if (iteration > 0 && Math.abs(decoding - previous) <= CONVERGED_SHARE * decoding) {
                decoding = previous;
                break;
            }
            step = step(layout, request, decoding);
            cycleSeconds = step.seconds() / (1 - prefillLoad);
            prefillSeconds = cycleSeconds - step.seconds();
            timeToFirstToken = timeToFirstToken(layout, request, batch, newTokens, prefillCompute, prefillPerRequest, step.seconds(),
                    cycleSeconds / tokensPerStep);
        }
        int stages = layout.pipelineParallel;
        return new Cycle(stages * step.computeSeconds() + prefillSeconds, stages * step.memorySeconds(),
                stages * step.communicationSeconds(), step.overheadSeconds(), step.seconds(), prefillSeconds, prefillPerRequest,
                tokensPerStep, cycleSeconds, timeToFirstToken, decoding);
    }

    /** One decode iteration of {@code sequences} sequences, by parts (compute, memory, communication per stage). */
    record Step(double computeSeconds, double memorySeconds, double communicationSeconds, double overheadSeconds, double seconds) {
    }

    static Step step(ReplicaLayout layout, RequestShape request, double sequences) {
        return step(layout, sequences, request.inputTokens() + request.outputTokens() / 2);
    }

    /** One decode iteration at a mean context of {@code context} tokens (the serving simulator's step too). */
    static Step step(ReplicaLayout layout, double sequences, double context) {
        Deployment deployment = layout.deployment;
        EfficiencyProfile efficiency = layout.efficiency;
        SpeculativeDecoding speculative = deployment.speculative();
        double verifiedPerSequence = speculative == null ? 1 : speculative.draftTokens() + 1;
        int stages = layout.pipelineParallel;

        // Each pipeline stage runs a micro-batch of sequences/stages sequences; a token crosses every stage.
        double microBatch = Math.max(1.0, sequences / stages);
        double tokens = microBatch * verifiedPerSequence;
        double matrixCompute = layout.matrixFlopsPerGpu(tokens) / layout.decodeFlopsPerSecond;
        double attentionCompute = layout.attentionFlopsPerGpu(tokens, context) / layout.decodeAttentionFlopsPerSecond;
        double weightRead = layout.weightBytesReadPerGpu(tokens) / layout.memoryBytesPerSecond;
        double kvRead = microBatch * layout.kvBytesReadPerGpu(context) / layout.kvBytesPerSecond;
        double compute = matrixCompute + attentionCompute;
        double memory = weightRead + kvRead;
        double communication = layout.communicationSeconds(tokens);
        double stageSeconds = Math.max(matrixCompute, weightRead) + Math.max(attentionCompute, kvRead) + communication
                + layout.layerOverheadSeconds();
        double draftSeconds = speculative == null ? 0 : speculative.draftCostFraction() * stageSeconds * stages;
        // With data-parallel attention each attention rank schedules and samples its own sequences, side by side.
        double sequencesPerScheduler = layout.dataParallelAttention ? sequences / layout.gpus : sequences;
        double perIteration = efficiency.stepOverheadSeconds() + sequencesPerScheduler * efficiency.sequenceOverheadSeconds();
        double overhead = perIteration + stages * layout.layerOverheadSeconds() + draftSeconds;
        double gpuSeconds = stages * stageSeconds + perIteration + draftSeconds;
        // An overlap scheduler prepares the next iteration on the host while the GPU runs this one: the iteration
        // waits for whichever finishes last.
        double hostSeconds = sequencesPerScheduler * efficiency.hostSequenceSeconds();
        if (hostSeconds > gpuSeconds) {
            return new Step(compute, memory, communication, overhead + hostSeconds - gpuSeconds, hostSeconds);
        }
        return new Step(compute, memory, communication, overhead, gpuSeconds);
    }

    /**
     * Mean time to first token that a closed loop of {@code batch} users sees (how vLLM bench, aiperf and genai-perf
     * measure): the stack's fixed per-request cost; the request's own prefill, one iteration per prefill-budget chunk,
     * each iteration also decoding the running batch (in-flight batching, chunked prefill); half an iteration of
     * waiting for the one in progress; and a share of the other users' prefills queued ahead of it. With identical
     * request lengths a closed loop stays partly in step (users that started together finish together), so new
     * requests arrive in clumps rather than spread evenly; {@code prefillQueueShare} is how much of that clumping
     * the stack's scheduler leaves (fitted per accelerator family and stack).
     */
    static double timeToFirstToken(ReplicaLayout layout, RequestShape request, int batch, double newTokens, double prefillCompute,
                                   double prefillPerRequest, double stepSeconds, double timePerOutputTokenSeconds) {
        EfficiencyProfile efficiency = layout.efficiency;
        double chunks = Math.max(1.0, Math.ceil(newTokens / layout.prefillTokenBudget));
        double ownPrefill = ownPrefillSeconds(layout, newTokens, prefillCompute);
        // The other users' decode work shares every iteration the prefill runs in; alone, a request has none.
        double othersShare = (batch - 1.0) / batch;
        double decodeAlongside = othersShare * (chunks + 0.5) * stepSeconds;
        double coherence = efficiency.queueCoherenceOutputTokens() / (efficiency.queueCoherenceOutputTokens() + request.outputTokens());
        double clumped = efficiency.prefillQueueShare() * coherence * (batch - 1.0) / 2.0 * prefillPerRequest;
        // Host work per prompt token (tokenising, hashing KV blocks) does not shrink with more GPUs.
        double host = efficiency.requestOverheadSeconds() + efficiency.promptTokenOverheadSeconds() * request.inputTokens();
        double iterationSeconds = timePerOutputTokenSeconds * layout.tokensPerStep;
        double admission = efficiency.admissionIterations() * iterationSeconds;
        // TPOT with the prefill stalls in it: the bare decode step would shorten the cycle and overstate the load.
        double decodeSeconds = request.outputTokens() * timePerOutputTokenSeconds;
        double unqueued = host + ownPrefill + decodeAlongside + clumped + admission;
        // The users' prompts reach the ranks at the rate of their cycle without the hold.
        unqueued += attentionDpBalanceSeconds(layout, batch, iterationSeconds, unqueued + decodeSeconds);
        // Beyond the clumps, requests queue for the prefill work as in an M/D/1 queue whose load is the share of
        // time the replica spends prefilling: each user sends one request per TTFT + output x TPOT.
        double userCycle = unqueued + decodeSeconds;
        double load = Math.min(MAX_PREFILL_LOAD, (batch - 1.0) * prefillPerRequest / userCycle);
        return unqueued + load / (2 * (1 - load)) * prefillPerRequest;
    }

    /**
     * The mean time a new prompt is held by a scheduler that balances data-parallel attention ranks
     * ({@link SchedulerDefaults#attentionDpBalanceTimeoutIterations}): its counter runs whether or not prompts wait, so
     * a prompt arriving at a random moment waits for the next timeout, uniformly 0 to the full timeout, unless every
     * other rank receives a prompt first (users send theirs independently: the other {@code batch - 1} users' prompts
     * spread over the other ranks, each user's once per cycle). No fitted factor: the timeout is the recipes' setting, the rest is the closed loop's arrival rate.
     */
    static double attentionDpBalanceSeconds(ReplicaLayout layout, int batch, double iterationSeconds, double userCycleSeconds) {
        int timeout = SchedulerDefaults.attentionDpBalanceTimeoutIterations(layout.deployment.servingStack());
        if (timeout == 0 || !layout.dataParallelAttention || userCycleSeconds <= 0) {
            return 0;
        }
        int otherRanks = layout.gpus - 1;
        double timeoutSeconds = timeout * iterationSeconds;
        // The other ranks' prompts come from the other users: a lone user's prompt finds no rank to wait for and is held
        // until the counter runs out (half the timeout on average).
        double arrivalsPerRankPerSecond = (batch - 1.0) / otherRanks / userCycleSeconds;
        // Mean over the arrival phase r (uniform on the timeout) of the time held, min(r, time until all others have
        // a prompt): the integral of the probability that some other rank is still without one. Beyond the time by
        // which every other rank has one but for a 1e-6 chance, nothing is left to integrate; busy ranks get there
        // long before the timeout, so the steps cover only that span.
        double span = Math.min(timeoutSeconds, Math.log(otherRanks / BALANCE_NEGLIGIBLE_CHANCE) / arrivalsPerRankPerSecond);
        int steps = BALANCE_QUADRATURE_STEPS;
        double held = 0;
        for (int i = 0; i < steps; i++) {
            double s = (i + 0.5) / steps * span;
            double noneYet = Math.exp(-arrivalsPerRankPerSecond * s);
            double someRankWaiting = 1 - Math.pow(1 - noneYet, otherRanks);
            // A prompt held at s is still held for every arrival phase r > s: a share (timeout - s) / timeout of them.
            held += someRankWaiting * (timeoutSeconds - s) / timeoutSeconds;
        }
        return held * span / steps;
    }

    /**
     * One request's own prefill as it runs: the larger of its compute and reading the weights once per prefill-budget
     * chunk (a short prompt on a large model is bound by the weights, not by its FLOPs), plus collectives and the
     * per-layer and per-chunk costs on every stage.
     */
    static double ownPrefillSeconds(ReplicaLayout layout, double newTokens, double prefillCompute) {
        double budget = layout.prefillTokenBudget;
        double chunks = Math.max(1.0, Math.ceil(newTokens / budget));
        double prefillMemory = chunks * layout.weightBytesReadPerGpu(Math.min(newTokens, budget)) / layout.memoryBytesPerSecond;
        return Math.max(prefillCompute, prefillMemory)
                + layout.pipelineParallel * (layout.communicationSeconds(newTokens)
                        + chunks * (layout.layerOverheadSeconds() + layout.prefillChunkOverheadSeconds()));
    }

    private static Bottleneck bottleneck(Cycle cycle, int batch, int memoryLimit, int engineLimit) {
        double roofline = Math.max(cycle.computeSeconds(), cycle.memorySeconds());
        if (cycle.communicationSeconds() > roofline && cycle.communicationSeconds() > cycle.overheadSeconds()) {
            return Bottleneck.COMMUNICATION;
        }
        if (cycle.overheadSeconds() > roofline) {
            return Bottleneck.FIXED_OVERHEAD;
        }
        if (cycle.computeSeconds() >= cycle.memorySeconds()) {
            return Bottleneck.COMPUTE;
        }
        if (batch == memoryLimit) {
            return Bottleneck.MEMORY_CAPACITY;
        }
        if (batch == engineLimit) {
            return Bottleneck.ENGINE_BATCH_LIMIT;
        }
        return Bottleneck.MEMORY_BANDWIDTH;
    }
}
