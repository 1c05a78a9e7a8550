package io.inferplan.analysis;

/**
 * One part's bar: the workload at the part's best configuration.
 *
 * @param configuration the layout found ("×4 TP4 fp8 SGLang")
 * @param chosen        the scenario's own part
 * @param meetsTargets  false when no configuration of the part meets the latency targets (its costs are then at
 *                      full throughput)
 */
public record AcceleratorCost(String accelerator, String configuration, double usdPerMillionInputTokens,
                              double usdPerMillionOutputTokens, boolean chosen, boolean meetsTargets) {
}
