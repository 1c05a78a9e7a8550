package io.inferplan.app.workspace;

import io.inferplan.catalog.store.Transactions;
import io.inferplan.app.workspace.migration.V1__CreateWorkspace;
import io.inferplan.app.workspace.migration.V2__RecentFilesAndCatalogOverrides;
import io.inferplan.app.workspace.migration.V3__DeletedAt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import io.inferplan.catalog.store.H2Files;
import io.inferplan.catalog.store.SchemaVersions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The workspace's embedded H2 file ({@code workspace.mv.db} in the data directory), migrated by Flyway with its
 * own history table so it never meets the catalog's migrations.
 *
 * <p>One connection at a time, reused for reads and closed after every write: the close shuts the database down
 * cleanly, so the file on disk is a cleanly closed store after each acknowledged edit. Kept open across commits,
 * H2 2.5's recovery after a kill sometimes went back to an older version of the store even though every commit
 * had been checkpointed and synced (WorkspaceKillTest lost an acknowledged edit in about 1 of 60 kills; the
 * catalog store, which already closed after each call, lost none). The lock file keeps a second InferPlan off
 * the workspace while this one runs, which H2's own lock no longer does between calls.
 */
public final class WorkspaceDatabase implements AutoCloseable {
    public static final String FILE_NAME = "workspace";
    private static final String HISTORY_TABLE = "workspace_schema_history";

    private static final java.util.logging.Logger QUIET_FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    private final Path directory;
    private final String url;
    private final AppLock lock;
    private Connection connection;

    private WorkspaceDatabase(Path directory, String url, AppLock lock, Connection connection) {
        this.directory = directory;
        this.url = url;
        this.lock = lock;
        this.connection = connection;
    }

    /** Opens (creating and migrating as needed) the workspace in {@code directory}. */
    public static WorkspaceDatabase open(Path directory) {
        AppLock lock = null;
        Connection connection = null;
        try {
            // Refused before anything is created: a path H2 would read settings from.
            String url = H2Files.url(directory.resolve(FILE_NAME), ";WRITE_DELAY=0"
                    // No workspace.trace.db beside the user's data: errors reach the user through the app's messages.
                    + ";TRACE_LEVEL_FILE=0");
            Files.createDirectories(directory);
            lock = AppLock.take(directory.resolve(FILE_NAME + ".lock"));
            // Flyway reports every step at INFO through java.util.logging; a desktop app only wants its warnings.
            QUIET_FLYWAY.setLevel(java.util.logging.Level.WARNING);
            // WRITE_DELAY=0 and Transactions' CHECKPOINT SYNC: a committed edit is on disk when the commit returns.
            connection = DriverManager.getConnection(url, "sa", "");
            JavaMigration[] migrations = {new V1__CreateWorkspace(), new V2__RecentFilesAndCatalogOverrides(), new V3__DeletedAt(),
                    new io.inferplan.app.workspace.migration.V4__DocumentChecksums()};
            if (!SchemaVersions.isCurrent(connection, HISTORY_TABLE, migrations[migrations.length - 1].getVersion().getVersion())) {
                Flyway.configure(WorkspaceDatabase.class.getClassLoader())
                        .dataSource(url, "sa", "")
                        .table(HISTORY_TABLE)
                        .locations("classpath:io/inferplan/app/workspace/migration")
                        .javaMigrations(migrations)
                        .load()
                        .migrate();
            }
            H2Files.keepPrivate(directory, FILE_NAME);
            return new WorkspaceDatabase(directory, url, lock, connection);
        } catch (io.inferplan.catalog.store.StoreException e) {
            if (lock != null) {
                lock.release();
            }
            throw new WorkspaceException(e.getMessage(), e);
        } catch (SQLException | java.io.IOException | org.flywaydb.core.api.FlywayException e) {
            // The connection must go too: an embedded H2 database stays open in this process while one is, and the
            // next open (of a backup copied into its place) would meet the damaged one again.
            closeQuietly(connection);
            if (lock != null) {
                lock.release();
            }
            if (!heldElsewhere(e) && Files.isRegularFile(file(directory))) {
                throw new WorkspaceUnreadableException(e.getMessage() == null ? e.getClass().getSimpleName()
                        : io.inferplan.engine.JsonSupport.firstLine(e.getMessage()), e);
            }
            throw new WorkspaceException(whyNotOpened(directory, e), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // A damaged database may fail to close as well; it is set aside next.
        }
    }

    /** The workspace's store file in {@code directory}. */
    static Path file(Path directory) {
        return directory.resolve(FILE_NAME + ".mv.db");
    }

    /** Closes the connection (a clean store on disk) and keeps a copy of the file among the backups. */
    synchronized void backUp(WorkspaceBackups backups) throws java.io.IOException {
        long generation = storedGeneration();
        closeConnection();
        backups.keep(file(directory), java.time.Instant.now(), generation);
    }

    /** Another InferPlan has the workspace: our lock file, or H2's own lock on the file. */
    private static boolean heldElsewhere(Exception e) {
        return e instanceof AppLock.HeldElsewhere || e instanceof SQLException sql && sql.getErrorCode() == H2Files.ALREADY_OPEN;
    }

    /** What the user is told when the workspace cannot be opened; another InferPlan holding it is the common case. */
    static String whyNotOpened(Path directory, Exception e) {
        if (heldElsewhere(e)) {
            return "another InferPlan window has the workspace in " + directory + " open; close it and start again";
        }
        return "cannot open the workspace in " + directory + ": " + e.getMessage();
    }

    public Path directory() {
        return directory;
    }

    /** Runs {@code work} in one transaction: all of it is stored or none, and on disk when this returns. */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        try {
            long[] generation = new long[1];
            T result = Transactions.run(connection(), c -> {
                T done = work.run(c);
                generation[0] = storedGeneration(c) + 1;
                writeGeneration(c, generation[0]);
                return done;
            });
            acknowledge(generation[0]);
            return result;
        } catch (SQLException e) {
            throw new WorkspaceException("workspace: " + e.getMessage(), e);
        } finally {
            closeConnection();
        }
    }

