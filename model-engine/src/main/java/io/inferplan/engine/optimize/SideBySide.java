package io.inferplan.engine.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one worker on {@code workers} threads at once, the calling thread among them, and waits for all of them. The
 * worker takes its own items from shared state until there are none or {@code stop} is set; an interrupt while
 * waiting sets {@code stop}, so the others finish their item and return, and keeps the caller's interrupt status.
 */
final class SideBySide {
    private SideBySide() {
    }

    static void run(int workers, String threadName, Runnable worker, AtomicBoolean stop) {
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            helpers.add(Thread.ofPlatform().daemon().name(threadName + "-" + i).start(worker));
        }
        worker.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
            }
        }
    }
}
