package io.inferplan.engine;

import java.util.Arrays;

/** Small descriptive statistics the engine and its reports share. */
public final class Statistics {
    private Statistics() {
    }

    /** Linear-interpolated percentile ({@code quantile} in [0, 1]); 0 for no values. */
    public static double percentile(double[] values, double quantile) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = quantile * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
