package io.inferplan.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario files the app was started with (a double-click on a {@code .inferplan.json} in the file manager runs
 * {@code inferplan FILE}): imported into the workspace once the window is up.
 */
public final class OpenedFiles {
    private static final List<Path> PENDING = new ArrayList<>();

    private OpenedFiles() {
    }

    /** True when every argument names an existing {@code .json} file: a desktop open, not a command line. */
    public static boolean areScenarioFiles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith("-") || !arg.toLowerCase(Locale.ROOT).endsWith(".json") || !Files.isRegularFile(Path.of(arg))) {
                return false;
            }
        }
        return true;
    }

    public static synchronized void remember(String[] args) {
        for (String arg : args) {
            PENDING.add(Path.of(arg).toAbsolutePath());
        }
    }

    /** The files still to import, handed out once. */
    public static synchronized List<Path> take() {
        List<Path> files = List.copyOf(PENDING);
        PENDING.clear();
        return files;
    }
}
