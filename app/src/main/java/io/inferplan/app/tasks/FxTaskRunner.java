package io.inferplan.app.tasks;

import io.inferplan.app.fx.Background;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * The app's task runner: work on the background workers, every report on the FX thread. Progress is coalesced
 * (the FX thread sees the latest, never a queue of stale updates); a cancelled job reports only that it was
 * cancelled, even if its work finished meanwhile.
 */
public final class FxTaskRunner implements TaskRunner {
    private final Executor workers;

    /** On the app's shared background workers. */
    public FxTaskRunner() {
        this(Background::execute);
    }

    /** On these workers (e.g. a thread of its own for work that must never queue behind slower work). */
    public FxTaskRunner(Executor workers) {
        this.workers = workers;
    }

    @Override
    public <T> Job submit(Work<T> work, Listener<T> listener) {
        CancelFlag job = new CancelFlag();
        AtomicReference<Runnable> pendingProgress = new AtomicReference<>();
        workers.execute(() -> {
            Progress progress = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    Runnable report = () -> listener.progressed(fraction, message);
                    if (pendingProgress.getAndSet(report) == null) {
                        Platform.runLater(() -> {
                            Runnable latest = pendingProgress.getAndSet(null);
                            if (latest != null && !job.isCancelled()) {
                                latest.run();
                            }
                        });
                    }
                }

                @Override
                public boolean cancelled() {
                    return job.isCancelled();
                }
            };
            T value;
            try {
                value = work.call(progress);
            } catch (Exception | Error e) {
                Platform.runLater(() -> {
                    if (job.isCancelled()) {
                        listener.cancelled();
                    } else {
                        listener.failed(e);
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                if (job.isCancelled()) {
                    listener.cancelled();
                } else {
                    listener.succeeded(value);
                }
            });
        });
        return job;
    }
}
