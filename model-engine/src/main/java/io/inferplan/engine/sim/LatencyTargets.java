package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;

/**
 * What the requests must meet: a TTFT and a TPOT limit at a percentile (p99 unless said otherwise; 0 = no limit).
 *
 * @param percentile 0.5, 0.9, 0.99 or 0.999
 */
public record LatencyTargets(double maxTtftSeconds, double maxTpotSeconds, double percentile) {
    public LatencyTargets {
        inRange("max_ttft_seconds", maxTtftSeconds, 0.0, 3600.0);
        inRange("max_tpot_seconds", maxTpotSeconds, 0.0, 60.0);
        if (percentile != 0.5 && percentile != 0.9 && percentile != 0.99 && percentile != 0.999) {
            throw new io.inferplan.engine.InvalidInputException("percentile", "must be 0.5, 0.9, 0.99 or 0.999, was " + percentile);
        }
    }

    public static LatencyTargets p99(double maxTtftSeconds, double maxTpotSeconds) {
        return new LatencyTargets(maxTtftSeconds, maxTpotSeconds, 0.99);
    }

    boolean metBy(double ttftSeconds, double tpotSeconds) {
        return (maxTtftSeconds <= 0 || ttftSeconds <= maxTtftSeconds) && (maxTpotSeconds <= 0 || !(tpotSeconds > maxTpotSeconds));
    }

    double at(LatencyStats stats) {
        if (percentile == 0.5) {
            return stats.p50Seconds();
        }
        if (percentile == 0.9) {
            return stats.p90Seconds();
        }
        return percentile == 0.99 ? stats.p99Seconds() : stats.p999Seconds();
    }

    /** Whether the summary's percentile TTFT and TPOT are within the limits (never for an overloaded run). */
    public boolean metBy(SimulationSummary summary) {
        return !summary.overloaded() && (maxTtftSeconds <= 0 || at(summary.ttft()) <= maxTtftSeconds)
                && (maxTpotSeconds <= 0 || summary.tpot().count() == 0 || at(summary.tpot()) <= maxTpotSeconds);
    }
}
