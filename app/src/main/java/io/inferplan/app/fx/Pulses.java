package io.inferplan.app.fx;

import javafx.animation.AnimationTimer;

/** Waiting for frames: what was just put on the scene is on screen once the next frames have been drawn. */
public final class Pulses {
    private Pulses() {
    }

    /** Runs {@code then} on the FX thread after {@code pulses} more frames. Call on the FX thread. */
    public static void after(int pulses, Runnable then) {
        new AnimationTimer() {
            private int count;

            @Override
            public void handle(long now) {
                if (++count >= pulses) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
