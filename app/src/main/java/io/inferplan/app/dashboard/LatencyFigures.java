package io.inferplan.app.dashboard;

import io.inferplan.engine.perf.ServingTarget;
import java.util.Locale;

/**
 * The dashboard's latency tile: the steady-state mean TTFT and TPOT at the operating point, the scenario's targets
 * beside them, and which target binds (the one the operating point sits closest to). The figures are means; the
 * serving simulator (inferplan simulate) gives the percentiles.
 */
record LatencyFigures(String value, String detail) {
    /** Within this share of a target, the target is what stops a larger batch. */
    static final double BINDING_SHARE = 0.9;

    static LatencyFigures of(double ttftSeconds, double tpotSeconds, ServingTarget.LatencyTargets targets) {
        String value = seconds(ttftSeconds) + " · " + milliseconds(tpotSeconds);
        if (targets == null || (targets.maxTimeToFirstTokenSeconds() <= 0 && targets.maxTimePerOutputTokenSeconds() <= 0)) {
            return new LatencyFigures(value, "no targets: sized for throughput (means)");
        }
        double ttftUse = targets.maxTimeToFirstTokenSeconds() > 0 ? ttftSeconds / targets.maxTimeToFirstTokenSeconds() : 0;
        double tpotUse = targets.maxTimePerOutputTokenSeconds() > 0 ? tpotSeconds / targets.maxTimePerOutputTokenSeconds() : 0;
        String binds = Math.max(ttftUse, tpotUse) < BINDING_SHARE ? "neither binds"
                : tpotUse >= ttftUse ? "TPOT binds" : "TTFT binds";
        String ttftTarget = targets.maxTimeToFirstTokenSeconds() > 0 ? seconds(targets.maxTimeToFirstTokenSeconds()) : "none";
        String tpotTarget = targets.maxTimePerOutputTokenSeconds() > 0 ? milliseconds(targets.maxTimePerOutputTokenSeconds()) : "none";
        return new LatencyFigures(value, "targets " + ttftTarget + " · " + tpotTarget + "; " + binds + " (means)");
    }

    /**
     * The simulated tail at the replica's capacity (the worst a sized fleet sees at its peak): TTFT and TPOT at the
     * targets' percentiles.
     */
    static LatencyFigures simulated(io.inferplan.engine.sim.CapacityResult capacity) {
        var targets = capacity.targets();
        var summary = capacity.atCapacity();
        double tpot = targets.tpotOf(summary);
        String value = seconds(targets.ttftOf(summary)) + " · " + (Double.isNaN(tpot) ? "–" : milliseconds(tpot));
        String limits = (targets.maxTtftSeconds() > 0 ? seconds(targets.maxTtftSeconds()) : "none") + " · "
                + (targets.maxTpotSeconds() > 0 ? milliseconds(targets.maxTpotSeconds()) : "none");
        return new LatencyFigures(value, targets.percentilesLabel() + ", simulated at "
                + String.format(Locale.ROOT, "%.3g", capacity.maxRequestsPerSecond()) + " req/s per replica; targets " + limits);
    }

    /** Short enough for a tile: two significant figures. */
    private static String seconds(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.2g s", value).replace("e+00", "") : String.format(Locale.ROOT, "%.0f s", value);
    }

    private static String milliseconds(double value) {
        double ms = value * 1e3;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
