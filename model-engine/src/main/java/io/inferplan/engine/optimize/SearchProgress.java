package io.inferplan.engine.optimize;

/**
 * What a long search reports and asks. Polled between configurations, so a cancel takes effect within one
 * configuration's evaluation (microseconds to a millisecond). Called from the search's worker threads (one report at
 * a time, the share only rising), so an implementation that touches a UI hands the value over to its own thread.
 */
public interface SearchProgress {
    SearchProgress NONE = new SearchProgress() {
    };

    /** The share of the enumerated configurations done so far, 0 to 1. */
    default void progress(double fractionDone) {
    }

    /** True to stop: the search returns what it has ranked so far, marked cancelled. */
    default boolean cancelled() {
        return false;
    }

    static SearchProgress of(java.util.function.DoubleConsumer progress, java.util.function.BooleanSupplier cancelled) {
        return new SearchProgress() {
            @Override
            public void progress(double fractionDone) {
                progress.accept(fractionDone);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
