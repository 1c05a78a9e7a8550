package io.inferplan.catalog;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where InferPlan keeps what the user makes (workspace and catalog databases, settings). Overridden by the
 * system property {@code inferplan.home} or the environment variable {@code INFERPLAN_HOME} (tests use this);
 * otherwise {@code $XDG_DATA_HOME/inferplan}, else {@code $HOME/.local/share/inferplan} on Linux.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static Path resolve() {
        return resolve(System::getenv, System::getProperty);
    }

    /** As {@link #resolve()}, with the environment and the system properties given (tests). */
    static Path resolve(UnaryOperator<String> env, UnaryOperator<String> properties) {
        String override = properties.apply("inferplan.home");
        if (override == null || override.isBlank()) {
            override = env.apply("INFERPLAN_HOME");
        }
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.apply("APPDATA");
            Path home = Path.of(properties.apply("user.home"));
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("InferPlan");
        }
        // Java's user.home comes from the password database and ignores $HOME; desktop users (and scripts that set
        // HOME to sandbox a run) expect $HOME.
        String homeVariable = env.apply("HOME");
        Path home = homeVariable != null && Path.of(homeVariable).isAbsolute() ? Path.of(homeVariable) : Path.of(properties.apply("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/InferPlan");
        }
        // XDG: a relative XDG_DATA_HOME is invalid and to be ignored.
        String xdg = env.apply("XDG_DATA_HOME");
        boolean xdgValid = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute();
        return (xdgValid ? Path.of(xdg) : home.resolve(".local/share")).resolve("inferplan");
    }
}
