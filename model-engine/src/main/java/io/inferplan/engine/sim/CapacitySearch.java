package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The highest Poisson arrival rate one replica sustains within percentile latency targets.
 *
 * <p>Each probe simulates several independent replications (seeds) at one rate, with stratified lengths, and decides
 * on their pooled percentiles: near a flat p99 one run's tail moves the answer by 2x, the pooled tail of a few
 * stratified runs by a few percent. Every probe reuses the same replication seeds (common random numbers), so the
 * margin to the binding limit moves smoothly with the rate and the search can interpolate on it (regula falsi,
 * bisecting where a run is overloaded and has no margin) instead of halving a 1000-fold bracket. A probe whose first
 * replication is far from the limit either way stops there. The capacity each replication alone would give is
 * interpolated from the same probes and reported as the result's spread.
 */
public final class CapacitySearch {
    static final double WARMUP_SHARE = 0.1;
    /** Stop when the bracket is within 2% of the rate found: finer than the replications' spread resolves. */
    static final double RESOLUTION = 0.02;
    static final int MAX_PROBES = 14;
    /** A first replication this far from the limit decides its probe alone (several times one run's noise). */
    static final double CLEAR_MARGIN = 0.3;
    /** The slowest rate tried, as a share of the steady-state maximum: below it no rate meets the targets. */
    static final double TRICKLE_SHARE = 1e-3;

    public static final int DEFAULT_REPLICATIONS = 4;
    public static final int MAX_REQUESTS_PER_REPLICATION = 4_000;
    /** Fewer requests than this do not reach a steady state worth a p99 (ten beyond it). */
    public static final int MIN_REQUESTS_PER_REPLICATION = 1_000;
    /** Generated tokens all replications of one probe may simulate: the step loop's cost is about per token. */
    static final double PROBE_OUTPUT_TOKENS = 6e6;

    private CapacitySearch() {
    }

    /**
     * How much each probe simulates, and where the search starts.
     *
     * @param replications           independent seeds pooled per probe (1 gives the old single-run search)
     * @param requestsPerReplication requests each replication simulates
     * @param startRequestsPerSecond the first rate probed, e.g. the steady-state estimate at the latency targets
     *                               (0: half the steady-state maximum)
     */
    public record Plan(int replications, int requestsPerReplication, double startRequestsPerSecond) {
        public Plan {
            inRange("replications", replications, 1, 64);
            inRange("requestsPerReplication", requestsPerReplication, 200, 10_000_000);
            inRange("startRequestsPerSecond", startRequestsPerSecond, 0.0, ArrivalProcess.MAX_RATE);
        }

        /**
         * Four replications of 4,000 requests for chat-length replies; for long replies fewer requests (at least
         * 1,000) and then fewer replications (at least 2), so that a probe generates about 6M tokens.
         */
        public static Plan forReplies(double meanOutputTokens) {
            double tokens = Math.max(1, meanOutputTokens);
            int requests = (int) Math.max(MIN_REQUESTS_PER_REPLICATION,
                    Math.min(MAX_REQUESTS_PER_REPLICATION, PROBE_OUTPUT_TOKENS / (DEFAULT_REPLICATIONS * tokens)));
            int replications = (int) Math.max(2, Math.min(DEFAULT_REPLICATIONS, PROBE_OUTPUT_TOKENS / (requests * tokens)));
            return new Plan(replications, requests, 0);
        }

        public Plan startingAt(double requestsPerSecond) {
            return new Plan(replications, requestsPerReplication, requestsPerSecond);
        }
    }

    /** Requests per replication {@link Plan#forReplies} gives. */
    public static int defaultRequestsPerProbe(double meanOutputTokens) {
        return Plan.forReplies(meanOutputTokens).requestsPerReplication();
    }

