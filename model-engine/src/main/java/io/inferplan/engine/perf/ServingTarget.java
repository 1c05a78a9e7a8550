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

    /** Highest throughput within latency targets (p50 figures; 0 means no limit on that one). */
    record LatencyTargets(double maxTimeToFirstTokenSeconds, double maxTimePerOutputTokenSeconds) implements ServingTarget {
        public LatencyTargets {
            inRange("latency.maxTimeToFirstTokenSeconds", maxTimeToFirstTokenSeconds, 0.0, 3600.0);
            inRange("latency.maxTimePerOutputTokenSeconds", maxTimePerOutputTokenSeconds, 0.0, 60.0);
        }
    }
}
