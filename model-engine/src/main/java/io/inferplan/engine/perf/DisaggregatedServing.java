package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.ModelSpec;
import java.util.Locale;

/**
 * Disaggregated prefill/decode serving from the same physics and fitted profiles as aggregated serving
 * ({@link PerformanceModel}); no factor of its own. The decode pool runs decode steps only (no prompt stalls them:
 * the point of disaggregation), the prefill pool runs prompts only, and each request's KV cache crosses between
 * them ({@link KvTransfer}). A request's TTFT is host work + waiting for a prefill worker + its own prefill + the KV
 * transfer + the decode worker's first step. Stateless and thread-safe.
 */
public final class DisaggregatedServing {
    private static final DisaggregatedServing STANDARD = new DisaggregatedServing(PerformanceModel.standard());
    private static final int CLOSED_LOOP_ITERATIONS = 12;
    /** Below this many held-out disaggregated rows a (family, stack, metric) band is not trusted on its own. */
    private static final int MIN_BAND_ROWS = 8;
    /** Added to the aggregated latency band where no disaggregated row of this family and stack was measured. */
    static final double UNMEASURED_DISAGGREGATED_POINTS = 15;

    private final PerformanceModel performance;

    public DisaggregatedServing(PerformanceModel performance) {
        this.performance = performance;
    }

    public static DisaggregatedServing standard() {
        return STANDARD;
    }

    /** The two pools' physics for one request shape: what every evaluation below needs, computed once. */
    private final class Pools {
        final ReplicaLayout prefill;
        final ReplicaLayout decode;
        final MemoryFit decodeMemory;
        final int maxBatchPerDecodeWorker;
        final double tokensPerStep;
        final double decodeSteps;
        /** Prefill-worker seconds each request occupies (its compute, collectives and launch share): the pool's cost. */
        final double prefillServiceSeconds;
        /** What a request waits for outside any queue: host work, its own prefill and the KV transfer. */
        final double unqueuedSeconds;
        final double ownPrefillSeconds;
        final double kvTransferSeconds;
        final double clumpedShare;
        final RequestShape request;

        Pools(ModelSpec model, DisaggregatedDeployment deployment, RequestShape request) {
            this.request = request;
            this.prefill = layout(model, deployment.prefill());
            this.decode = layout(model, deployment.decode());
            PerformanceModel.memoryFit(prefill, request);
            this.decodeMemory = PerformanceModel.memoryFit(decode, request);
            // As a fixed batch of an aggregated replica: the KV cache bounds it, and the deployment's own limit where it
            // sets one (the stack's default would cap a data-parallel worker, whose limit is per attention group, too low).
            int engineLimit = deployment.decode().maxBatch() > 0 ? deployment.decode().maxBatch() : Integer.MAX_VALUE;
            this.maxBatchPerDecodeWorker = Math.max(1, Math.min(decodeMemory.maxBatchByMemory(), engineLimit));
            this.tokensPerStep = decode.tokensPerStep;
            this.decodeSteps = Math.max(1.0, (request.outputTokens() - 1) / tokensPerStep);
            double newTokens = request.uncachedInputTokens();
            double prefillCompute = prefill.prefillComputeSeconds(newTokens, request.inputTokens() - newTokens / 2);
            this.prefillServiceSeconds = prefillCompute + prefill.communicationSeconds(newTokens) + prefill.prefillLaunchSeconds(newTokens);
            this.ownPrefillSeconds = PerformanceModel.ownPrefillSeconds(prefill, newTokens, prefillCompute);
            this.kvTransferSeconds = KvTransfer.seconds(model, deployment, request.inputTokens());
            EfficiencyProfile efficiency = prefill.efficiency;
            double host = efficiency.requestOverheadSeconds() + efficiency.promptTokenOverheadSeconds() * request.inputTokens();
            this.unqueuedSeconds = host + ownPrefillSeconds + kvTransferSeconds;
            // Requests of identical length arrive in clumps in a closed loop; the fitted share of that the scheduler
            // leaves applies to a prefill worker as to the prefill work of an aggregated replica.
            double coherence = efficiency.queueCoherenceOutputTokens()
                    / (efficiency.queueCoherenceOutputTokens() + request.outputTokens());
            this.clumpedShare = efficiency.prefillQueueShare() * coherence;
        }

        /** The iterations a request waits beyond its own work before its first token streams out, at this decode step. */
        double admissionSeconds(double stepSeconds) {
            return decode.efficiency.admissionIterations() * stepSeconds;
        }

