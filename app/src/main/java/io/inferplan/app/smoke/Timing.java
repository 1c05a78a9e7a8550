package io.inferplan.app.smoke;

import io.inferplan.app.shell.MainWindow;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;

/**
 * Startup and edit latency, measured from inside the app and printed when {@code INFERPLAN_TIMING=1} (or
 * {@code -Dinferplan.timing=true}) is set, and always by the smoke test.
 */
public final class Timing {
    private static volatile long firstDashboardMillis = -1;

    private Timing() {
    }

    public static boolean enabled() {
        return SmokeTest.active() || "1".equals(System.getenv("INFERPLAN_TIMING")) || Boolean.getBoolean("inferplan.timing");
    }

    /** Milliseconds since the JVM started (the process's launch, which is what a user waits for). */
    public static long sinceLaunchMillis() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(start, Instant.now()).toMillis();
    }

    public static void windowShown() {
        mark("window shown");
    }

    /** One step of start-up, for finding where the time goes ({@code timing: workspace open 812 ms after launch}). */
    public static void mark(String step) {
        if (enabled()) {
            System.out.println("timing: " + step + " " + sinceLaunchMillis() + " ms after launch");
        }
    }

    /** Prints when the dashboard's charts are first drawn (one pulse after the analysis arrives). */
    public static void watchFirstDashboard(MainWindow window) {
        javafx.beans.value.ChangeListener<Object> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> obs, Object old, Object value) {
                if (value != null && firstDashboardMillis < 0) {
                    obs.removeListener(this);
                    Platform.runLater(() -> {
                        firstDashboardMillis = sinceLaunchMillis();
                        if (enabled()) {
                            System.out.println("timing: first dashboard drawn " + firstDashboardMillis + " ms after launch");
                        }
                    });
                }
            }
        };
        SmokeTest.contextOf(window).evaluation().analysisProperty().addListener(listener);
    }

    public static long firstDashboardMillis() {
        return firstDashboardMillis;
    }
}
