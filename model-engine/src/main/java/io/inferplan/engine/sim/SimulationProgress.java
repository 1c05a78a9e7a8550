package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.present;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Where a long simulation reports how far it is and learns that it should stop: the app runs capacity searches off
 * the UI thread behind a progress bar with a cancel button. Calls come from the simulating thread. Monte Carlo runs
 * and goal seeks ({@code io.inferplan.engine.uncertainty}, {@code io.inferplan.engine.solve}) report the same way,
 * from their worker threads one call at a time.
 */
public interface SimulationProgress {
    /** Nothing reported, never cancelled. */
    SimulationProgress NONE = of(fraction -> {
    }, () -> false);

    /** @param fraction share of the work done, 0 to 1, never decreasing */
    void report(double fraction);

    /** Polled between runs and every few thousand engine steps within one. */
    boolean cancelled();

    static SimulationProgress of(DoubleConsumer progress, BooleanSupplier cancelled) {
        present("progress", progress);
        present("cancelled", cancelled);
        return new SimulationProgress() {
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
            throw new CancellationException("simulation cancelled");
        }
    }

    /** The same cancellation, with this part's 0..1 reported as {@code from..to} of the whole. */
    default SimulationProgress part(double from, double to) {
        SimulationProgress whole = this;
        return new SimulationProgress() {
            @Override
            public void report(double fraction) {
                whole.report(from + (to - from) * Math.max(0, Math.min(1, fraction)));
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }
}
