package io.inferplan.analysis;

import io.inferplan.engine.solve.GoalSeek;

/**
 * A goal seek's answer and what it rests on.
 *
 * @param outcome                  the goal seek's answer
 * @param replicaRequestsPerSecond the simulated capacity of one replica the figures were computed at, or NaN when they
 *                                 come from the steady-state estimate
 */
public record SolvedTarget(GoalSeek.Outcome outcome, double replicaRequestsPerSecond) {
    public boolean simulated() {
        return Double.isFinite(replicaRequestsPerSecond);
    }

    /** "at the simulated 4.02 requests/s per replica" or "from the steady-state estimate". */
    public String basis() {
        return simulated() ? String.format(java.util.Locale.ROOT, "at the simulated %.3g requests/s per replica", replicaRequestsPerSecond)
                : "from the steady-state estimate";
    }
}
