package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

/**
 * The highest Poisson arrival rate one replica sustains within percentile latency targets: bisection on the
 * simulated rate, each probe a run with its warm-up excluded that must not be overloaded (steady-state check) and
 * must meet the targets. Probes share one seed (common random numbers), so the answer moves monotonically with the
 * targets and is the same on every run.
 */
public final class CapacitySearch {
    /** Probes after the first at most: 2^-12 of the steady-state maximum. */
    static final int BISECTIONS = 12;
    static final double WARMUP_SHARE = 0.1;
    static final double RESOLUTION = 0.01;

    /** Output tokens a probe may generate by default: keeps a search near a second however long the replies. */
    static final double PROBE_OUTPUT_TOKENS = 2e6;

    private CapacitySearch() {
    }

    /**
     * Requests per probe: 4,000 (forty beyond the p99), fewer for long replies so that a search stays fast (at least
     * 2,000: twenty beyond the p99).
     */
    public static int defaultRequestsPerProbe(double meanOutputTokens) {
        return (int) Math.max(2_000, Math.min(4_000, PROBE_OUTPUT_TOKENS / Math.max(1, meanOutputTokens)));
    }

    /**
     * @param requestsPerProbe requests each probe simulates (at least 500; a few thousand give stable p99s)
     */
    public static CapacityResult search(SimulatedReplica replica, LengthDistribution input, LengthDistribution output,
                                        double promptCacheHitRate, LatencyTargets targets, int requestsPerProbe, long seed) {
        present("targets", targets);
        inRange("requestsPerProbe", requestsPerProbe, 500, 10_000_000);
        double upper = replica.steadyStateMaxRequestsPerSecond() * 1.05;
        int probes = 0;
        double low = 0;
        SimulationSummary best = null;
        // A trickle first: if even that misses the targets, no rate meets them on this deployment.
        double trickle = upper / 1000;
        SimulationSummary atTrickle = probe(replica, input, output, promptCacheHitRate, targets, requestsPerProbe, seed, trickle);
        probes++;
        if (!targets.metBy(atTrickle)) {
            return new CapacityResult(0, atTrickle, probes, replica.steadyStateMaxRequestsPerSecond(), targets);
        }
        low = trickle;
        best = atTrickle;
        double high = upper;
        // Stop when the bracket is within 1% of the rate found: finer than a p99 from a few thousand requests resolves.
        for (int i = 0; i < BISECTIONS && high - low > RESOLUTION * low; i++) {
            double mid = (low + high) / 2;
            SimulationSummary summary = probe(replica, input, output, promptCacheHitRate, targets, requestsPerProbe, seed, mid);
            probes++;
            if (targets.metBy(summary)) {
                low = mid;
                best = summary;
            } else {
                high = mid;
            }
        }
        return new CapacityResult(low, best, probes, replica.steadyStateMaxRequestsPerSecond(), targets);
    }

    static SimulationSummary probe(SimulatedReplica replica, LengthDistribution input, LengthDistribution output,
                                   double hitRate, LatencyTargets targets, int requests, long seed, double rate) {
        RequestSet set = RequestSet.generate(new ArrivalProcess.Poisson(rate), input, output, requests, hitRate, seed);
        double warmup = set.arrivalSeconds()[set.size() - 1] * WARMUP_SHARE;
        return replica.simulate(set, warmup, targets).summary();
    }
}
