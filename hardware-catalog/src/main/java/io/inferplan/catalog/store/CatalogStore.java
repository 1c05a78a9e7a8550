package io.inferplan.catalog.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.DataDirectory;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The user's part of the catalog in an embedded H2 file ({@code catalog.mv.db} in the data directory): their own
 * entries (quotes, custom parts, edited figures), the history of every entry they replaced, and profile runs.
 * The bundled JSON is never written. Each call opens and closes its own connection, so the desktop app and the
 * command line can take turns on the same file; every write is one transaction.
 */
public final class CatalogStore {
    static final String FILE_NAME = "catalog";
    /** Flyway logs every migration step at INFO through java.util.logging; a command line wants quiet. Held so it is not collected. */
    private static final java.util.logging.Logger FLYWAY_LOG = quietFlyway();

    private final Path directory;
    private final String url;
    private final boolean readOnly;

    private CatalogStore(Path directory, boolean readOnly) {
        this.directory = directory;
        this.readOnly = readOnly;
        // WRITE_DELAY=0: a commit is stored at once, not by a background thread later (see Transactions).
        this.url = H2Files.url(directory.resolve(FILE_NAME), ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                // No catalog.trace.db with stack traces in the user's data directory: errors reach them as StoreException.
                + ";TRACE_LEVEL_FILE=0"
                // A command that only reads opens the file read-only: reading never rewrites it.
                + (readOnly ? ";ACCESS_MODE_DATA=r" : ""));
    }

    private static java.util.logging.Logger quietFlyway() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.flywaydb");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** The store in the user's data directory (see {@link DataDirectory}), created and migrated as needed. */
    public static CatalogStore openDefault() {
        return open(DataDirectory.resolve());
    }

    /** The store in {@code directory}, created and migrated to the current schema. */
    public static CatalogStore open(Path directory) {
        // Built first: a path H2 would read settings from is refused before anything is created.
        CatalogStore store = new CatalogStore(directory, false);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
        store.migrate();
        H2Files.keepPrivate(directory, FILE_NAME);
        return store;
    }

    /** {@link #openForReading(Path)} in the user's data directory. */
    public static Optional<CatalogStore> openDefaultForReading() {
        return openForReading(DataDirectory.resolve());
    }

    /**
     * The store for a command that only reads (catalog show, estimate): opened read-only, so the file is never
     * rewritten; empty when there is no database yet, and nothing is created. A database from an older InferPlan
     * is migrated first (that one open writes).
     */
    public static Optional<CatalogStore> openForReading(Path directory) {
        if (!Files.isRegularFile(directory.resolve(FILE_NAME + ".mv.db"))) {
            return Optional.empty();
        }
        CatalogStore reader = new CatalogStore(directory, true);
        if (!reader.schemaIsCurrent()) {
            open(directory);
        }
        return Optional.of(reader);
    }

    private boolean schemaIsCurrent() {
        JavaMigration[] migrations = CatalogMigrations.all();
        try (Connection connection = connect()) {
            return SchemaVersions.isCurrent(connection, "flyway_schema_history", migrations[migrations.length - 1].getVersion().getVersion());
        } catch (SQLException e) {
            return false;
        }
    }

    public Path directory() {
        return directory;
    }

    public Path databaseFile() {
        return directory.resolve(FILE_NAME + ".mv.db");
    }

    /** Callers see a StoreException, never Flyway's own types: the store's schema tool is its business. */
    private void migrate() {
        JavaMigration[] migrations = CatalogMigrations.all();
        try (Connection connection = connect()) {
            if (SchemaVersions.isCurrent(connection, "flyway_schema_history", migrations[migrations.length - 1].getVersion().getVersion())) {
                return;
            }
        } catch (SQLException e) {
            // Could not even ask: let Flyway open the database and report what is wrong.
        }
        try {
            flyway(migrations).migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new StoreException("the catalog database " + databaseFile() + " could not be brought to the current schema: "
                    + e.getMessage(), e);
        }
    }

    Flyway flyway(org.flywaydb.core.api.migration.JavaMigration... migrations) {
        return Flyway.configure(CatalogStore.class.getClassLoader())
                .dataSource(url, "", "")
                .locations(new String[0])
                .javaMigrations(migrations)
                .load();
    }

    Connection connect() throws SQLException {
        return H2Files.connect(url, "", "the catalog database " + databaseFile());
    }

    /**
     * One call at a time per database file in this process. Each call opens and closes its own connection and the
     * last close closes the database; with the app's pages reading while a worker writes, opens and closes of the
     * same file would otherwise overlap across threads. CatalogKillTest (a reader thread beside the writer) lost
     * an acknowledged quote in some runs before this lock and WRITE_DELAY=0 were added.
     */
    private Object fileLock() {
        return FILE_LOCKS.computeIfAbsent(databaseFile().toAbsolutePath().normalize(), path -> new Object());
    }

    private static final java.util.concurrent.ConcurrentMap<Path, Object> FILE_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bundled catalog with the user's entries laid over it. */
    public AcceleratorCatalog catalog() {
        return AcceleratorCatalog.merged(AcceleratorCatalog.bundled(), userEntries());
    }

