package io.inferplan.engine.sim;

import java.util.List;

/**
 * The capacity of one replica within latency targets, with how much it depends on the random draws.
 *
 * @param maxRequestsPerSecond            highest Poisson rate meeting the targets on the pooled replications (0: not
 *                                        even a trickle meets them)
 * @param atCapacity                      the pooled replications at that rate (at the trickle when none meets them)
 * @param probes                          rates simulated
 * @param steadyStateMaxRequestsPerSecond the performance model's highest-throughput figure, an upper bound
 * @param replications                    independent runs (seeds) pooled at each rate
 * @param requestsPerReplication          requests each of them simulates
 * @param replicationRequestsPerSecond    the capacity each replication alone gives (its own percentiles, interpolated
 *                                        between the rates probed): their spread is what one run's answer would move by
 * @param bandLowRequestsPerSecond        the pooled capacity minus about two standard errors (replications' spread /
 *                                        sqrt(replications)); never above the capacity
 * @param bandHighRequestsPerSecond       the same above
 */
public record CapacityResult(double maxRequestsPerSecond, SimulationSummary atCapacity, int probes,
                             double steadyStateMaxRequestsPerSecond, LatencyTargets targets, int replications,
                             int requestsPerReplication, List<Double> replicationRequestsPerSecond,
                             double bandLowRequestsPerSecond, double bandHighRequestsPerSecond) {

    public CapacityResult {
        replicationRequestsPerSecond = List.copyOf(replicationRequestsPerSecond);
    }

    public boolean reachable() {
        return maxRequestsPerSecond > 0;
    }

    /** Half the band's width as a share of the capacity, in percent (0 when unreachable). */
    public double bandPercent() {
        return reachable() ? 50 * (bandHighRequestsPerSecond - bandLowRequestsPerSecond) / maxRequestsPerSecond : 0;
    }

    /** Replicas needed for a peak rate behind a round-robin router (each then sees a smoother stream than Poisson). */
    public int replicasFor(double peakRequestsPerSecond) {
        if (!reachable()) {
            throw new io.inferplan.engine.InvalidInputException("latency", "no arrival rate meets the targets on this deployment");
        }
        return (int) Math.max(1, Math.ceil(peakRequestsPerSecond / maxRequestsPerSecond - 1e-9));
    }
}
