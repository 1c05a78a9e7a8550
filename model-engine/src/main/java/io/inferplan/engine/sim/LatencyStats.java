package io.inferplan.engine.sim;

import java.util.Arrays;

/** Mean and percentiles of one latency over the measured requests, in seconds (nearest-rank percentiles). */
public record LatencyStats(int count, double meanSeconds, double p50Seconds, double p90Seconds, double p99Seconds,
                           double p999Seconds, double maxSeconds) {

    public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Sorts {@code values[0..count)} in place. */
    static LatencyStats of(double[] values, int count) {
        if (count == 0) {
            return EMPTY;
        }
        Arrays.sort(values, 0, count);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return new LatencyStats(count, sum / count, rank(values, count, 0.5), rank(values, count, 0.9), rank(values, count, 0.99),
                rank(values, count, 0.999), values[count - 1]);
    }

    private static double rank(double[] sorted, int count, double quantile) {
        int index = (int) Math.ceil(quantile * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))];
    }
}
