package io.inferplan.app.latency;

import io.inferplan.analysis.Analysis;
import io.inferplan.app.tasks.LatestRun;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.sim.CapacityResult;
import io.inferplan.engine.sim.LatencyTargets;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SimulationProgress;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The latency page's state and actions: the open scenario's simulated latency against the request rate around its
 * capacity, and its tail at the operating point (the rate one replica of the sized fleet serves at the peak). It
 * waits for the dashboard's simulated sizing (which gives the capacity), then simulates the curve and the operating
 * point off the FX thread with progress and cancel; a newer scenario or leaving the page cancels the run.
 */
public final class LatencyViewModel {
    /** Rates on the curve: enough to see where the tail takes off, few enough to stay within seconds. */
    public static final int CURVE_POINTS = 12;

    /** What the page shows once a run is done. */
    public record Result(ScenarioSimulation.LatencyCurve curve, ScenarioSimulation.OperatingPoint operatingPoint,
                         CapacityResult capacity, boolean atPeak) {
    }

    private final ObservableValue<Analysis> analysis;
    private final Function<Analysis, ScenarioSimulation> simulation;
    private final LatestRun run;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a valid scenario to see its latency under load.");
    private boolean active;
    private Analysis simulated;

    public LatencyViewModel(ObservableValue<Analysis> analysis, Function<Analysis, ScenarioSimulation> simulation, TaskRunner runner) {
        this.analysis = analysis;
        this.simulation = simulation;
        this.run = new LatestRun(runner);
        analysis.addListener((obs, old, next) -> {
            if (active) {
                refresh();
            }
        });
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why there is nothing (new) to show; empty once a result is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void activate() {
        active = true;
        refresh();
    }

    public void deactivate() {
        active = false;
        cancel();
    }

    public void cancel() {
        run.cancel();
    }

    /** Starts a run for the latest sized analysis, unless the one shown is already for it. */
    private void refresh() {
        Analysis next = analysis.getValue();
        if (next == null) {
            cancel();
            message.set("Open a valid scenario to see its latency under load.");
            return;
        }
        if (!next.sizingDone()) {
            cancel();
            message.set("Waiting for the dashboard's simulated sizing of this scenario…");
            return;
        }
        if (simulated != null && simulated.resolved() == next.resolved() && simulated.sizing() == next.sizing()
                && (result.get() != null || run.runningProperty().get())) {
            return;
        }
        start(next);
    }

    /** Simulates the shown scenario again (after a cancel). */
    public void recompute() {
        simulated = null;
        refresh();
    }

    private void start(Analysis sized) {
        simulated = sized;
        message.set("Simulating…");
        CapacityResult capacity = sized.sizing().capacity();
        boolean atPeak = sized.sizing().reachable();
        // At the peak share of one replica of the sized fleet; without a fleet (targets unreachable), half the
        // replica's steady-state maximum, where a tail is still defined.
        double rate = atPeak ? sized.sizing().peakRequestsPerSecondPerReplica() : capacity.steadyStateMaxRequestsPerSecond() / 2;
        run.start(work -> {
            ScenarioSimulation sim = simulation.apply(sized);
            SimulationProgress whole = SimulationProgress.of(fraction -> work.update(fraction, ""), work::cancelled);
            ScenarioSimulation.LatencyCurve curve = sim.latencyCurve(capacity, CURVE_POINTS, whole.part(0, 0.8));
            ScenarioSimulation.OperatingPoint point = sim.operatingPoint(rate, whole.part(0.8, 1));
            return new Result(curve, point, capacity, atPeak);
        }, new LatestRun.Outcome<Result>() {
            @Override
            public void succeeded(Result value) {
                show(value);
            }

            @Override
            public void failed(Throwable error) {
                simulated = null;
                message.set("The simulation failed: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
            }

            @Override
            public void cancelled() {
                simulated = null;
                message.set(result.get() == null ? "Cancelled: nothing simulated." : "Cancelled: showing the last simulation.");
            }
        });
    }

    private void show(Result value) {
        message.set("");
        summary.set(summaryOf(value));
        result.set(value);
    }

    static String summaryOf(Result value) {
        CapacityResult capacity = value.capacity();
        LatencyTargets targets = capacity.targets();
        var s = value.operatingPoint().summary();
        String where = value.atPeak() ? "at the peak, " : "targets unreachable; at half the steady-state maximum, ";
        String tail = s.overloaded() ? "the replica falls behind (" + s.overloadReason() + ")"
                : String.format(Locale.ROOT, "p50 TTFT %.0f ms, p99 TTFT %.0f ms, p99 TPOT %.1f ms", s.ttft().p50Seconds() * 1e3,
                s.ttft().p99Seconds() * 1e3, s.tpot().p99Seconds() * 1e3);
        String capacityText = capacity.reachable()
                ? String.format(Locale.ROOT, "capacity %.3g requests/s per replica (±%.0f%%) within %s", capacity.maxRequestsPerSecond(),
                capacity.bandPercent(), targets.describe())
                : "no rate meets " + targets.describe();
        return capacityText + " · " + where + String.format(Locale.ROOT, "%.3g requests/s per replica: ", value.operatingPoint().requestsPerSecond()) + tail;
    }
}
