package io.inferplan.app.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The app's worker threads. Everything slower than a few milliseconds (evaluations, database, benchmarks, file
 * I/O) runs here so the JavaFX thread only ever draws.
 */
public final class Background {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())), runnable -> {
                Thread thread = new Thread(runnable, "inferplan-worker-" + COUNT.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private Background() {
    }

    public static <T> Task<T> run(Task<T> task) {
        EXECUTOR.execute(task);
        return task;
    }

    public static void execute(Runnable work) {
        EXECUTOR.execute(work);
    }
}
