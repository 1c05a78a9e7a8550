package io.inferplan.catalog;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where InferPlan keeps what the user makes (workspace and catalog databases, settings). Overridden by the
 * system property {@code inferplan.home} or the environment variable {@code INFERPLAN_HOME} (tests use this).
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static Path resolve() {
        String override = System.getProperty("inferplan.home");
        if (override == null || override.isBlank()) {
            override = System.getenv("INFERPLAN_HOME");
        }
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("InferPlan");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/InferPlan");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("inferplan");
    }
}
