package io.inferplan.cli.search;

import io.inferplan.engine.optimize.RankedConfiguration;
import java.util.Locale;

/** How a ranked row's simulated percentiles read, the same in `optimize`'s table and on the Optimize page. */
public final class SimulatedCells {
    private SimulatedCells() {
    }

    /**
     * A simulated percentile in ms with {@code format}; {@code notSimulated} for a row the simulator did not look at;
     * "overloaded" where it looked and found the row's replicas overloaded, "n/a" where only TPOT is missing.
     */
    public static String percentileMillis(RankedConfiguration row, Double seconds, String format, String notSimulated) {
        if (!row.simulated()) {
            return notSimulated;
        }
        if (seconds == null) {
            // TTFT always has a p99 unless the run was overloaded; TPOT also has none when no reply had two tokens.
            return row.ttftP99Seconds() == null ? "overloaded" : "n/a";
        }
        return String.format(Locale.ROOT, format, seconds * 1e3);
    }
}
