package io.inferplan.analysis;

/**
 * What the cost-by-accelerator sweep leaves out, so that it can say so: parts that cannot serve the model, parts with no rental price
 * anywhere, and parts so much dearer than the cheapest that their bars would squash the rest into slivers.
 *
 * @param dearerFromUsd the lowest cost per M output tokens among the dearer parts left out (0 when none)
 */
public record AcceleratorCostCoverage(int notFitting, int unpriced, int dearerLeftOut, double dearerFromUsd) {
    public static final AcceleratorCostCoverage NONE = new AcceleratorCostCoverage(0, 0, 0, 0);
}