        double stepSeconds(double sequencesPerWorker) {
            return PerformanceModel.step(decode, request, Math.max(1.0, sequencesPerWorker)).seconds();
        }

        /** Requests per second the decode pool finishes with every worker at its largest batch. */
        double decodeCapacity(int workers) {
            return workers * maxBatchPerDecodeWorker / (decodeSteps * stepSeconds(maxBatchPerDecodeWorker));
        }
    }

    /**
     * The mean operating point of a closed loop of {@code concurrency} users (the published sweeps' benchmark): each
     * user sends its next request when the previous one ends. The users decoding spread evenly over the decode
     * workers; the others wait for, or run, their prefill. Neither pool can serve more requests per second than its
     * capacity, so the loop's cycle is at least concurrency / the smaller capacity (rate matching; the extra time is
     * queueing before the first token).
     */
    public DisaggregatedEstimate estimate(ModelSpec model, DisaggregatedDeployment deployment, RequestShape request, int concurrency) {
        io.inferplan.engine.Checks.inRange("concurrency", concurrency, 1, 10_000_000);
        Pools pools = new Pools(model, deployment, request);
        int prefillWorkers = deployment.prefillWorkers();
        int decodeWorkers = deployment.decodeWorkers();
        double prefillCapacity = prefillWorkers / pools.prefillServiceSeconds;
        double decodeCapacity = pools.decodeCapacity(decodeWorkers);
        double cycleFloor = concurrency / Math.min(prefillCapacity, decodeCapacity);
        double othersPerPrefillWorker = Math.max(0, (concurrency - 1.0) / prefillWorkers);
        double clumped = pools.clumpedShare * othersPerPrefillWorker / 2 * pools.prefillServiceSeconds;

        double decoding = concurrency;
        double ttft = 0;
        double step = 0;
        double wait = 0;
        for (int iteration = 0; iteration < CLOSED_LOOP_ITERATIONS; iteration++) {
            double perWorker = Math.min(pools.maxBatchPerDecodeWorker, decoding / decodeWorkers);
            step = pools.stepSeconds(perWorker);
            double decodeSeconds = pools.decodeSteps * step;
            double unqueued = pools.unqueuedSeconds + step + pools.admissionSeconds(step) + clumped;
            // The others' prompts queue at the prefill workers as in an M/D/1 queue at the load they bring.
            double userCycle = unqueued + wait + decodeSeconds;
            double load = Math.min(PerformanceModel.MAX_PREFILL_LOAD, othersPerPrefillWorker * pools.prefillServiceSeconds / userCycle);
            wait = load / (2 * (1 - load)) * pools.prefillServiceSeconds;
            ttft = unqueued + wait;
            if (ttft + decodeSeconds < cycleFloor) {
                wait += cycleFloor - decodeSeconds - ttft;
                ttft = cycleFloor - decodeSeconds;
            }
            decoding = Math.max(1.0, concurrency * decodeSeconds / (ttft + decodeSeconds));
        }
        double perWorker = Math.min(pools.maxBatchPerDecodeWorker, decoding / decodeWorkers);
        double tpot = step / pools.tokensPerStep;
        double userCycle = ttft + pools.decodeSteps * step;
        double outputTokensPerSecond = concurrency * request.outputTokens() / userCycle;
        return new DisaggregatedEstimate(deployment, concurrency, outputTokensPerSecond, ttft, tpot, wait, pools.ownPrefillSeconds,
                pools.kvTransferSeconds, perWorker, prefillCapacity, decodeCapacity,
                decodeWorker(model, deployment, pools, perWorker, step, outputTokensPerSecond / decodeWorkers));
    }

