package io.inferplan.catalog.profile;

/**
 * Lets another thread stop a profile run. The profiler checks it between measurements (one measurement lasts well
 * under a second), then returns what it has measured so far, marked as cancelled.
 */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
