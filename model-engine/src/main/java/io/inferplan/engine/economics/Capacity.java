package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.positive;

/**
 * The fleet that serves the peak within the latency targets, and how busy it is on average.
 *
 * @param replicas                          model replicas: enough for the peak at the planned utilisation, at least the minimum
 * @param gpusRequired                      replicas x GPUs per replica
 * @param replicaRequestsPerSecond          what one replica completes at its operating point
 * @param fleetCapacityRequestsPerSecond    replicas x that
 * @param plannedUtilizationPercent         the most of its capacity the fleet is planned to run at during the peak
 * @param averageUtilizationPercent         average load over fleet capacity: what cost per token is paid at
 * @param peakUtilizationPercent            peak load over fleet capacity
 * @param headroomPercent                   fleet capacity left unused at the peak
 */
public record Capacity(int replicas, int gpusPerReplica, int gpusRequired, double replicaRequestsPerSecond,
                       double fleetCapacityRequestsPerSecond, double averageRequestsPerSecond, double peakRequestsPerSecond,
                       double plannedUtilizationPercent, double averageUtilizationPercent, double peakUtilizationPercent,
                       double headroomPercent) {

    /** The largest fleet the engine plans; beyond it a scenario is treated as impossible. */
    public static final int MAX_REPLICAS = 1_000_000;

    /**
     * Replicas = max(minimum, ceil(peak / (replica capacity x planned utilisation))).
     *
     * @param plannedUtilization share of replica capacity the peak may use (0.8 leaves 20% headroom for bursts)
     */
    public static Capacity plan(double replicaRequestsPerSecond, int gpusPerReplica, double averageRequestsPerSecond,
                                double peakRequestsPerSecond, double plannedUtilization, int minReplicas) {
        positive("replicaRequestsPerSecond", replicaRequestsPerSecond, 1e12);
        inRange("gpusPerReplica", gpusPerReplica, 1, 100_000);
        nonNegative("averageRequestsPerSecond", averageRequestsPerSecond, 1e12);
        nonNegative("peakRequestsPerSecond", peakRequestsPerSecond, 1e12);
        positive("plannedUtilization", plannedUtilization, 1);
        inRange("minReplicas", minReplicas, 0, MAX_REPLICAS);
        double needed = Math.ceil(peakRequestsPerSecond / (replicaRequestsPerSecond * plannedUtilization) - 1e-9);
        if (needed > MAX_REPLICAS) {
            throw new io.inferplan.engine.InvalidInputException("workload.peakRequestsPerSecond",
                    "needs more than " + MAX_REPLICAS + " replicas (" + Math.round(needed) + "): check the demand and its units");
        }
        int replicas = Math.max(Math.max(1, minReplicas), (int) needed);
        double fleet = replicas * replicaRequestsPerSecond;
        double peakUtil = 100 * peakRequestsPerSecond / fleet;
        return new Capacity(replicas, gpusPerReplica, replicas * gpusPerReplica, replicaRequestsPerSecond, fleet,
                averageRequestsPerSecond, peakRequestsPerSecond, 100 * plannedUtilization,
                100 * averageRequestsPerSecond / fleet, peakUtil, 100 - peakUtil);
    }
}
