package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;

/** What the operating point of a replica is chosen for. */
public sealed interface ServingTarget {

    /** Highest throughput: batch limited only by memory and the engine's batch limit. */
    record Offline() implements ServingTarget {
    }

    /** Exactly this many requests in flight. */
    record FixedBatch(int concurrentRequests) implements ServingTarget {
        public FixedBatch {
            inRange("batch", concurrentRequests, 1, 1_000_000);
        }
    }

    /** Highest throughput with every user served at least this many output tokens per second. */
    record Interactivity(double minOutputTokensPerSecondPerUser) implements ServingTarget {
        public Interactivity {
            positive("minTokensPerSecondPerUser", minOutputTokensPerSecondPerUser, 100_000);
        }
    }

    /**
     * Highest throughput within latency targets (0 means no limit on that one). The steady-state estimate compares
     * them with its mean figures; the simulator with the percentile each names ({@code "p50"}, {@code "p90"},
     * {@code "p99"} or {@code "p99.9"}; absent: p99). Absent percentiles stay absent when the target is written back.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record LatencyTargets(double maxTimeToFirstTokenSeconds, double maxTimePerOutputTokenSeconds,
                          String timeToFirstTokenPercentile, String timePerOutputTokenPercentile) implements ServingTarget {
        /** The percentiles a target may name, as written in scenario files. */
        public static final java.util.List<String> PERCENTILES = java.util.List.of("p50", "p90", "p99", "p99.9");
        public static final String DEFAULT_PERCENTILE = "p99";

        public LatencyTargets {
            inRange("latency.maxTimeToFirstTokenSeconds", maxTimeToFirstTokenSeconds, 0.0, 3600.0);
            inRange("latency.maxTimePerOutputTokenSeconds", maxTimePerOutputTokenSeconds, 0.0, 60.0);
            timeToFirstTokenPercentile = percentile("latency.timeToFirstTokenPercentile", timeToFirstTokenPercentile);
            timePerOutputTokenPercentile = percentile("latency.timePerOutputTokenPercentile", timePerOutputTokenPercentile);
        }

        /** Limits at the default percentile (p99). */
        public LatencyTargets(double maxTimeToFirstTokenSeconds, double maxTimePerOutputTokenSeconds) {
            this(maxTimeToFirstTokenSeconds, maxTimePerOutputTokenSeconds, null, null);
        }

        /** The TTFT limit's percentile as a quantile (0.99 when the file names none). */
        public double ttftQuantile() {
            return quantile(timeToFirstTokenPercentile);
        }

        /** The TPOT limit's percentile as a quantile (0.99 when the file names none). */
        public double tpotQuantile() {
            return quantile(timePerOutputTokenPercentile);
        }

        private static String percentile(String field, String value) {
            if (value == null) {
                return null;
            }
            String key = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (!PERCENTILES.contains(key)) {
                throw new io.inferplan.engine.InvalidInputException(field, "must be one of " + String.join(", ", PERCENTILES)
                        + " (absent: " + DEFAULT_PERCENTILE + "), was '" + value + "'");
            }
            return key;
        }

        private static double quantile(String percentile) {
            return switch (percentile == null ? DEFAULT_PERCENTILE : percentile) {
                case "p50" -> 0.5;
                case "p90" -> 0.9;
                case "p99.9" -> 0.999;
                default -> 0.99;
            };
        }
    }
}
