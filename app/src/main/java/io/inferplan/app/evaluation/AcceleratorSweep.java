package io.inferplan.app.evaluation;

import java.util.List;

/** The scenario's workload on every priced accelerator of the catalog: the bars drawn and what was left out. */
public record AcceleratorSweep(List<AcceleratorCost> costs, AcceleratorCostCoverage coverage) {
    public AcceleratorSweep {
        costs = List.copyOf(costs);
    }
}
