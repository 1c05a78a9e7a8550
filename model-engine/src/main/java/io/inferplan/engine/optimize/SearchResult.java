package io.inferplan.engine.optimize;

import java.util.List;

/**
 * What a configuration search found.
 *
 * @param searched        configurations pruned or evaluated: all those enumerated, unless the search was cancelled
 * @param pruned          of which skipped before evaluation (weights alone exceed the replica's memory)
 * @param infeasible      evaluated but impossible (KV cache for one sequence does not fit, a layout the model
 *                        does not allow)
 * @param configurations  the feasible ones: those meeting the latency targets first, each group cheapest first
 *                        (cost per million output tokens)
 * @param frontier        per part and weight precision, the non-dominated (tokens/s per user, tokens/s per GPU)
 *                        points; empty when not asked for
 * @param cancelled       true when the search stopped early; the lists hold what was done
 */
public record SearchResult(int searched, int pruned, int infeasible, long elapsedNanos,
                           List<RankedConfiguration> configurations, List<FrontierPoint> frontier, boolean cancelled) {
    public SearchResult {
        configurations = List.copyOf(configurations);
        frontier = List.copyOf(frontier);
    }

    public long elapsedMillis() {
        return elapsedNanos / 1_000_000;
    }

    /** The cheapest configuration meeting the targets, or null when none does. */
    public RankedConfiguration best() {
        return configurations.isEmpty() || !configurations.getFirst().meetsLatencyTargets() ? null : configurations.getFirst();
    }
}
