package io.inferplan.engine.economics;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

/**
 * A newer accelerator that takes over new capacity from {@code fromMonth}. Rented fleets move to it entirely
 * that month; owned fleets keep the GPUs they have and buy the new generation for what they lack.
 *
 * @param accelerator     catalog id (or alias) of the new accelerator
 * @param tensorParallel  GPUs per replica on the new generation (null: as in the deployment)
 * @param cost            what the new generation costs (its own rate or price)
 */
public record NewGeneration(int fromMonth, String accelerator, Integer tensorParallel, CostModel cost) {
    public NewGeneration {
        inRange("fromMonth", fromMonth, 1, 240);
        accelerator = text("accelerator", accelerator);
        if (tensorParallel != null) {
            inRange("tensorParallel", tensorParallel, 1, 4096);
        }
        present("cost", cost);
    }
}