    /**
     * {@link #search(SimulatedReplica, LengthDistribution, LengthDistribution, double, LatencyTargets, Plan, long,
     * SimulationProgress)} with {@link Plan#forReplies}'s replications of {@code requestsPerProbe} requests.
     */
    public static CapacityResult search(SimulatedReplica replica, LengthDistribution input, LengthDistribution output,
                                        double promptCacheHitRate, LatencyTargets targets, int requestsPerProbe, long seed) {
        Plan plan = new Plan(Plan.forReplies(output.meanTokens()).replications(), requestsPerProbe, 0);
        return search(replica, input, output, promptCacheHitRate, targets, plan, seed, SimulationProgress.NONE);
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code progress} says so
     */
    public static CapacityResult search(SimulatedReplica replica, LengthDistribution input, LengthDistribution output,
                                        double promptCacheHitRate, LatencyTargets targets, Plan plan, long seed,
                                        SimulationProgress progress) {
        present("targets", targets);
        present("plan", plan);
        present("progress", progress);
        Prober prober = new Prober(replica, input, output, promptCacheHitRate, targets, plan, seed, progress);
        double steadyMax = replica.steadyStateMaxRequestsPerSecond();
        double upper = steadyMax * 1.05;
        double floor = upper * TRICKLE_SHARE;
        double rate = plan.startRequestsPerSecond() > 0 ? plan.startRequestsPerSecond() : upper / 2;
        rate = Math.max(floor, Math.min(upper, rate));
        double low = Double.NaN;
        double lowMargin = Double.NaN;
        double high = Double.NaN;
        double highMargin = Double.NaN;
        Probe best = null;
        Probe last = null;
        int fails = 0;
        int lowKept = 0;
        int highKept = 0;
        while (prober.probes.size() < MAX_PROBES) {
            Probe probe = prober.probe(rate);
            last = probe;
            if (probe.met) {
                highKept++;
                lowKept = 0;
                low = rate;
                lowMargin = probe.margin;
                best = probe;
            } else {
                lowKept++;
                highKept = 0;
                high = rate;
                highMargin = probe.margin;
                fails++;
            }
            if (Double.isNaN(low)) {
                if (rate <= floor) {
                    break;
                }
                // Twice over the limit: go straight to the trickle, which says whether any rate can meet it.
                rate = fails >= 2 ? floor : Math.max(floor, rate / 2);
                continue;
            }
            if (Double.isNaN(high)) {
                if (rate >= upper) {
                    break;
                }
                rate = Math.min(upper, rate * (lowMargin < -0.5 ? 2 : 1.5));
                continue;
            }
            double width = high - low;
            if (width <= RESOLUTION * low) {
                break;
            }
            double next = low + width / 2;
            if (Double.isFinite(highMargin)) {
                // Illinois: an end kept twice in a row has its margin halved, so the other end moves too.
                double lm = lowKept >= 2 ? lowMargin / 2 : lowMargin;
                double hm = highKept >= 2 ? highMargin / 2 : highMargin;
                next = low + width * (-lm) / (hm - lm);
            }
            rate = Math.max(low + 0.1 * width, Math.min(high - 0.1 * width, next));
        }
        progress.report(1);
        if (best == null) {
            return new CapacityResult(0, last.summary, prober.probes.size(), steadyMax, targets, plan.replications(),
                    plan.requestsPerReplication(), List.of(), 0, 0);
        }
        List<Double> each = prober.replicationCapacities();
        double capacity = low;
        double bandLow = capacity;
        double bandHigh = capacity;
        if (each.size() > 1) {
            double mean = each.stream().mapToDouble(Double::doubleValue).average().orElse(capacity);
            double variance = each.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / (each.size() - 1);
            double twoStandardErrors = 2 * Math.sqrt(variance / each.size());
            bandLow = Math.max(0, Math.min(capacity, capacity - twoStandardErrors));
            bandHigh = Math.max(capacity, capacity + twoStandardErrors);
        }
        return new CapacityResult(capacity, best.summary, prober.probes.size(), steadyMax, targets, plan.replications(),
                plan.requestsPerReplication(), each, bandLow, bandHigh);
    }

    /** One rate simulated: the pooled verdict and each replication's margin (NaN where it was not run). */
    record Probe(double rate, boolean met, double margin, SimulationSummary summary, double[] replicationMargins) {
    }

    /** The replications of one search: the same seeds at every rate. */
    static final class Prober {
        private final SimulatedReplica replica;
        private final LengthDistribution input;
        private final LengthDistribution output;
        private final double hitRate;
        private final LatencyTargets targets;
        private final Plan plan;
        private final long[] seeds;
        private final double minWarmupSeconds;
        private final SimulationProgress progress;
        final List<Probe> probes = new ArrayList<>();

