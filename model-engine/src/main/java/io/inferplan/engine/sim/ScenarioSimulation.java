package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.HistogramBin;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.TokenDistribution;
import io.inferplan.engine.scenario.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scenario sized from the serving simulator instead of the steady-state estimate: one replica of its deployment
 * under its workload's lengths, at its latency targets' percentiles (p99 where the file names none). What the app's
 * Latency page and simulated sizing need: {@link #size} (capacity per replica with its band, the fleet and the
 * economics at that capacity), {@link #latencyCurve} (p50/p99 TTFT and TPOT against the rate) and
 * {@link #operatingPoint} (the latency distribution and KV occupancy over time at one rate).
 *
 * <p>Each method is deterministic for the seed, may take seconds (long reasoning replies), reports progress and
 * stops with a {@link java.util.concurrent.CancellationException} when the {@link SimulationProgress} says so; call
 * them off the UI thread. An instance may be used from one thread at a time.
 */
public final class ScenarioSimulation {
    public static final long DEFAULT_SEED = 20261201L;
    /** The curve runs to this share past the capacity, so that the chart shows where the tail takes off. */
    static final double CURVE_PAST_CAPACITY = 1.25;

    private final ResolvedScenario resolved;
    private final SimulatedReplica replica;
    private final LengthDistribution input;
    private final LengthDistribution output;
    private final double hitRate;
    private final LatencyTargets targets;
    private final CapacitySearch.Plan plan;
    private final long seed;

    private ScenarioSimulation(ResolvedScenario resolved, SimulatedReplica replica, LengthDistribution input,
                               LengthDistribution output, LatencyTargets targets, CapacitySearch.Plan plan, long seed) {
        this.resolved = resolved;
        this.replica = replica;
        this.input = input;
        this.output = output;
        this.hitRate = resolved.scenario().workload().promptCacheHitRate();
        this.targets = targets;
        this.plan = plan;
        this.seed = seed;
    }

    public static ScenarioSimulation of(ResolvedScenario resolved, PerformanceModel performance) {
        return of(resolved, performance, DEFAULT_SEED);
    }

    public static ScenarioSimulation of(ResolvedScenario resolved, PerformanceModel performance, long seed) {
        present("scenario", resolved);
        present("performance", performance);
        Workload workload = resolved.scenario().workload();
        SimulatedReplica replica = SimulatedReplica.of(performance, resolved.model(), resolved.deployment(),
                Workload.shapeOf(workload.requestTokens()));
        LengthDistribution input = inputLengths(workload);
        LengthDistribution output = outputLengths(workload);
        ServingTarget.LatencyTargets latency = workload.latency();
        // No targets: the capacity is the highest rate the replica keeps up with (steady state, no limit).
        LatencyTargets targets = latency == null ? new LatencyTargets(0, 0, 0.99) : LatencyTargets.of(latency);
        return new ScenarioSimulation(resolved, replica, input, output, targets,
                CapacitySearch.Plan.forReplies(output.meanTokens()), seed);
    }

    /**
     * Prompt lengths: a histogram's bins drawn exactly, or lognormal from the mean and p90, shifted by the context a
     * task adds.
     */
    public static LengthDistribution inputLengths(Workload workload) {
        return lengths("workload.inputTokens", workload.inputTokens(), workload.task().meanAddedContextTokens());
    }

    /** Generated lengths: the visible output's distribution shifted by the mean reasoning tokens. */
    public static LengthDistribution outputLengths(Workload workload) {
        return lengths("workload.outputTokens", workload.outputTokens(), workload.reasoningTokens().meanTokens());
    }

    private static LengthDistribution lengths(String field, TokenDistribution d, double shift) {
        if (d.histogram() != null) {
            double[] tokens = d.histogram().stream().mapToDouble(HistogramBin::tokens).toArray();
            double[] shares = d.histogram().stream().mapToDouble(HistogramBin::share).toArray();
            return LengthDistribution.Empirical.of(field, tokens, shares, shift);
        }
        return LengthDistribution.of(field, Math.max(1, d.meanTokens() + shift), Math.max(1, d.p90Tokens() + shift));
    }

    /** The same scenario simulated with another plan (replications, requests, start rate). */
    public ScenarioSimulation withPlan(CapacitySearch.Plan other) {
        return new ScenarioSimulation(resolved, replica, input, output, targets, present("plan", other), seed);
    }

    /** The same scenario under another scheduler (preemption by swap, a tuned budget). */
    public ScenarioSimulation withPolicy(SchedulerPolicy policy) {
        return new ScenarioSimulation(resolved, replica.withPolicy(policy), input, output, targets, plan, seed);
    }

    public SimulatedReplica replica() {
        return replica;
    }

    public LatencyTargets targets() {
        return targets;
    }

    public CapacitySearch.Plan plan() {
        return plan;
    }

    /**
     * The scenario sized from the simulated capacity.
     *
     * @param simulated    the economics with the simulated capacity per replica; null when no rate meets the targets
     * @param steadyState  the same scenario from the steady-state estimate alone (what {@link ScenarioEvaluator#evaluate} gives);
     *                     null when that estimate finds the targets unreachable
     * @param atBandLow    the economics at the capacity band's low end (more replicas); null when unreachable
     * @param atBandHigh   the same at its high end (fewer replicas)
     * @param seconds      wall-clock time the search took
     */
    public record Sizing(CapacityResult capacity, ScenarioResult simulated, ScenarioResult steadyState,
                         ScenarioResult atBandLow, ScenarioResult atBandHigh, double seconds) {
        public boolean reachable() {
            return simulated != null;
        }

        /** Replicas for the peak at the simulated capacity (0 when unreachable). */
        public int replicas() {
            return reachable() ? simulated.capacity().replicas() : 0;
        }

        public int gpus() {
            return reachable() ? simulated.capacity().gpusRequired() : 0;
        }

        /** What one replica of the sized fleet serves at the scenario's peak: the rate to look at the tail at. */
        public double peakRequestsPerSecondPerReplica() {
            return reachable() ? simulated.capacity().peakRequestsPerSecond() / simulated.capacity().replicas() : 0;
        }
    }

    /**
     * Capacity per replica within the targets (its first probe at the steady-state estimate's operating point), then
     * the fleet and economics at it through {@code evaluator}, as the steady-state path sizes them (planned
     * utilisation and minimum replicas applied) but with the simulated capacity.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public Sizing size(ScenarioEvaluator evaluator, SimulationProgress progress) {
        present("evaluator", evaluator);
        present("progress", progress);
        long started = System.nanoTime();
        ScenarioResult steady = null;
        io.inferplan.engine.InvalidInputException steadyError = null;
        try {
            steady = evaluator.evaluate(resolved);
        } catch (io.inferplan.engine.InvalidInputException e) {
            // Targets even one request alone misses: the search says so too, as "unreachable", without economics.
            steadyError = e;
        }
        progress.checkCancelled();
        CapacitySearch.Plan start = plan.startRequestsPerSecond() > 0 || steady == null ? plan
                : plan.startingAt(steady.replica().requestsPerSecond());
        CapacityResult capacity = CapacitySearch.search(replica, input, output, hitRate, targets, start, seed, progress.part(0, 0.98));
        ScenarioResult simulated = null;
        ScenarioResult low = null;
        ScenarioResult high = null;
        if (capacity.reachable()) {
            if (steadyError != null) {
                throw steadyError;
            }
            simulated = evaluator.evaluateAtReplicaCapacity(resolved, capacity.maxRequestsPerSecond());
            low = capacity.bandLowRequestsPerSecond() > 0
                    ? evaluator.evaluateAtReplicaCapacity(resolved, capacity.bandLowRequestsPerSecond()) : simulated;
            high = evaluator.evaluateAtReplicaCapacity(resolved, capacity.bandHighRequestsPerSecond());
        }
        progress.report(1);
        return new Sizing(capacity, simulated, steady, low, high, (System.nanoTime() - started) / 1e9);
    }

    /**
     * One rate of the latency curve; latencies in seconds, NaN where the run is overloaded (no steady state, so no
     * percentile means anything) or no request had two tokens.
     *
     * @param ttftAtTargetSeconds  TTFT at the target's percentile
     * @param tpotAtTargetSeconds  TPOT at the target's percentile
     * @param meetsTargets         steady and within the targets (pooled replications, as the capacity search decides)
     */
    public record CurvePoint(double requestsPerSecond, double achievedRequestsPerSecond, double p50TtftSeconds,
                             double p99TtftSeconds, double p50TpotSeconds, double p99TpotSeconds, double ttftAtTargetSeconds,
                             double tpotAtTargetSeconds, boolean overloaded, String overloadReason, boolean meetsTargets,
                             double meanKvShare) {
    }

    /**
     * @param capacityRequestsPerSecond the capacity the curve is drawn around (0 when no rate meets the targets)
     * @param targets                   the limits and percentiles, for the chart's target lines
     */
    public record LatencyCurve(List<CurvePoint> points, double capacityRequestsPerSecond, LatencyTargets targets) {
        public LatencyCurve {
            points = List.copyOf(points);
        }
    }

    /**
     * p50 and p99 TTFT and TPOT at {@code points} evenly spaced rates from {@code 1/points} of the top to the top:
     * 1.25 x the capacity (just past it), or the steady-state maximum when no rate meets the targets. Each rate pools
     * the plan's replications with the capacity search's seeds, so a curve and a search of the same scenario agree.
     */
    public LatencyCurve latencyCurve(CapacityResult capacity, int points, SimulationProgress progress) {
        present("capacity", capacity);
        inRange("points", points, 2, 200);
        present("progress", progress);
        double upper = replica.steadyStateMaxRequestsPerSecond() * 1.05;
        double top = capacity.reachable() ? Math.min(upper, CURVE_PAST_CAPACITY * capacity.maxRequestsPerSecond())
                : replica.steadyStateMaxRequestsPerSecond();
        CapacitySearch.Prober prober = prober(progress);
        List<CurvePoint> curve = new ArrayList<>();
        for (int i = 1; i <= points; i++) {
            double rate = top * i / points;
            List<SimulationResult> runs = prober.runAll(rate, progress.part((i - 1.0) / points, (double) i / points));
            SimulationSummary s = SimulationSummary.pooledOf(runs);
            boolean steady = !s.overloaded();
            curve.add(new CurvePoint(rate, s.achievedRequestsPerSecond(), steady ? s.ttft().p50Seconds() : Double.NaN,
                    steady ? s.ttft().p99Seconds() : Double.NaN, steady ? s.tpot().p50Seconds() : Double.NaN,
                    steady ? s.tpot().p99Seconds() : Double.NaN, steady ? targets.ttftOf(s) : Double.NaN,
                    steady ? targets.tpotOf(s) : Double.NaN, s.overloaded(), s.overloadReason(), targets.metBy(s), s.meanKvShare()));
        }
        progress.report(1);
        return new LatencyCurve(curve, capacity.maxRequestsPerSecond(), targets);
    }

    /** Equal-width bins over [lowest, highest] value: {@code edgesSeconds} has one more entry than {@code counts}. */
    public record Histogram(double[] edgesSeconds, int[] counts) {
    }

    /**
     * One rate in detail.
     *
     * @param summary             the pooled replications (percentiles over all their measured requests)
     * @param ttftSeconds         every measured request's TTFT, sorted (for a histogram or a CDF)
     * @param tpotSeconds         every measured TPOT, sorted (requests with two tokens or more)
     * @param sampleSeconds       KV occupancy sample times of the first replication
     * @param kvShare             share of the KV cache in use at each sample
     * @param runningSequences    sequences running at each sample
     * @param waitingRequests     requests waiting at each sample
     */
    public record OperatingPoint(double requestsPerSecond, SimulationSummary summary, double[] ttftSeconds,
                                 double[] tpotSeconds, double[] sampleSeconds, float[] kvShare, int[] runningSequences,
                                 int[] waitingRequests) {

        public Histogram ttftHistogram(int bins) {
            return histogram(ttftSeconds, bins);
        }

        public Histogram tpotHistogram(int bins) {
            return histogram(tpotSeconds, bins);
        }

        static Histogram histogram(double[] sorted, int bins) {
            inRange("bins", bins, 1, 10_000);
            if (sorted.length == 0) {
                return new Histogram(new double[0], new int[0]);
            }
            double low = sorted[0];
            double high = sorted[sorted.length - 1];
            double width = high > low ? (high - low) / bins : 1e-9;
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = low + i * width;
            }
            int[] counts = new int[bins];
            for (double v : sorted) {
                counts[(int) Math.min(bins - 1, Math.floor((v - low) / width))]++;
            }
            return new Histogram(edges, counts);
        }
    }

    /** The plan's replications at {@code requestsPerSecond}, e.g. {@link Sizing#peakRequestsPerSecondPerReplica()}. */
    public OperatingPoint operatingPoint(double requestsPerSecond, SimulationProgress progress) {
        positive("requestsPerSecond", requestsPerSecond, ArrivalProcess.MAX_RATE);
        present("progress", progress);
        List<SimulationResult> runs = prober(progress).runAll(requestsPerSecond, progress);
        SimulationSummary pooled = SimulationSummary.pooledOf(runs);
        double[] ttft = new double[pooled.ttft().count()];
        double[] tpot = new double[pooled.tpot().count()];
        int t = 0;
        int p = 0;
        for (SimulationResult r : runs) {
            SimulationRun run = r.run();
            double[] arrival = run.requests().arrivalSeconds();
            for (int i = 0; i < arrival.length; i++) {
                if (arrival[i] < r.summary().warmupSeconds()) {
                    continue;
                }
                ttft[t++] = run.ttftSeconds(i);
                double tp = run.tpotSeconds(i);
                if (!Double.isNaN(tp)) {
                    tpot[p++] = tp;
                }
            }
        }
        Arrays.sort(ttft);
        Arrays.sort(tpot);
        SimulationRun first = runs.getFirst().run();
        progress.report(1);
        return new OperatingPoint(requestsPerSecond, pooled, ttft, tpot, first.sampleSeconds(), first.sampleKvShare(),
                first.sampleRunning(), first.sampleWaiting());
    }

    CapacitySearch.Prober prober(SimulationProgress progress) {
        return new CapacitySearch.Prober(replica, input, output, hitRate, targets, plan, seed, progress);
    }
}
