package io.inferplan.app.evaluation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one route for "something the results depend on changed": whoever changes an input (a field, a catalog entry,
 * an own price) publishes it here, and whoever depends on it (the evaluation, the accelerator picker, the catalog
 * table) listens here. Listeners hear every change on the delivery executor (the FX thread in the app), whichever
 * thread published it.
 */
public final class InputChanges {
    private final Executor delivery;
    private final List<Consumer<InputChange>> listeners = new CopyOnWriteArrayList<>();

    /** @param delivery where listeners are called: {@code Platform::runLater} in the app, {@code Runnable::run} in tests */
    public InputChanges(Executor delivery) {
        this.delivery = delivery;
    }

    public void listen(Consumer<InputChange> listener) {
        listeners.add(listener);
    }

    public void publish(InputChange change) {
        delivery.execute(() -> listeners.forEach(listener -> listener.accept(change)));
    }
}