    /**
     * The pools sized by rate matching for {@code requestsPerSecond}: decode workers at the largest batch whose TPOT
     * meets {@code maxTpotSeconds}, prefill workers at the highest load whose mean queueing keeps TTFT within
     * {@code maxTtftSeconds} (0: no limit on that one), each pool just large enough for the rate. The worker layouts
     * are {@code layout}'s; its worker counts are replaced.
     *
     * @throws InvalidInputException (field "latency") when even an idle pool misses a target
     */
    public DisaggregatedDeployment sizedFor(ModelSpec model, DisaggregatedDeployment layout, RequestShape request,
                                            double requestsPerSecond, double maxTtftSeconds, double maxTpotSeconds) {
        io.inferplan.engine.Checks.positive("requestsPerSecond", requestsPerSecond, 1e9);
        Pools pools = new Pools(model, layout.withWorkers(1, 1), request);
        int batch = largestDecodeBatchMeeting(pools, maxTpotSeconds);
        if (batch == 0) {
            throw new InvalidInputException("latency", String.format(Locale.ROOT,
                    "a decode worker alone has a TPOT of %.1f ms, above the target", pools.stepSeconds(1) / pools.tokensPerStep * 1e3));
        }
        double step = pools.stepSeconds(batch);
        double perDecodeWorker = batch / (pools.decodeSteps * step);
        double load = PerformanceModel.MAX_PREFILL_LOAD;
        if (maxTtftSeconds > 0) {
            double room = maxTtftSeconds - pools.unqueuedSeconds - step - pools.admissionSeconds(step);
            if (room <= 0) {
                throw new InvalidInputException("latency", String.format(Locale.ROOT,
                        "a prompt alone takes %.0f ms to its first token (prefill %.0f ms, KV transfer %.1f ms), above the target",
                        (maxTtftSeconds - room) * 1e3, pools.ownPrefillSeconds * 1e3, pools.kvTransferSeconds * 1e3));
            }
            // M/D/1: wait = load / (2 (1 - load)) x service, solved for the load that uses up the room.
            double x = room / pools.prefillServiceSeconds;
            load = Math.min(load, 2 * x / (1 + 2 * x));
        }
        int prefillWorkers = (int) Math.ceil(requestsPerSecond * pools.prefillServiceSeconds / load - 1e-9);
        int decodeWorkers = (int) Math.ceil(requestsPerSecond / perDecodeWorker - 1e-9);
        return layout.withWorkers(Math.max(1, prefillWorkers), Math.max(1, decodeWorkers));
    }

    /**
     * The open-loop operating point at {@code requestsPerSecond} (Poisson arrivals, as a scenario's load): prefill
     * queueing at the pool's load, decode workers at the batch Little's law gives.
     */
    public DisaggregatedEstimate atRate(ModelSpec model, DisaggregatedDeployment deployment, RequestShape request,
                                        double requestsPerSecond) {
        Pools pools = new Pools(model, deployment, request);
        double prefillCapacity = deployment.prefillWorkers() / pools.prefillServiceSeconds;
        double decodeCapacity = pools.decodeCapacity(deployment.decodeWorkers());
        double load = Math.min(PerformanceModel.MAX_PREFILL_LOAD, requestsPerSecond / prefillCapacity);
        double wait = load / (2 * (1 - load)) * pools.prefillServiceSeconds;
        double perWorker = decodeBatchAtRate(pools, requestsPerSecond / deployment.decodeWorkers());
        double step = pools.stepSeconds(perWorker);
        double ttft = pools.unqueuedSeconds + wait + step + pools.admissionSeconds(step);
        double served = Math.min(requestsPerSecond, Math.min(prefillCapacity, decodeCapacity));
        double outputTokensPerSecond = served * request.outputTokens();
        int concurrency = (int) Math.max(1, Math.round(served * (ttft + pools.decodeSteps * step)));
        return new DisaggregatedEstimate(deployment, concurrency, outputTokensPerSecond, ttft, step / pools.tokensPerStep, wait,
                pools.ownPrefillSeconds, pools.kvTransferSeconds, perWorker, prefillCapacity, decodeCapacity,
                decodeWorker(model, deployment, pools, perWorker, step, outputTokensPerSecond / deployment.decodeWorkers()));
    }

    /**
     * Throughput's band as the decode worker's aggregated one; TTFT and TPOT from the cross-validated residuals of the
     * published disaggregated rows for this family and stack, else the aggregated latency band widened.
     */
    public ErrorBands errorBands(ModelSpec model, DisaggregatedEstimate estimate) {
        Deployment decode = estimate.deployment().decode();
        OperatingRegime regime = OperatingRegime.of(model, estimate.decodeWorker().batch());
        return new ErrorBands(estimate.decodeWorker().errorBand(), latencyBand(decode, PredictedMetric.TTFT, regime),
                latencyBand(decode, PredictedMetric.TPOT, regime));
    }

