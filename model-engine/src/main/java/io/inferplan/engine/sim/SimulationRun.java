package io.inferplan.engine.sim;

/**
 * Everything one simulated run produced: per request (index = request id) when it was first scheduled, its first
 * token and its last token (seconds from the start), how often it was preempted; and occupancy sampled over time.
 *
 * @param requests              the requests, with the arrival times a closed loop gave them
 * @param sampleKvShare         share of KV blocks in use at each sample time
 * @param samplePreemptions     preemptions so far at each sample time
 * @param prefixHits            admissions that found their shared prefix cached (requests with prefix ids)
 * @param prefixEvictions       cached prefixes evicted (least recently used first) to make room
 * @param swapOuts              preemptions whose KV blocks went to host memory (swap preemption; the rest recomputed)
 * @param swapSeconds           engine time spent copying swapped blocks out and back over the host link
 * @param prefillTokens         prompt tokens computed, re-prefills after recompute preemptions included
 */
public record SimulationRun(RequestSet requests, double[] firstScheduledSeconds, double[] firstTokenSeconds,
                            double[] finishSeconds, int[] preemptionsPerRequest, long steps, long preemptions,
                            long prefixHits, long prefixEvictions, long swapOuts, double swapSeconds,
                            long prefillTokens, int kvBlocks,
                            SchedulerPolicy policy, double endSeconds, double[] sampleSeconds, float[] sampleKvShare,
                            int[] sampleRunning, int[] sampleWaiting, long[] samplePreemptions) {

    public double ttftSeconds(int request) {
        return firstTokenSeconds[request] - requests.arrivalSeconds()[request];
    }

    public double queueSeconds(int request) {
        return firstScheduledSeconds[request] - requests.arrivalSeconds()[request];
    }

    public double e2eSeconds(int request) {
        return finishSeconds[request] - requests.arrivalSeconds()[request];
    }

    /** Time per output token after the first (MLPerf's TPOT); NaN for a one-token reply. */
    public double tpotSeconds(int request) {
        int tokens = requests.outputTokens()[request];
        return tokens <= 1 ? Double.NaN : (finishSeconds[request] - firstTokenSeconds[request]) / (tokens - 1);
    }
}
