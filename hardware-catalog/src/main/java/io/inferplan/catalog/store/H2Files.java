package io.inferplan.catalog.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

/**
 * H2 file databases in the user's data directory, opened safely: a path never becomes part of the settings, the
 * files are the user's alone, and a moment's contention with another InferPlan process is waited out.
 */
public final class H2Files {
    /** H2's DATABASE_ALREADY_OPEN_1: another process has the file open. */
    public static final int ALREADY_OPEN = 90020;
    private static final long BUSY_WAIT_MILLIS = 3_000;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private H2Files() {
    }

    /**
     * The JDBC URL of the database {@code base} (without {@code .mv.db}) with {@code settings} (";KEY=VALUE..."). H2
     * reads everything after the first ';' of a URL as settings, so a data directory such as
     * {@code /tmp/a;INIT=RUNSCRIPT FROM '...'} would run SQL: such a path is refused, never passed on.
     */
    public static String url(Path base, String settings) {
        String path = base.toAbsolutePath().normalize().toString();
        if (path.indexOf(';') >= 0) {
            throw new StoreException("the data directory " + base.getParent() + " contains ';', which the database would read as"
                    + " a setting: choose a directory without ';' (set INFERPLAN_HOME)", null);
        }
        return "jdbc:h2:file:" + path + settings;
    }

    /**
     * A connection, waiting up to three seconds while another InferPlan process (a command line run beside the app)
     * has the file open for its own short call; then a plain message instead of H2's.
     */
    public static Connection connect(String url, String user, String what) throws SQLException {
        long deadline = System.nanoTime() + BUSY_WAIT_MILLIS * 1_000_000;
        long pauseMillis = 20;
        while (true) {
            try {
                return DriverManager.getConnection(url, user, "");
            } catch (SQLException e) {
                if (e.getErrorCode() != ALREADY_OPEN || System.nanoTime() > deadline) {
                    if (e.getErrorCode() == ALREADY_OPEN) {
                        throw new SQLException("another InferPlan process kept " + what + " open for over "
                                + BUSY_WAIT_MILLIS / 1000 + " s; try again when it has finished", e.getSQLState(), ALREADY_OPEN, e);
                    }
                    throw e;
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(200, pauseMillis * 2);
            }
        }
    }

    /**
     * The data directory readable by its owner only, and the database files of {@code base} (the store, its lock
     * file, any temporary files) too: prices, quotes and host names are the user's business. Existing files made
     * by an older InferPlan with wider permissions are narrowed. A file system without POSIX permissions is left
     * to its own rules.
     */
    public static void keepPrivate(Path directory, String baseName) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            try (var files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(baseName + ".")).toList()) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // A directory the user does not own (a shared INFERPLAN_HOME) keeps its permissions; the data still works.
        }
    }
}
