package io.inferplan.engine.perf;

/** The three figures a prediction states, each with its own error band. */
public enum PredictedMetric {
    /** Output tokens per second of the replica. */
    THROUGHPUT,
    /** Mean time to first token. */
    TTFT,
    /** Mean time per output token after the first. */
    TPOT
}
