package io.inferplan.app.tasks;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * A page's slow computation where only the newest run counts: starting one cancels the one in progress, and what
 * an older run reports afterwards is dropped. It says whether a run is under way and how far it is, for the page's
 * progress bar and Cancel button.
 */
public final class LatestRun {
    /** How a run ended, each call on the runner's reporting side, only for the newest run. */
    public interface Outcome<T> {
        void succeeded(T value);

        void failed(Throwable error);

        void cancelled();
    }

    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private TaskRunner.Job job;
    private long generation;

    public LatestRun(TaskRunner runner) {
        this.runner = runner;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 for the run under way (or the last one). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Cancels the run under way, if any; its outcome says so. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    public <T> void start(TaskRunner.Work<T> work, Outcome<T> outcome) {
        cancel();
        long id = ++generation;
        running.set(true);
        progress.set(0);
        job = runner.submit(work, new TaskRunner.Listener<T>() {
            @Override
            public void succeeded(T value) {
                if (ended(id)) {
                    progress.set(1);
                    outcome.succeeded(value);
                }
            }

            @Override
            public void failed(Throwable error) {
                if (ended(id)) {
                    outcome.failed(error);
                }
            }

            @Override
            public void progressed(double fraction, String message) {
                if (id == generation) {
                    progress.set(fraction);
                }
            }

            @Override
            public void cancelled() {
                if (ended(id)) {
                    outcome.cancelled();
                }
            }
        });
    }

    /** Convenience for runs whose cancel needs no word: nothing happens on cancel. */
    public <T> void start(TaskRunner.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        start(work, new Outcome<T>() {
            @Override
            public void succeeded(T value) {
                onSuccess.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                onFailure.accept(error);
            }

            @Override
            public void cancelled() {
            }
        });
    }

    private boolean ended(long id) {
        if (id != generation) {
            return false;
        }
        running.set(false);
        return true;
    }
}
