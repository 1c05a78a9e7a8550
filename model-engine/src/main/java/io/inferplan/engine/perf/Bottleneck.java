package io.inferplan.engine.perf;

/** What limits a replica at its operating point. */
public enum Bottleneck {
    MEMORY_CAPACITY("memory capacity (KV cache limits the batch)"),
    MEMORY_BANDWIDTH("memory bandwidth (decode reads weights and KV)"),
    COMPUTE("compute (matrix throughput)"),
    COMMUNICATION("communication between GPUs"),
    ENGINE_BATCH_LIMIT("the serving engine's batch limit"),
    LATENCY_TARGET("the latency target"),
    /**
     * The target asks for more than the model predicts even one user alone gets, but by less than the model's error
     * band for that figure: published systems reach such targets, so the replica is planned at one user instead of
     * being declared unable to serve it.
     */
    LATENCY_TARGET_WITHIN_BAND("the latency target, beyond the predicted speed of one user alone but within its error band: "
            + "planned at one user per replica"),
    FIXED_OVERHEAD("fixed per-step overheads");

    private final String description;

    Bottleneck(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
