package io.inferplan.app.evaluation;

import io.inferplan.analysis.AcceleratorCostCoverage;
import io.inferplan.analysis.AcceleratorSweep;
import io.inferplan.analysis.Analysis;
import io.inferplan.analysis.ScenarioAnalyzer;

import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.OutOfRangeException;
import java.util.function.Supplier;
import io.inferplan.engine.sim.ScenarioSimulation;
import io.inferplan.engine.sim.SimulationProgress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Evaluates the open scenario whenever one of its inputs changes ({@link InputChanges}), in phases: the scenario
 * itself from the steady-state estimate first, published at once; then, side by side, the catalog-wide accelerator
 * sweep and the fleet sized by the serving simulator at the latency targets' percentiles, each published when done.
 * Neither delays the first phase of a newer edit: a newer request cancels them. There is no debounce: while one evaluation runs, further
 * requests coalesce into one, evaluated as soon as it ends, so a burst of keystrokes costs at most two evaluations
 * and each result shows as soon as it exists. A failed evaluation leaves the last good analysis in place and reports
 * the problem (with the field it names) instead.
 */
public final class EvaluationService {
    /**
     * Why the latest document could not be evaluated.
     *
     * @param range the allowed range as numbers in the document's units, when the problem is a number out of range
     */
    public record Problem(String field, String message, OutOfRangeException range) {
        public Problem(String field, String message) {
            this(field, message, null);
        }
    }

    private final ScenarioAnalyzer analyzer;
    private final TaskRunner runner;
    private final TaskRunner laterPhases;
    private final Executor afterFirstShown;
    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty sweeping = new SimpleBooleanProperty();
    private final BooleanProperty sizing = new SimpleBooleanProperty();
    private final DoubleProperty sizingProgress = new SimpleDoubleProperty();
    private final StringProperty sizingProblem = new SimpleStringProperty("");
    private boolean firstPhaseRunning;
    private String pendingJson;
    private long pendingSinceNanos;
    private volatile long generation;
    private TaskRunner.Job sweep;
    private TaskRunner.Job simulation;
    private volatile long lastLatencyMillis = -1;
    private String warmUpDocument;

    public EvaluationService(ScenarioAnalyzer analyzer, TaskRunner runner) {
        this(analyzer, runner, runner);
    }

    /**
     * @param firstPhase  runs the first phase; in the app a thread of its own, so that an edit never waits for a
     *                    worker still busy with the last edit's sweep or simulation
     * @param laterPhases runs the accelerator sweep and the simulated sizing
     */
    public EvaluationService(ScenarioAnalyzer analyzer, TaskRunner firstPhase, TaskRunner laterPhases) {
        this(analyzer, firstPhase, laterPhases, Runnable::run);
    }

    /**
     * @param afterFirstShown where the later phases are started from: in the app once the first phase's charts are on
     *                        screen, so that the sweep and the simulation do not take the cores while they are drawn
     */
    public EvaluationService(ScenarioAnalyzer analyzer, TaskRunner firstPhase, TaskRunner laterPhases, Executor afterFirstShown) {
        this.analyzer = analyzer;
        this.runner = firstPhase;
        this.laterPhases = laterPhases;
        this.afterFirstShown = afterFirstShown;
    }

    /** Evaluates {@code document} (the open scenario's JSON, null when none is open) on every change. */
    public void follow(InputChanges changes, Supplier<String> document) {
        changes.listen(change -> {
            String json = document.get();
            if (json != null) {
                request(json);
            }
        });
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** True from a request until its first phase is published. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** True while the accelerator sweep of the shown analysis is still running. */
    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping;
    }

    /** True while the fleet of the shown analysis is being sized by the serving simulator. */
    public ReadOnlyBooleanProperty sizingProperty() {
        return sizing;
    }

    /** How far the sizing is, 0 to 1. */
    public ReadOnlyDoubleProperty sizingProgressProperty() {
        return sizingProgress;
    }

    /** From the request (the edit) to the first phase being published, for the last evaluation; -1 before the first. */
    public long lastLatencyMillis() {
        return lastLatencyMillis;
    }

    /** Asks for an evaluation of this document: at once, or as soon as the one running ends. */
    public void request(String json) {
        if (pendingJson == null) {
            pendingSinceNanos = System.nanoTime();
        }
        pendingJson = json;
        running.set(true);
        cancelLaterPhases();
        if (!firstPhaseRunning) {
            startFirstPhase();
        }
    }

    private void startFirstPhase() {
        String json = pendingJson;
        warmUpDocument = json;
        long requestedAt = pendingSinceNanos;
        pendingJson = null;
        firstPhaseRunning = true;
        long id = ++generation;
        runner.submit(progress -> evaluate(json), new TaskRunner.Listener<Outcome>() {
            @Override
            public void succeeded(Outcome outcome) {
                firstPhaseDone(id, outcome, requestedAt);
            }

            @Override
            public void failed(Throwable error) {
                firstPhaseDone(id, new Outcome(null, new Problem(null, "could not evaluate: " + error)), requestedAt);
            }
        });
    }

    private record Outcome(Analysis analysis, Problem problem) {
    }

