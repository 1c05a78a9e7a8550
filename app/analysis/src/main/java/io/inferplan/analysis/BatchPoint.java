package io.inferplan.analysis;

/** One batch size on the scenario's hardware: throughput per user against throughput per GPU. */
public record BatchPoint(int batch, double outputTokensPerSecondPerUser, double outputTokensPerSecondPerGpu) {
}
