package io.inferplan.app.results;

import io.inferplan.app.fx.Background;
import io.inferplan.engine.InvalidInputException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * Evaluates the open scenario off the FX thread, debounced: a burst of keystrokes costs one evaluation, and a
 * result that arrives after a newer request is dropped. A failed evaluation leaves the last good analysis in place
 * and reports the problem (with the field it names) instead.
 */
public final class EvaluationService {
    public static final Duration DEBOUNCE = Duration.millis(120);

    /**
     * Why the latest document could not be evaluated.
     *
     * @param range the allowed range as numbers in the document's units, when the problem is a number out of range
     */
    public record Problem(String field, String message, io.inferplan.engine.OutOfRangeException range) {
        public Problem(String field, String message) {
            this(field, message, null);
        }
    }

    private final ScenarioAnalyzer analyzer;
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final AtomicLong generation = new AtomicLong();
    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private String pendingJson;
    private long requestedAtNanos;
    private volatile long lastLatencyMillis = -1;

    public EvaluationService(ScenarioAnalyzer analyzer) {
        this.analyzer = analyzer;
        debounce.setOnFinished(event -> start());
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** From the request (the edit) to the result being published, for the last evaluation; -1 before the first. */
    public long lastLatencyMillis() {
        return lastLatencyMillis;
    }

    /** Asks for an evaluation of this document soon (debounced). */
    public void request(String json) {
        pendingJson = json;
        requestedAtNanos = System.nanoTime();
        running.set(true);
        debounce.playFromStart();
    }

    /** Evaluates at once, without the debounce (opening a scenario). */
    public void requestNow(String json) {
        pendingJson = json;
        requestedAtNanos = System.nanoTime();
        debounce.stop();
        start();
    }

    /** Forgets the current results (a different scenario was opened). */
    public void clear() {
        generation.incrementAndGet();
        analysis.set(null);
        problem.set(null);
    }

    private void start() {
        String json = pendingJson;
        long id = generation.incrementAndGet();
        long requestedAt = requestedAtNanos;
        running.set(true);
        Background.execute(() -> {
            Analysis result = null;
            Problem failure = null;
            try {
                result = analyzer.analyze(json);
            } catch (InvalidInputException e) {
                failure = new Problem(e.field(), e.reason(), e instanceof io.inferplan.engine.OutOfRangeException r ? r : null);
            } catch (RuntimeException e) {
                failure = new Problem(null, "could not evaluate: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            Analysis done = result;
            Problem failed = failure;
            Platform.runLater(() -> publish(id, done, failed, requestedAt));
        });
    }

    private void publish(long id, Analysis result, Problem failure, long requestedAt) {
        if (id != generation.get()) {
            return;
        }
        running.set(false);
        if (result != null) {
            problem.set(null);
            analysis.set(result);
        } else {
            problem.set(failure);
        }
        lastLatencyMillis = (System.nanoTime() - requestedAt) / 1_000_000;
    }
}
