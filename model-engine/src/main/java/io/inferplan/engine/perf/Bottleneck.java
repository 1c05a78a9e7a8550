package io.inferplan.engine.perf;

/** What limits a replica at its operating point. */
public enum Bottleneck {
    MEMORY_CAPACITY("memory capacity (KV cache limits the batch)"),
    MEMORY_BANDWIDTH("memory bandwidth (decode reads weights and KV)"),
    COMPUTE("compute (matrix throughput)"),
    COMMUNICATION("communication between GPUs"),
    ENGINE_BATCH_LIMIT("the serving engine's batch limit"),
    LATENCY_TARGET("the latency target"),
    FIXED_OVERHEAD("fixed per-step overheads");

    private final String description;

    Bottleneck(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
