package io.inferplan.engine.perf;

/**
 * A disaggregated deployment's operating point in a closed loop of {@code concurrency} users.
 *
 * @param outputTokensPerSecond        generated tokens per second of both pools together
 * @param timeToFirstTokenSeconds      mean: prefill queue + own prefill + KV transfer + first decode step (+ host costs)
 * @param timePerOutputTokenSeconds    a decode worker's step at its batch, over tokens per step (no prefill in it)
 * @param prefillQueueSeconds          mean wait for a prefill worker
 * @param prefillSeconds               the request's own prefill on its worker
 * @param kvTransferSeconds            moving the prompt's KV cache to the decode worker
 * @param decodeBatchPerWorker         sequences decoding on each decode worker (mean)
 * @param prefillCapacityRequestsPerSecond the prefill pool's most requests per second
 * @param decodeCapacityRequestsPerSecond  the decode pool's requests per second at its memory-limited batch
 * @param decodeWorker                 one decode worker's own estimate at its batch (memory, limits, attention layout)
 */
public record DisaggregatedEstimate(
        DisaggregatedDeployment deployment,
        int concurrency,
        double outputTokensPerSecond,
        double timeToFirstTokenSeconds,
        double timePerOutputTokenSeconds,
        double prefillQueueSeconds,
        double prefillSeconds,
        double kvTransferSeconds,
        double decodeBatchPerWorker,
        double prefillCapacityRequestsPerSecond,
        double decodeCapacityRequestsPerSecond,
        PerformanceEstimate decodeWorker) {

    public double outputTokensPerSecondPerGpu() {
        return outputTokensPerSecond / deployment.gpus();
    }

    /** The pool that caps the throughput: the one with the lower request capacity. */
    public boolean prefillLimited() {
        return prefillCapacityRequestsPerSecond < decodeCapacityRequestsPerSecond;
    }
}