        Prober(SimulatedReplica replica, LengthDistribution input, LengthDistribution output, double hitRate,
               LatencyTargets targets, Plan plan, long seed, SimulationProgress progress) {
            this.replica = replica;
            this.input = input;
            this.output = output;
            this.hitRate = hitRate;
            this.targets = targets;
            this.plan = plan;
            this.progress = progress;
            SplittableRandom random = new SplittableRandom(seed);
            seeds = new long[plan.replications()];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = random.nextLong();
            }
            // Until the system has filled (about one request's latency) the measured requests see an emptier replica.
            minWarmupSeconds = 2 * replica.unloadedLatencySeconds(input.meanTokens(), output.meanTokens());
        }

        Probe probe(double rate) {
            int n = plan.replications();
            double[] margins = new double[n];
            Arrays.fill(margins, Double.NaN);
            List<SimulationResult> results = new ArrayList<>(n);
            // The progress bar assumes about eight probes; a longer search waits at 95%.
            double done = Math.min(0.95, probes.size() / 8.0);
            SimulationProgress part = progress.part(done, Math.min(0.95, (probes.size() + 1) / 8.0));
            for (int k = 0; k < n; k++) {
                part.checkCancelled();
                SimulationResult result = run(rate, seeds[k]);
                results.add(result);
                margins[k] = targets.margin(result.summary());
                part.report((k + 1.0) / n);
                if (k == 0 && n > 1 && clear(result.summary(), margins[0])) {
                    break;
                }
            }
            SimulationSummary pooled = SimulationSummary.pooledOf(results);
            Probe probe = new Probe(rate, targets.metBy(pooled), targets.margin(pooled), pooled, margins);
            probes.add(probe);
            return probe;
        }

        /**
         * Whether one run settles its probe: far over or under a limit, or far behind its arrivals. Not merely
         * overloaded: near the limit that verdict is as noisy as a p99, and with no limits set it is the only one.
         */
        private boolean clear(SimulationSummary run, double margin) {
            if (run.overloaded()) {
                return run.achievedRequestsPerSecond() < (1 - CLEAR_MARGIN) * run.offeredRequestsPerSecond();
            }
            return targets.hasLimits() && Math.abs(margin) > CLEAR_MARGIN;
        }

        /** Every replication at one rate (no early stop), reporting each to {@code part}. */
        List<SimulationResult> runAll(double rate, SimulationProgress part) {
            List<SimulationResult> results = new ArrayList<>(seeds.length);
            for (int k = 0; k < seeds.length; k++) {
                part.checkCancelled();
                results.add(run(rate, seeds[k]));
                part.report((k + 1.0) / seeds.length);
            }
            return results;
        }

        private SimulationResult run(double rate, long seed) {
            RequestSet set = RequestSet.generateStratified(new ArrivalProcess.Poisson(rate), input, output,
                    plan.requestsPerReplication(), hitRate, seed);
            double span = set.arrivalSeconds()[set.size() - 1];
            double warmup = Math.min(0.5 * span, Math.max(WARMUP_SHARE * span, minWarmupSeconds));
            return replica.simulate(set, warmup, targets, progress::cancelled);
        }

        /**
         * Each replication's own capacity: where its margin crosses zero between the probed rates (linear; midway
         * next to an overloaded run). A probe that stopped after its first replication counts for all of them.
         */
        List<Double> replicationCapacities() {
            List<Probe> sorted = probes.stream().sorted(java.util.Comparator.comparingDouble(Probe::rate)).toList();
            List<Double> capacities = new ArrayList<>();
            for (int k = 0; k < plan.replications(); k++) {
                double below = Double.NaN;
                double belowMargin = Double.NaN;
                double crossing = Double.NaN;
                for (Probe p : sorted) {
                    double m = Double.isNaN(p.replicationMargins[k]) ? p.replicationMargins[0] : p.replicationMargins[k];
                    if (m <= 0) {
                        below = p.rate;
                        belowMargin = m;
                        continue;
                    }
                    if (Double.isNaN(below)) {
                        crossing = p.rate;
                    } else if (Double.isFinite(m)) {
                        crossing = below + (p.rate - below) * (-belowMargin) / (m - belowMargin);
                    } else {
                        crossing = (below + p.rate) / 2;
                    }
                    break;
                }
                capacities.add(Double.isNaN(crossing) ? below : crossing);
            }
            return capacities;
        }
    }
}
