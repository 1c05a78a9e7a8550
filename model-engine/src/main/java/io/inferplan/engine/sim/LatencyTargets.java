package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;

/**
 * What the requests must meet: a TTFT and a TPOT limit, each at its own percentile (p99 unless said otherwise;
 * a limit of 0 = no limit on that one).
 *
 * @param ttftPercentile 0.5, 0.9, 0.99 or 0.999
 * @param tpotPercentile 0.5, 0.9, 0.99 or 0.999
 */
public record LatencyTargets(double maxTtftSeconds, double maxTpotSeconds, double ttftPercentile, double tpotPercentile) {
    public LatencyTargets {
        inRange("max_ttft_seconds", maxTtftSeconds, 0.0, 3600.0);
        inRange("max_tpot_seconds", maxTpotSeconds, 0.0, 60.0);
        checkPercentile("ttft_percentile", ttftPercentile);
        checkPercentile("tpot_percentile", tpotPercentile);
    }

    /** Both limits at the same percentile. */
    public LatencyTargets(double maxTtftSeconds, double maxTpotSeconds, double percentile) {
        this(maxTtftSeconds, maxTpotSeconds, percentile, percentile);
    }

    public static LatencyTargets p99(double maxTtftSeconds, double maxTpotSeconds) {
        return new LatencyTargets(maxTtftSeconds, maxTpotSeconds, 0.99);
    }

    /** A scenario's targets at the percentiles it names (p99 where it names none). */
    public static LatencyTargets of(io.inferplan.engine.perf.ServingTarget.LatencyTargets scenario) {
        return new LatencyTargets(scenario.maxTimeToFirstTokenSeconds(), scenario.maxTimePerOutputTokenSeconds(),
                scenario.ttftQuantile(), scenario.tpotQuantile());
    }

    /** "p99 TTFT <= 1500 ms, p90 TPOT <= 50 ms" (the limits set). */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (maxTtftSeconds > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "%s TTFT <= %.0f ms", label(ttftPercentile), maxTtftSeconds * 1e3));
        }
        if (maxTpotSeconds > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "%s TPOT <= %.0f ms", label(tpotPercentile), maxTpotSeconds * 1e3));
        }
        return parts.isEmpty() ? "no latency limits" : String.join(", ", parts);
    }

    private static void checkPercentile(String field, double percentile) {
        if (percentile != 0.5 && percentile != 0.9 && percentile != 0.99 && percentile != 0.999) {
            throw new io.inferplan.engine.InvalidInputException(field, "must be 0.5, 0.9, 0.99 or 0.999, was " + percentile);
        }
    }

    /** "p99", "p99.9": how a percentile is written in scenario files and reports. */
    public static String label(double percentile) {
        return percentile == 0.999 ? "p99.9" : "p" + Math.round(percentile * 100);
    }

    /** The targets' percentiles in words: "p99" when both are the same, else "p99 TTFT / p90 TPOT". */
    public String percentilesLabel() {
        String ttft = label(ttftPercentile);
        String tpot = label(tpotPercentile);
        return ttft.equals(tpot) ? ttft : ttft + " TTFT / " + tpot + " TPOT";
    }

    /** Whether any limit is set (otherwise only keeping up counts). */
    public boolean hasLimits() {
        return maxTtftSeconds > 0 || maxTpotSeconds > 0;
    }

    boolean metBy(double ttftSeconds, double tpotSeconds) {
        return (maxTtftSeconds <= 0 || ttftSeconds <= maxTtftSeconds) && (maxTpotSeconds <= 0 || !(tpotSeconds > maxTpotSeconds));
    }

    static double at(LatencyStats stats, double percentile) {
        if (percentile == 0.5) {
            return stats.p50Seconds();
        }
        if (percentile == 0.9) {
            return stats.p90Seconds();
        }
        return percentile == 0.99 ? stats.p99Seconds() : stats.p999Seconds();
    }

    /** The summary's TTFT at this target's percentile. */
    public double ttftOf(SimulationSummary summary) {
        return at(summary.ttft(), ttftPercentile);
    }

    /** The summary's TPOT at this target's percentile (NaN when no request had two tokens). */
    public double tpotOf(SimulationSummary summary) {
        return summary.tpot().count() == 0 ? Double.NaN : at(summary.tpot(), tpotPercentile);
    }

    /** Whether the summary's percentile TTFT and TPOT are within the limits (never for an overloaded run). */
    public boolean metBy(SimulationSummary summary) {
        return !summary.overloaded() && margin(summary) <= 0;
    }

    /**
     * How far the run is from the binding limit: the larger of percentile / limit - 1 over the limits set (negative:
     * met with room); infinite for an overloaded run; -1 with no limits.
     */
    public double margin(SimulationSummary summary) {
        if (summary.overloaded()) {
            return Double.POSITIVE_INFINITY;
        }
        double margin = -1;
        if (maxTtftSeconds > 0) {
            margin = Math.max(margin, ttftOf(summary) / maxTtftSeconds - 1);
        }
        double tpot = tpotOf(summary);
        if (maxTpotSeconds > 0 && !Double.isNaN(tpot)) {
            margin = Math.max(margin, tpot / maxTpotSeconds - 1);
        }
        return margin;
    }
}
