package io.inferplan.analysis;

import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.sim.ScenarioSimulation;
import java.util.List;

/**
 * Everything the dashboard shows for one scenario: the engine's result and the sweeps the charts add to it. It
 * comes in phases: first the scenario from the steady-state estimate (result, batch sizes, volumes), at once; then,
 * each when done, the same workload on every accelerator of the catalog ({@link #acceleratorSweep()}) and the fleet
 * sized from the serving simulator at the latency targets' percentiles ({@link #sizing()}); null until done.
 *
 * @param resolved         the scenario as evaluated (other pages sweep and simulate from it)
 * @param steadyState      the engine's result from the steady-state estimate
 * @param latencyTargets   the scenario's TTFT and TPOT targets, or null when it has none
 * @param sources          where the scenario's prices and figures come from, as its author wrote them
 * @param evaluationMillis wall time of the first phase
 * @param routes           the scenario's routes evaluated (each on its deployment, and the whole service); null when
 *                         it has none ({@link #steadyState()} and the sweeps are then the unrouted baseline's)
 */
public record Analysis(ResolvedScenario resolved, ScenarioResult steadyState, List<BatchPoint> pareto, BatchPoint operatingPoint,
                       BreakEvenCurve breakEven, ServingTarget.LatencyTargets latencyTargets, List<String> sources,
                       long evaluationMillis, AcceleratorSweep acceleratorSweep, ScenarioSimulation.Sizing sizing,
                       RoutedResult routes) {
    public Analysis {
        sources = sources == null ? List.of() : List.copyOf(sources);
        pareto = List.copyOf(pareto);
    }

    /**
     * The result to show: sized from the simulator once that is done and some rate meets the targets, else the
     * steady-state estimate's.
     */
    public ScenarioResult result() {
        return simulated() ? sizing.simulated() : steadyState;
    }

    /** Whether {@link #result()} comes from the simulator. */
    public boolean simulated() {
        return sizing != null && sizing.reachable();
    }

    /** The same analysis with its accelerator sweep done. */
    public Analysis withAcceleratorSweep(AcceleratorSweep sweep) {
        return new Analysis(resolved, steadyState, pareto, operatingPoint, breakEven, latencyTargets, sources, evaluationMillis,
                sweep, sizing, routes);
    }

    /** The same analysis with its simulated sizing done; the break-even curve follows the simulated costs. */
    public Analysis withSizing(ScenarioSimulation.Sizing done, BreakEvenCurve curve) {
        return new Analysis(resolved, steadyState, pareto, operatingPoint, curve, latencyTargets, sources, evaluationMillis,
                acceleratorSweep, done, routes);
    }

    public boolean hasRoutes() {
        return routes != null;
    }

    public boolean acceleratorSweepDone() {
        return acceleratorSweep != null;
    }

    public boolean sizingDone() {
        return sizing != null;
    }
}
