package io.inferplan.analysis;

import java.util.List;

/** The scenario's workload on every priced part of the catalog at its best configuration: the bars drawn, what was left out, and the parts without a price (by name). */
public record AcceleratorSweep(List<AcceleratorCost> costs, AcceleratorCostCoverage coverage, List<String> unpriced) {
    public AcceleratorSweep {
        costs = List.copyOf(costs);
        unpriced = List.copyOf(unpriced);
    }
}