    public List<CatalogEntry> userEntries() {
        return query("SELECT entry_json FROM user_entry ORDER BY created_at, id", statement -> { }, this::readEntries);
    }

    public Optional<CatalogEntry> userEntry(String id) {
        return query("SELECT entry_json FROM user_entry WHERE id = ?", s -> s.setString(1, id), this::readEntries)
                .stream().findFirst();
    }

    /**
     * Saves a user entry; one with a bundled entry's id overrides it. The version it replaces, if any, goes to
     * the history first.
     */
    public void saveUserEntry(CatalogEntry entry) {
        CatalogEntry stored = entry.origin() == EntryOrigin.BUNDLED ? entry.withOrigin(EntryOrigin.USER) : entry;
        String json = toJson(stored);
        inTransaction(connection -> {
            Timestamp now = Timestamp.from(Instant.now());
            boolean existed = archive(connection, stored.id(), "replaced", now);
            if (existed) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE user_entry SET entry_json = ?, updated_at = ? WHERE id = ?")) {
                    update.setString(1, json);
                    update.setTimestamp(2, now);
                    update.setString(3, stored.id());
                    update.executeUpdate();
                }
            } else {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO user_entry (id, entry_json, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, stored.id());
                    insert.setString(2, json);
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, now);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Removes the user's entry with this id, so the bundled entry (if there is one) shows again. The removed
     * entry is kept in the history. Returns false when there was no user entry.
     */
    public boolean resetToBundled(String id) {
        return inTransaction(connection -> {
            boolean existed = archive(connection, id, "reset", Timestamp.from(Instant.now()));
            if (existed) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_entry WHERE id = ?")) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
            return existed;
        });
    }

    /** Earlier versions of a user entry, newest first. */
    public List<CatalogEntry> history(String id) {
        return query("SELECT entry_json FROM user_entry_history WHERE id = ? ORDER BY history_id DESC",
                s -> s.setString(1, id), this::readEntries);
    }

    /** Saves a profile run (any JSON-serialisable report) and returns its id. */
    public long saveProfileRun(Instant startedAt, String mode, String hostName, int deviceCount, Object report) {
        String json;
        try {
            json = JsonSupport.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile report cannot be written as JSON", e);
        }
        return inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO profile_run (started_at, mode, host_name, device_count, report_json) VALUES (?, ?, ?, ?, ?)",
                    new String[] {"ID"})) {
                insert.setTimestamp(1, Timestamp.from(startedAt));
                insert.setString(2, mode);
                insert.setString(3, hostName == null ? "" : hostName);
                insert.setInt(4, deviceCount);
                insert.setString(5, json);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Stored profile runs, newest first. */
    public List<StoredProfileRun> profileRuns() {
        return query("SELECT id, started_at, mode, host_name, device_count, report_json FROM profile_run ORDER BY id DESC",
                s -> { }, rows -> {
                    List<StoredProfileRun> runs = new ArrayList<>();
                    while (rows.next()) {
                        runs.add(new StoredProfileRun(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                                rows.getString(4), rows.getInt(5), rows.getString(6)));
                    }
                    return runs;
                });
    }

    private boolean archive(Connection connection, String id, String reason, Timestamp now) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement(
                "INSERT INTO user_entry_history (id, entry_json, replaced_at, reason) "
                        + "SELECT id, entry_json, ?, ? FROM user_entry WHERE id = ?")) {
            copy.setTimestamp(1, now);
            copy.setString(2, reason);
            copy.setString(3, id);
            return copy.executeUpdate() > 0;
        }
    }

    private List<CatalogEntry> readEntries(ResultSet rows) throws SQLException {
        List<CatalogEntry> entries = new ArrayList<>();
        while (rows.next()) {
            String json = rows.getString(1);
            try {
                entries.add(JsonSupport.mapper().readValue(json, CatalogEntry.class));
            } catch (JsonProcessingException e) {
                // A row written by a newer InferPlan may carry fields this one does not know; keep it, skip it here.
                throw JsonSupport.translate(e, "catalog database entry");
            }
        }
        return entries;
    }

    private static String toJson(CatalogEntry entry) {
        try {
            return JsonSupport.mapper().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("entry." + entry.id(), "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, RowReader<T> reader) {
        synchronized (fileLock()) {
            return queryLocked(sql, binder, reader);
        }
    }

    private <T> T queryLocked(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new StoreException("reading the catalog database " + databaseFile() + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        synchronized (fileLock()) {
            return inTransactionLocked(work);
        }
    }

    private <T> T inTransactionLocked(Transactions.Work<T> work) {
        if (readOnly) {
            throw new IllegalStateException("this catalog store was opened for reading only");
        }
        try (Connection connection = connect()) {
            return Transactions.run(connection, work);
        } catch (SQLException e) {
            throw new StoreException("writing the catalog database " + databaseFile() + " failed: " + e.getMessage(), e);
        }
    }
}
