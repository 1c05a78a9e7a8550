package io.inferplan.catalog.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure.
 *
 * @param metric             what was measured: memoryBandwidth, fp32, fp16, hostToDevice, deviceToHost, launchLatency
 * @param value              the best figure over the repeats, in {@code unit}
 * @param unit               GB/s, GFLOPS or microseconds
 * @param method             how it was measured, in a sentence (kernel, sizes, repeats, timer)
 * @param percentOfDatasheet the figure as a percentage of the matched catalog entry's datasheet figure; null when
 *                           there is no match or no comparable datasheet figure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkResult(String metric, double value, String unit, String method, Double percentOfDatasheet) {
    public static final String MEMORY_BANDWIDTH = "memoryBandwidth";
    public static final String FP32 = "fp32";
    public static final String FP16 = "fp16";
    public static final String HOST_TO_DEVICE = "hostToDevice";
    public static final String DEVICE_TO_HOST = "deviceToHost";
    public static final String LAUNCH_LATENCY = "launchLatency";

    public BenchmarkResult withPercent(Double percent) {
        return new BenchmarkResult(metric, value, unit, method, percent);
    }
}
