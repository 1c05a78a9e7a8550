package io.inferplan.app.evaluation;

/** The workload's cost on one accelerator (the cost-by-accelerator chart's bar); {@code chosen} marks the scenario's own hardware. */
public record AcceleratorCost(String accelerator, double usdPerMillionInputTokens, double usdPerMillionOutputTokens, boolean chosen) {
}
