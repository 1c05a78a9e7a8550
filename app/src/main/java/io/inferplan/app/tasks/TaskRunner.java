package io.inferplan.app.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a view model's slow work (evaluations, database, benchmarks, files) somewhere other than the caller and
 * reports back on the caller's side: on the FX thread in the app ({@link FxTaskRunner}), inline in tests
 * ({@link #sameThread()}), so view models can be tested without a window and without waiting.
 */
public interface TaskRunner {
    /** What the work sees while it runs: where to report progress and whether it should stop. */
    interface Progress {
        /** @param fraction from 0 to 1 */
        void update(double fraction, String message);

        boolean cancelled();
    }

    /** A piece of work that can report progress and notice a cancel. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Hears how the work went; every call arrives on the runner's reporting side. */
    interface Listener<T> {
        void succeeded(T value);

        void failed(Throwable error);

        default void progressed(double fraction, String message) {
        }

        /** The work was cancelled before it finished; neither succeeded nor failed is called. */
        default void cancelled() {
        }
    }

    /** A started piece of work. */
    interface Job {
        void cancel();

        boolean isCancelled();
    }

    <T> Job submit(Work<T> work, Listener<T> listener);

    /** Work without progress: success or failure back on the reporting side. */
    default <T> Job submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(progress -> work.call(), new Listener<>() {
            @Override
            public void succeeded(T value) {
                onSuccess.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                onFailure.accept(error);
            }
        });
    }

    /** Runs everything at once on the calling thread (tests). */
    static TaskRunner sameThread() {
        return new TaskRunner() {
            @Override
            public <T> Job submit(Work<T> work, Listener<T> listener) {
                CancelFlag job = new CancelFlag();
                T value;
                try {
                    value = work.call(new Progress() {
                        @Override
                        public void update(double fraction, String message) {
                            listener.progressed(fraction, message);
                        }

                        @Override
                        public boolean cancelled() {
                            return job.isCancelled();
                        }
                    });
                } catch (Exception | Error e) {
                    listener.failed(e);
                    return job;
                }
                if (job.isCancelled()) {
                    listener.cancelled();
                } else {
                    listener.succeeded(value);
                }
                return job;
            }
        };
    }

    /** The simplest job: a flag the work reads. */
    final class CancelFlag implements Job {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
