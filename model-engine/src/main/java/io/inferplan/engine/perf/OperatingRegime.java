package io.inferplan.engine.perf;

import io.inferplan.engine.model.ModelSpec;

/**
 * Where an operating point sits, for error bands: errors differ between a few users per replica (launch, host and
 * collective latencies dominate) and large batches (compute, memory and KV traffic dominate), and between dense and
 * mixture-of-experts models (routing, expert traffic, all-to-all).
 *
 * @param latencyBound at most {@link #LATENCY_BOUND_MAX_BATCH} sequences in flight
 */
public record OperatingRegime(boolean latencyBound, boolean moe) {
    /** Up to this batch the fixed per-step costs are a large share of a decode step on every part measured. */
    public static final int LATENCY_BOUND_MAX_BATCH = 16;

    public static OperatingRegime of(ModelSpec model, int batch) {
        return new OperatingRegime(batch <= LATENCY_BOUND_MAX_BATCH, model.isMoe());
    }

    public String describe() {
        return (latencyBound ? "latency-bound" : "throughput-bound") + ", " + (moe ? "MoE" : "dense");
    }
}
