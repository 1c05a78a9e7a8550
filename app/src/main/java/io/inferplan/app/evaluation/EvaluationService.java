package io.inferplan.app.evaluation;

import io.inferplan.app.page.TaskRunner;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.OutOfRangeException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Evaluates the open scenario whenever one of its inputs changes ({@link InputChanges}), in two phases: the
 * scenario itself first, published at once, then the catalog-wide accelerator sweep, which never delays the first
 * phase of a newer edit (a newer request cancels it). There is no debounce: while one evaluation runs, further
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
    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty sweeping = new SimpleBooleanProperty();
    private boolean firstPhaseRunning;
    private String pendingJson;
    private long pendingSinceNanos;
    private long generation;
    private TaskRunner.Job sweep;
    private volatile long lastLatencyMillis = -1;

    public EvaluationService(ScenarioAnalyzer analyzer, TaskRunner runner) {
        this.analyzer = analyzer;
        this.runner = runner;
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
        cancelSweep();
        if (!firstPhaseRunning) {
            startFirstPhase();
        }
    }

    /** Forgets the current results (a different scenario was opened). */
    public void clear() {
        generation++;
        cancelSweep();
        analysis.set(null);
        problem.set(null);
    }

    private void startFirstPhase() {
        String json = pendingJson;
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
            startSweep(id, outcome.analysis());
        } else {
            problem.set(outcome.problem());
            lastLatencyMillis = (System.nanoTime() - requestedAt) / 1_000_000;
        }
    }

    private void startSweep(long id, Analysis first) {
        sweeping.set(true);
        sweep = runner.submit(progress -> analyzer.acceleratorSweep(first, progress::cancelled), new TaskRunner.Listener<AcceleratorSweep>() {
            @Override
            public void succeeded(AcceleratorSweep done) {
                if (id == generation && analysis.get() == first) {
                    sweeping.set(false);
                    analysis.set(first.withAcceleratorSweep(done));
                }
            }

            @Override
            public void failed(Throwable error) {
                if (id == generation) {
                    sweeping.set(false);
                    analysis.set(first.withAcceleratorSweep(new AcceleratorSweep(java.util.List.of(), AcceleratorCostCoverage.NONE)));
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

    private void cancelSweep() {
        if (sweep != null) {
            sweep.cancel();
            sweep = null;
        }
        sweeping.set(false);
    }
}
