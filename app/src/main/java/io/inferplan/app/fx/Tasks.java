package io.inferplan.app.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** A background task in one line: work off the FX thread, then success or failure back on it. */
public final class Tasks {
    private Tasks() {
    }

    public static <T> Task<T> submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        return Background.run(task);
    }
}
