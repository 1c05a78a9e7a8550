package io.inferplan.engine.optimize;

import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.hardware.AcceleratorSpec;

/**
 * One part the search may use, with what a GPU of it costs. The engine knows no catalog or price list: the caller
 * says which parts and at which rate (rented per GPU-hour, or owned).
 *
 * @param cost        the cost basis every configuration on this part is priced at
 * @param priceSource where the price comes from, for the reader ("your price", "catalog: Lambda, 2026-10")
 */
public record Candidate(AcceleratorSpec accelerator, CostModel cost, String priceSource) {
    public Candidate {
        present("candidate.accelerator", accelerator);
        present("candidate.cost", cost);
        priceSource = priceSource == null ? "" : priceSource;
    }
}
