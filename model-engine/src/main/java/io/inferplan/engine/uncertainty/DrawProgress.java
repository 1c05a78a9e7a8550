package io.inferplan.engine.uncertainty;

import static io.inferplan.engine.Checks.present;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Where a Monte Carlo run or a goal seek reports how far it is and learns that it should stop (the app runs them
 * off the UI thread behind a progress bar with a cancel button), in the style of the simulator's progress. Calls
 * may come from any of the run's worker threads, one at a time.
 */
public interface DrawProgress {
    /** Nothing reported, never cancelled. */
    DrawProgress NONE = of(fraction -> {
    }, () -> false);

    /** @param fraction share of the work done, 0 to 1, never decreasing */
    void report(double fraction);

    /** Polled before every draw. */
    boolean cancelled();

    static DrawProgress of(DoubleConsumer progress, BooleanSupplier cancelled) {
        present("progress", progress);
        present("cancelled", cancelled);
        return new DrawProgress() {
            @Override
            public void report(double fraction) {
                progress.accept(fraction);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** @throws CancellationException when {@link #cancelled()} */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
