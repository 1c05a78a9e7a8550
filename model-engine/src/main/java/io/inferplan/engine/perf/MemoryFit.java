package io.inferplan.engine.perf;

/**
 * Where a GPU's memory goes, per GPU of the replica.
 *
 * @param kvBytesPerSequence  KV cache of one sequence at its average context during decode, per GPU
 * @param maxBatchByMemory    sequences that fit at their full context (input + output)
 */
public record MemoryFit(
        double memoryBytes,
        double weightBytes,
        double runtimeReserveBytes,
        double activationBytes,
        double kvBudgetBytes,
        double kvBytesPerSequence,
        int maxBatchByMemory) {

    /** Bytes the model and runtime need before the first sequence's KV; negative when they do not fit. */
    public double spareBytesBeforeKv() {
        return memoryBytes - weightBytes - runtimeReserveBytes - activationBytes;
    }
}