    private Outcome evaluate(String json) {
        try {
            return new Outcome(analyzer.analyze(json), null);
        } catch (InvalidInputException e) {
            return new Outcome(null, new Problem(e.field(), e.reason(), e instanceof OutOfRangeException range ? range : null));
        } catch (RuntimeException e) {
            return new Outcome(null, new Problem(null, "could not evaluate: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    private void firstPhaseDone(long id, Outcome outcome, long requestedAt) {
        firstPhaseRunning = false;
        if (pendingJson != null) {
            // A newer document is waiting: it is the one to show.
            startFirstPhase();
            return;
        }
        if (id != generation) {
            running.set(false);
            return;
        }
        running.set(false);
        if (outcome.analysis() != null) {
            problem.set(null);
            analysis.set(outcome.analysis());
            lastLatencyMillis = (System.nanoTime() - requestedAt) / 1_000_000;
            Analysis first = outcome.analysis();
            sweeping.set(true);
            sizing.set(true);
            sizingProgress.set(0);
            afterFirstShown.execute(() -> {
                if (id == generation && current(first)) {
                    startSweep(id, first);
                    startSizing(id, first);
                }
            });
        } else {
            problem.set(outcome.problem());
            lastLatencyMillis = (System.nanoTime() - requestedAt) / 1_000_000;
        }
    }

    private void startSweep(long id, Analysis first) {
        sweep = laterPhases.submit(progress -> analyzer.acceleratorSweep(first, progress::cancelled), new TaskRunner.Listener<AcceleratorSweep>() {
            @Override
            public void succeeded(AcceleratorSweep done) {
                if (id == generation && current(first)) {
                    sweeping.set(false);
                    analysis.set(analysis.get().withAcceleratorSweep(done));
                }
            }

            @Override
            public void failed(Throwable error) {
                if (id == generation && current(first)) {
                    sweeping.set(false);
                    analysis.set(analysis.get().withAcceleratorSweep(new AcceleratorSweep(java.util.List.of(), AcceleratorCostCoverage.NONE, java.util.List.of())));
                }
            }

            @Override
            public void cancelled() {
                if (id == generation) {
                    sweeping.set(false);
                }
            }
        });
    }

    /** Whether the shown analysis is still the one this phase completes (same first phase). */
    private boolean current(Analysis first) {
        return analysis.get() != null && analysis.get().steadyState() == first.steadyState();
    }

    private void startSizing(long id, Analysis first) {
        simulation = laterPhases.submit(progress -> analyzer.size(first,
                SimulationProgress.of(fraction -> progress.update(fraction, ""), progress::cancelled)),
                new TaskRunner.Listener<ScenarioSimulation.Sizing>() {
                    @Override
                    public void succeeded(ScenarioSimulation.Sizing done) {
                        if (id == generation && current(first)) {
                            sizing.set(false);
                            analysis.set(ScenarioAnalyzer.withSizing(analysis.get(), done));
                            warmUpOnce(first);
                        }
                    }

                    @Override
                    public void failed(Throwable error) {
                        if (id == generation) {
                            // The steady-state figures stay; the problem says why they were not refined.
                            sizing.set(false);
                            sizingProblem.set(error instanceof CancellationException ? "" : "The simulator could not size this scenario: "
                                    + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
                        }
                    }

                    @Override
                    public void progressed(double fraction, String message) {
                        if (id == generation) {
                            sizingProgress.set(fraction);
                        }
                    }

                    @Override
                    public void cancelled() {
                        if (id == generation) {
                            sizing.set(false);
                        }
                    }
                });
    }

    private boolean warmedUp;
    private final BooleanProperty warmingUp = new SimpleBooleanProperty();

    /** True while the one warm-up after start runs (the smoke test times its edit after it). */
    public ReadOnlyBooleanProperty warmingUpProperty() {
        return warmingUp;
    }

    /** Once per run of the app, after the first complete analysis: see {@link EvaluationWarmUp}. */
    private void warmUpOnce(Analysis first) {
        if (warmedUp || warmUpDocument == null) {
            return;
        }
        warmedUp = true;
        String json = warmUpDocument;
        long at = generation;
        warmingUp.set(true);
        // On the later phases' workers and stopped by the next request: a user's edit never waits for it.
        laterPhases.submit(progress -> {
            EvaluationWarmUp.run(analyzer, json, () -> progress.cancelled() || generation != at);
            return true;
        }, new TaskRunner.Listener<Boolean>() {
            @Override
            public void succeeded(Boolean value) {
                warmingUp.set(false);
            }

            @Override
            public void failed(Throwable error) {
                warmingUp.set(false);
            }

            @Override
            public void cancelled() {
                warmingUp.set(false);
            }
        });
    }

    /** Why the shown analysis has steady-state figures only although the simulator ran; empty otherwise. */
    public ReadOnlyStringProperty sizingProblemProperty() {
        return sizingProblem;
    }

    private void cancelLaterPhases() {
        if (sweep != null) {
            sweep.cancel();
            sweep = null;
        }
        sweeping.set(false);
        if (simulation != null) {
            simulation.cancel();
            simulation = null;
        }
        sizing.set(false);
        sizingProblem.set("");
    }
}
