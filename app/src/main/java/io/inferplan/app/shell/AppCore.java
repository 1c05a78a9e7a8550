package io.inferplan.app.shell;

import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.evaluation.EvaluationInputs;
import io.inferplan.app.evaluation.EvaluationService;
import io.inferplan.app.evaluation.InputChange;
import io.inferplan.app.evaluation.InputChanges;
import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.app.fx.Background;
import io.inferplan.app.fx.Pulses;
import io.inferplan.app.tasks.FxTaskRunner;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.theme.Theme;
import io.inferplan.catalog.AcceleratorCatalog;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The part of the app that needs no database: the open scenario, the inputs it is evaluated against, its
 * evaluation, the task runner and the theme. It exists before the workspace is open, so the dashboard can be built
 * while the databases open; {@link AppContext} adds the stores and hands the inputs the user's catalog and prices
 * once they are read. Every change of input goes one way: published on {@link #changes()}, which the evaluation
 * follows.
 */
public final class AppCore {
    private final ScenarioSession session = new ScenarioSession();
    private final InputChanges changes = new InputChanges(AppCore::onFxThread);
    private final EvaluationInputs inputs;
    private final ScenarioAnalyzer analyzer;
    private final TaskRunner tasks = new FxTaskRunner();
    /** The first phase of every evaluation, alone on its thread: it never queues behind sweeps and simulations. */
    private static final java.util.concurrent.Executor FIRST_PHASE = Background.dedicatedThread("inferplan-evaluation");
    private final EvaluationService evaluation;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public AppCore(AcceleratorCatalog catalog) {
        this.inputs = new EvaluationInputs(catalog, changes);
        this.analyzer = new ScenarioAnalyzer(inputs::catalog, inputs::rentalRates);
        this.evaluation = new EvaluationService(analyzer, new FxTaskRunner(FIRST_PHASE), tasks, AppCore::afterTwoPulses);
        evaluation.follow(changes, session::json);
        session.onChange(cause -> changes.publish(cause == ScenarioSession.Cause.OPENED ? InputChange.OPENED : InputChange.EDITED));
    }

    /** Until the user's catalog is read, the bundled one. */
    public static AppCore withBundledCatalog() {
        return new AppCore(AcceleratorCatalog.bundled());
    }

    /** Runs {@code work} on the FX thread once two more frames have been drawn (what was just shown is on screen). */
    private static void afterTwoPulses(Runnable work) {
        onFxThread(() -> Pulses.after(2, work));
    }

    private static void onFxThread(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    /** The catalog the app evaluates against: bundled entries with the user's own over them. */
    public AcceleratorCatalog catalog() {
        return inputs.catalog();
    }

    public EvaluationInputs inputs() {
        return inputs;
    }

    public InputChanges changes() {
        return changes;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ScenarioSession session() {
        return session;
    }

    public ScenarioAnalyzer analyzer() {
        return analyzer;
    }

    public EvaluationService evaluation() {
        return evaluation;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ChartStyle chartStyle() {
        return theme.get().chartStyle();
    }
}
