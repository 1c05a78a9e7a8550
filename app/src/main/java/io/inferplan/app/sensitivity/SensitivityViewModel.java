package io.inferplan.app.sensitivity;

import io.inferplan.analysis.Analysis;
import io.inferplan.cli.text.Formats;
import io.inferplan.app.tasks.LatestRun;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.Sensitivity;
import io.inferplan.engine.scenario.Sensitivity.Metric;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The sensitivity page's state and actions: which result to move and by how much, the run in progress (progress,
 * cancel), and the last result with its summary. While the page is shown, every new evaluation of the scenario,
 * and every change of metric or step, starts a new run and cancels the one in progress; leaving the page cancels it.
 */
public final class SensitivityViewModel {
    public static final List<Double> STEPS = List.of(0.1, 0.2, 0.5);

    private final Supplier<String> document;
    private final ObservableValue<Analysis> analysis;
    private final Function<String, ScenarioResult> evaluate;
    private final LatestRun run;
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.OPERATING_PROFIT);
    private final ObjectProperty<Double> step = new SimpleObjectProperty<>(0.2);
    private final ReadOnlyObjectWrapper<Sensitivity.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a valid scenario to see what moves its result.");
    private boolean active;

    /**
     * @param document the open scenario's JSON (null when none is open)
     * @param analysis the open scenario's latest analysis (null until it evaluated)
     * @param evaluate evaluates one moved copy of the scenario
     */
    public SensitivityViewModel(Supplier<String> document, ObservableValue<Analysis> analysis,
                                Function<String, ScenarioResult> evaluate, TaskRunner runner) {
        this.document = document;
        this.analysis = analysis;
        this.evaluate = evaluate;
        this.run = new LatestRun(runner);
        analysis.addListener((obs, old, next) -> {
            // Its moved copies are evaluated in steady state: the sweep and the simulated sizing change nothing here.
            if (active && next != null && (old == null || old.steadyState() != next.steadyState())) {
                recompute();
            }
        });
        metric.addListener((obs, old, next) -> recomputeIfActive());
        step.addListener((obs, old, next) -> recomputeIfActive());
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** The share each input is moved down and up by (one of {@link #STEPS}). */
    public ObjectProperty<Double> stepProperty() {
        return step;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** The latest finished result, or null. */
    public ReadOnlyObjectProperty<Sensitivity.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why there is no chart (empty while there is one to show). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The page came to the front. */
    public void activate() {
        active = true;
        recompute();
    }

    /** The page left the front: nothing to compute for it. */
    public void deactivate() {
        active = false;
        cancel();
    }

    public void cancel() {
        run.cancel();
    }

    private void recomputeIfActive() {
        if (active) {
            recompute();
        }
    }

    public void recompute() {
        cancel();
        String json = document.get();
        if (json == null || analysis.getValue() == null) {
            message.set("Open a valid scenario to see what moves its result.");
            return;
        }
        Metric chosen = metric.get();
        double share = step.get();
        run.start(work -> Sensitivity.of(json, chosen, share, Sensitivity.STANDARD, evaluate, new Sensitivity.Progress() {
            @Override
            public void update(int done, int total) {
                work.update(total == 0 ? 1 : (double) done / total, "");
            }

            @Override
            public boolean cancelled() {
                return work.cancelled();
            }
        }), this::show, error -> {
            message.set("Sensitivity not available: " + error.getMessage());
            summary.set("");
        });
    }

    private void show(Sensitivity.Result value) {
        Metric m = value.metric();
        String top = value.swings().isEmpty() ? "" : " · largest: " + value.swings().getFirst().driver().label()
                + " (" + format(m, value.swings().getFirst().spread(value.base())) + " between its two sides)";
        summary.set(capitalised(m.label()) + " now " + format(m, value.base()) + " " + m.suffix() + top);
        message.set("");
        result.set(value);
    }

    /** The result's figure in its own terms: money as money, anything else as a number. */
    public static String format(Metric metric, double value) {
        return metric.isMoney() ? Formats.usd(value) : Formats.number(value);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
