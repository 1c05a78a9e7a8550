package io.inferplan.engine.sim;

/**
 * The capacity of one replica within latency targets.
 *
 * @param maxRequestsPerSecond            highest Poisson rate meeting the targets (0: not even a trickle meets them)
 * @param atCapacity                      the run at that rate (at the trickle when none meets them)
 * @param steadyStateMaxRequestsPerSecond the performance model's highest-throughput figure, an upper bound
 */
public record CapacityResult(double maxRequestsPerSecond, SimulationSummary atCapacity, int probes,
                             double steadyStateMaxRequestsPerSecond, LatencyTargets targets) {

    public boolean reachable() {
        return maxRequestsPerSecond > 0;
    }

    /** Replicas needed for a peak rate behind a round-robin router (each then sees a smoother stream than Poisson). */
    public int replicasFor(double peakRequestsPerSecond) {
        if (!reachable()) {
            throw new io.inferplan.engine.InvalidInputException("latency", "no arrival rate meets the targets on this deployment");
        }
        return (int) Math.max(1, Math.ceil(peakRequestsPerSecond / maxRequestsPerSecond - 1e-9));
    }
}
