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
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())),
            runnable -> daemon(runnable, "inferplan-worker-" + COUNT.incrementAndGet()));

    private Background() {
    }

    /** A worker of its own, for work that must never queue behind the shared workers' slower jobs. */
    public static ExecutorService dedicatedThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name));
    }

    /** Workers never keep the app alive after its window closes. */
    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    public static <T> Task<T> run(Task<T> task) {
        EXECUTOR.execute(task);
        return task;
    }

    public static void execute(Runnable work) {
        EXECUTOR.execute(work);
    }
}
