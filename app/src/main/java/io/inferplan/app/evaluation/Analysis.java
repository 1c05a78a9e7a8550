package io.inferplan.app.evaluation;

import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.List;

/**
 * Everything the dashboard shows for one scenario: the engine's result and the sweeps the charts add to it. It
 * comes in two phases: first the scenario itself (result, batch sizes, volumes), at once; then the same workload on
 * every accelerator of the catalog ({@link #acceleratorSweep()}, null until that second phase is done).
 *
 * @param resolved         the scenario as evaluated (other pages sweep from it)
 * @param latencyTargets   the scenario's TTFT and TPOT targets, or null when it has none
 * @param sources          where the scenario's prices and figures come from, as its author wrote them
 * @param evaluationMillis wall time of the first phase
 */
public record Analysis(ResolvedScenario resolved, ScenarioResult result, List<BatchPoint> pareto, BatchPoint operatingPoint,
                       BreakEvenCurve breakEven, ServingTarget.LatencyTargets latencyTargets, List<String> sources,
                       long evaluationMillis, AcceleratorSweep acceleratorSweep) {
    public Analysis {
        sources = sources == null ? List.of() : List.copyOf(sources);
        pareto = List.copyOf(pareto);
    }

    /** The same analysis with its second phase done. */
    public Analysis withAcceleratorSweep(AcceleratorSweep sweep) {
        return new Analysis(resolved, result, pareto, operatingPoint, breakEven, latencyTargets, sources, evaluationMillis, sweep);
    }

    public boolean acceleratorSweepDone() {
        return acceleratorSweep != null;
    }
}
