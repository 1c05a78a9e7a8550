package io.inferplan.app.results;

import io.inferplan.app.charts.BreakEvenChart;
import io.inferplan.app.charts.CostByAcceleratorChart;
import io.inferplan.app.charts.ParetoChart;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.List;

/**
 * Everything the dashboard shows for one scenario: the engine's result and the sweeps the charts add to it
 * (other accelerators, batch sizes, volumes).
 *
 * @param latencyTargets   the scenario's TTFT and TPOT targets, or null when it has none
 * @param sources          where the scenario's prices and figures come from, as its author wrote them
 * @param evaluationMillis wall time of the whole evaluation, sweeps included
 */
public record Analysis(ScenarioResult result, List<CostByAcceleratorChart.Row> costByAccelerator, CostByAcceleratorChart.Coverage costCoverage,
                       List<ParetoChart.Point> pareto, ParetoChart.Point operatingPoint, BreakEvenChart.Curve breakEven,
                       io.inferplan.engine.perf.ServingTarget.LatencyTargets latencyTargets, List<String> sources, long evaluationMillis) {
    public Analysis {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