    /**
     * Every committed transaction counts one generation, in the database and, once the commit returned, in
     * {@code workspace.generation} beside it. A file that opens with an older generation than the one beside it
     * lost acknowledged edits (truncated, or an older copy put in its place), which no open reports by itself: an
     * empty or truncated H2 file opens as an empty database.
     */
    static final String GENERATION_SETTING = "workspace.generation";

    private static long storedGeneration(Connection c) throws SQLException {
        try (var s = c.prepareStatement("SELECT setting_value FROM setting WHERE setting_name = ?")) {
            s.setString(1, GENERATION_SETTING);
            try (var rows = s.executeQuery()) {
                return rows.next() ? parseGeneration(rows.getString(1)) : 0;
            }
        }
    }

    private static void writeGeneration(Connection c, long generation) throws SQLException {
        try (var s = c.prepareStatement("MERGE INTO setting (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
            s.setString(1, GENERATION_SETTING);
            s.setString(2, Long.toString(generation));
            s.executeUpdate();
        }
    }

    private static long parseGeneration(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The generation the database holds. */
    synchronized long storedGeneration() {
        return read(WorkspaceDatabase::storedGeneration);
    }

    /** The generation of the last commit that returned, as written beside the database (0 when none is). */
    synchronized long acknowledgedGeneration() {
        try {
            Path file = generationFile(directory);
            return Files.isRegularFile(file) ? parseGeneration(Files.readString(file)) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Records {@code generation} beside the database (written aside and moved into place, so never half a number). */
    synchronized void acknowledge(long generation) {
        Path file = generationFile(directory);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.writeString(partial, Long.toString(generation));
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            // Without the record a later truncation goes unnoticed, but the edit itself is saved: not worth failing it.
        }
    }

    static Path generationFile(Path directory) {
        return directory.resolve(FILE_NAME + ".generation");
    }

    /** Runs {@code work}, which only reads: no transaction to commit, nothing to sync. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            throw new WorkspaceException("workspace: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url, "sa", "");
        }
        return connection;
    }

    /** The last connection's close shuts the database down: the file is a cleanly closed store afterwards. */
    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WorkspaceException("cannot close the workspace: " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            closeConnection();
        } finally {
            lock.release();
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