    private ErrorBand latencyBand(Deployment decode, PredictedMetric metric, OperatingRegime regime) {
        var family = decode.accelerator().family();
        ServingStack stack = decode.servingStack();
        var measured = performance.efficiencies().disaggregatedBand(family, stack, metric);
        if (measured.isPresent() && measured.get().rows() >= MIN_BAND_ROWS) {
            var b = measured.get();
            return new ErrorBand(b.p80AbsErrorPercent(), b.rows(), "80% of " + b.rows() + " held-out disaggregated " + metric.name()
                    + " predictions on " + family.displayName() + " with " + stack.displayName() + " were within "
                    + Math.round(b.p80AbsErrorPercent()) + "%");
        }
        return performance.latencyBand(decode, metric, regime).widened(UNMEASURED_DISAGGREGATED_POINTS,
                "no disaggregated " + metric.name() + " measured on " + family.displayName() + " with " + stack.displayName()
                        + "; the aggregated band");
    }

    private PerformanceEstimate decodeWorker(ModelSpec model, DisaggregatedDeployment deployment, Pools pools, double perWorker,
                                             double stepSeconds, double outputTokensPerSecond) {
        Deployment decode = deployment.decode();
        EfficiencyTable.Resolved resolved = performance.efficiencies().resolve(decode.accelerator().family(), decode.servingStack());
        ErrorBand band = PerformanceModel.widenedForModel(PerformanceModel.widenedForTarget(resolved.errorBand(),
                new ServingTarget.FixedBatch(1)), model);
        int batch = (int) Math.max(1, Math.round(perWorker));
        PerformanceModel.Step step = PerformanceModel.step(pools.decode, pools.request, Math.max(1.0, perWorker));
        Bottleneck limitedBy = batch >= pools.decodeMemory.maxBatchByMemory() ? Bottleneck.MEMORY_CAPACITY
                : step.communicationSeconds() > Math.max(step.computeSeconds(), step.memorySeconds()) ? Bottleneck.COMMUNICATION
                : step.computeSeconds() >= step.memorySeconds() ? Bottleneck.COMPUTE : Bottleneck.MEMORY_BANDWIDTH;
        double tpot = stepSeconds / pools.tokensPerStep;
        return new PerformanceEstimate(batch, outputTokensPerSecond, outputTokensPerSecond / decode.gpusPerReplica(),
                outputTokensPerSecond / pools.request.outputTokens(), 0, tpot, 1 / tpot, 0, stepSeconds, 0, limitedBy,
                pools.decodeMemory, band, pools.decode.dataParallelAttention ? AttentionParallelism.DATA : AttentionParallelism.TENSOR);
    }

    /**
     * The batch a decode worker holds at {@code requestsPerSecondPerWorker} by Little's law: n = rate x decode steps x
     * step(n), capped at what it can hold. Solved by bisection: where each extra sequence costs a large share of a step
     * (long contexts, a host floor), plain iteration from the cap converges too slowly and overstates the batch.
     */
    private static double decodeBatchAtRate(Pools pools, double requestsPerSecondPerWorker) {
        double perStep = requestsPerSecondPerWorker * pools.decodeSteps;
        double low = 1.0;
        double high = pools.maxBatchPerDecodeWorker;
        if (high - perStep * pools.stepSeconds(high) <= 0) {
            return high;
        }
        if (low - perStep * pools.stepSeconds(low) >= 0) {
            return low;
        }
        for (int i = 0; i < 60 && high - low > 1e-6 * high; i++) {
            double mid = 0.5 * (low + high);
            if (mid - perStep * pools.stepSeconds(mid) < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private static int largestDecodeBatchMeeting(Pools pools, double maxTpotSeconds) {
        if (maxTpotSeconds <= 0) {
            return pools.maxBatchPerDecodeWorker;
        }
        int low = 0;
        int high = pools.maxBatchPerDecodeWorker;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (pools.stepSeconds(mid) / pools.tokensPerStep <= maxTpotSeconds) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** AUTO attention resolves by the engine's rule for the layout that serves fine-grained MoE better. */
    private ReplicaLayout layout(ModelSpec model, Deployment worker) {
        Deployment resolved = worker.attentionParallelism() != AttentionParallelism.AUTO ? worker
                : worker.withAttentionParallelism(PerformanceModel.prefersDataParallelAttention(model, worker)
                        ? AttentionParallelism.DATA : AttentionParallelism.TENSOR);
        EfficiencyProfile profile = performance.efficiencies().resolve(resolved.accelerator().family(), resolved.servingStack()).profile();
        return new ReplicaLayout(model, resolved, profile);
    }
}
