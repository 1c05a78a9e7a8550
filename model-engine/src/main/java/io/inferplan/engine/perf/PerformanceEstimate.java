package io.inferplan.engine.perf;

/**
 * A replica at its steady-state operating point under continuous batching.
 *
 * @param batch                           concurrent sequences
 * @param outputTokensPerSecond           generated tokens per second of the whole replica
 * @param outputTokensPerSecondPerGpu     the same divided by the replica's GPUs
 * @param requestsPerSecond               completed requests per second of the replica
 * @param timeToFirstTokenSeconds         mean time to first token: at a fixed batch or under a per-user target, the mean a
 *                                        closed loop of that many users sees (own prefill, the iterations it shares,
 *                                        the prefills queued ahead); offline, the same for the batch in flight
 * @param timePerOutputTokenSeconds       between tokens after the first (decode step time over tokens per step)
 * @param outputTokensPerSecondPerUser    1 / TPOT
 * @param prefillTimeShare                share of the replica's time spent on prefill work (for attributing cost)
 * @param decodeStepSeconds               one decode iteration of the whole batch
 * @param prefillSecondsPerRequest        GPU-replica seconds of prefill work per request
 * @param attentionParallelism            the layout the estimate is for (never AUTO: the one chosen)
 */
public record PerformanceEstimate(
        int batch,
        double outputTokensPerSecond,
        double outputTokensPerSecondPerGpu,
        double requestsPerSecond,
        double timeToFirstTokenSeconds,
        double timePerOutputTokenSeconds,
        double outputTokensPerSecondPerUser,
        double prefillTimeShare,
        double decodeStepSeconds,
        double prefillSecondsPerRequest,
        Bottleneck limitedBy,
        MemoryFit memory,
        ErrorBand errorBand,
        AttentionParallelism attentionParallelism) {

    /** An estimate for tensor-parallel attention (the layout of dense models). */
    public PerformanceEstimate(int batch, double outputTokensPerSecond, double outputTokensPerSecondPerGpu, double requestsPerSecond,
                               double timeToFirstTokenSeconds, double timePerOutputTokenSeconds, double outputTokensPerSecondPerUser,
                               double prefillTimeShare, double decodeStepSeconds, double prefillSecondsPerRequest, Bottleneck limitedBy,
                               MemoryFit memory, ErrorBand errorBand) {
        this(batch, outputTokensPerSecond, outputTokensPerSecondPerGpu, requestsPerSecond, timeToFirstTokenSeconds,
                timePerOutputTokenSeconds, outputTokensPerSecondPerUser, prefillTimeShare, decodeStepSeconds, prefillSecondsPerRequest,
                limitedBy, memory, errorBand, AttentionParallelism.TENSOR);
    }
}
