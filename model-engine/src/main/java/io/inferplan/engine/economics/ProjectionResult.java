package io.inferplan.engine.economics;

import java.util.List;

/**
 * A month-by-month projection and what it says.
 *
 * @param breakEvenMonth  first month whose revenue covers all that month's costs; null when none within the horizon
 * @param paybackMonth    first month the cumulative cash is back at or above 0; null when none within the horizon
 */
public record ProjectionResult(List<ProjectionMonth> months, Integer breakEvenMonth, Integer paybackMonth,
                               double totalRevenueUsd, double totalCostUsd, double totalOperatingProfitUsd,
                               long peakGpus) {
    public ProjectionResult {
        months = List.copyOf(months);
    }
}
