package io.inferplan.app.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The user's workspace: scenarios, settings, recent files and own prices, in one H2 file. Reads are
 * synchronous (call them off the JavaFX thread once the window is up); autosave goes through
 * {@link #saveLater}, which coalesces rapid edits of one scenario on a single writer thread.
 */
public final class WorkspaceStore implements AutoCloseable {
    /** How long a deleted scenario stays in the workspace before it is removed for good. */
    static final java.time.Duration KEEP_DELETED = java.time.Duration.ofDays(30);
    private final WorkspaceDatabase database;
    private final ScenarioRepository scenarios = new ScenarioRepository();
    private final SettingsRepository settings = new SettingsRepository();
    private final RecentFilesRepository recentFiles = new RecentFilesRepository();
    private final PriceRepository prices = new PriceRepository();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workspace-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, StoredScenario> pending = new LinkedHashMap<>();
    private volatile Consumer<RuntimeException> errorHandler = e -> System.err.println("workspace: " + e.getMessage());

    private WorkspaceStore(WorkspaceDatabase database) {
        this.database = database;
    }

    public static WorkspaceStore open(Path directory) {
        WorkspaceStore store = new WorkspaceStore(WorkspaceDatabase.open(directory));
        store.database.inTransaction(c -> store.scenarios.purgeDeleted(c, Instant.now().minus(KEEP_DELETED)));
        return store;
    }

    /** The store, and how it was recovered when the file could not be read (null when it opened as it was). */
    public record Opened(WorkspaceStore store, WorkspaceRecovery recovery) {
    }

    /**
     * The app's way in: opens the workspace and keeps a backup of it; a file that cannot be read is moved aside
     * (never overwritten) and the newest backup that opens takes its place, else a new workspace starts. Another
     * InferPlan holding the workspace is still an error: nothing is moved then.
     */
    public static Opened openWithBackups(Path directory) {
        WorkspaceBackups backups = new WorkspaceBackups(directory);
        WorkspaceRecovery recovery = null;
        WorkspaceStore store;
        Path file = WorkspaceDatabase.file(directory);
        Path pristine = file.resolveSibling(WorkspaceDatabase.FILE_NAME + ".opening");
        try {
            // The bytes as they were: H2 may write to a damaged file while it tries to open it, and the kept copy
            // must be what was there.
            if (java.nio.file.Files.isRegularFile(file)) {
                java.nio.file.Files.copy(file, pristine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            throw new WorkspaceException("cannot read the workspace file " + file + ": " + e.getMessage(), e);
        }
        try {
            store = openAndReadThrough(directory, backups);
        } catch (WorkspaceUnreadableException damaged) {
            Path kept = keepAside(pristine, file);
            Path restoredFrom = restoreNewestBackup(backups, directory);
            recovery = new WorkspaceRecovery(kept, restoredFrom, damaged.getMessage());
            store = open(directory);
            store.database.acknowledge(store.database.storedGeneration());
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(pristine);
            } catch (java.io.IOException e) {
                // A stale copy is overwritten at the next start.
            }
        }
        try {
            store.database.backUp(backups);
        } catch (java.io.IOException e) {
            store.errorHandler.accept(new WorkspaceException("workspace: the start-up backup could not be written: " + e.getMessage(), e));
        }
        return new Opened(store, recovery);
    }

    /**
     * Opens and reads everything the app will read (every scenario document, settings, prices): H2 reads pages
     * lazily, so a damaged page may open fine and fail at the first read, after the chance to recover. A file
     * behind the last acknowledged edit (truncated, an older copy) counts as damaged when a backup holds more.
     */
    private static WorkspaceStore openAndReadThrough(Path directory, WorkspaceBackups backups) {
        WorkspaceStore store = new WorkspaceStore(WorkspaceDatabase.open(directory));
        try {
            store.database.read(c -> {
                store.scenarios.verifyAll(c);
                return null;
            });
            store.settings();
            store.ownPrices();
            long stored = store.database.storedGeneration();
            long acknowledged = store.database.acknowledgedGeneration();
            if (stored < acknowledged) {
                long backedUp = backups.newest().map(WorkspaceBackups::generationOf).orElse(-1L);
                if (backedUp > stored) {
                    throw new WorkspaceUnreadableException("it holds edit " + stored + " of " + acknowledged
                            + " saved: it was truncated or replaced by an older copy", null);
                }
                // No backup holds more: carry on with what the file has.
                store.database.acknowledge(stored);
            }
            store.database.inTransaction(c -> store.scenarios.purgeDeleted(c, Instant.now().minus(KEEP_DELETED)));
            return store;
        } catch (RuntimeException | java.io.IOException e) {
            try {
                store.close();
            } catch (RuntimeException closing) {
                // A store that cannot read may not close cleanly either; the file is moved aside next.
            }
            if (e instanceof WorkspaceUnreadableException unreadable) {
                throw unreadable;
            }
            throw new WorkspaceUnreadableException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** The damaged file's original bytes kept under a name of their own; the file H2 may have touched goes. */
    private static Path keepAside(Path pristine, Path file) {
        Path kept = file.resolveSibling(WorkspaceDatabase.FILE_NAME + ".damaged-"
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(Instant.now())
                + ".mv.db");
        try {
            java.nio.file.Files.move(java.nio.file.Files.isRegularFile(pristine) ? pristine : file, kept);
            java.nio.file.Files.deleteIfExists(file);
            return kept;
        } catch (java.io.IOException e) {
            throw new WorkspaceException("the workspace file " + file + " cannot be read and could not be moved aside ("
                    + e.getMessage() + "); move it away yourself and start again", e);
        }
    }

    /** The newest backup that opens, copied in as the workspace; backups that do not open are left where they are. */
    private static Path restoreNewestBackup(WorkspaceBackups backups, Path directory) {
        try {
            for (Path backup : backups.list()) {
                java.nio.file.Files.copy(backup, WorkspaceDatabase.file(directory));
                try {
                    WorkspaceDatabase.open(directory).close();
                    return backup;
                } catch (WorkspaceException unreadable) {
                    java.nio.file.Files.delete(WorkspaceDatabase.file(directory));
                }
            }
        } catch (java.io.IOException e) {
            // No restorable backup: a new workspace starts, and the damaged file stays kept aside.
        }
        return null;
    }

    public Path directory() {
        return database.directory();
    }

    /** Where failed background writes are reported (the window shows them as a notification). */
    public void onError(Consumer<RuntimeException> handler) {
        this.errorHandler = handler;
    }

    /** True when the workspace has never held a scenario: the first start, which seeds the samples. */
    public boolean isNew() {
        return database.read(scenarios::countAll) == 0;
    }

    public List<StoredScenario> scenarios() {
        return database.read(scenarios::listActive);
    }

    public Optional<StoredScenario> find(UUID id) {
        return database.read(c -> scenarios.find(c, id));
    }

    /** Creates and stores a new scenario at the end of the list. */
    public StoredScenario create(String name, String documentJson) {
        return database.inTransaction(c -> {
            Instant now = Instant.now();
            StoredScenario scenario = new StoredScenario(UUID.randomUUID(), name, documentJson, scenarios.nextPosition(c), now, now);
            scenarios.upsert(c, scenario);
            return scenario;
        });
    }

    /** Stores several new scenarios in one transaction (samples, an import of many files). */
    public List<StoredScenario> createAll(List<Map.Entry<String, String>> namesAndDocuments) {
        return database.inTransaction(c -> {
            int position = scenarios.nextPosition(c);
            Instant now = Instant.now();
            java.util.ArrayList<StoredScenario> created = new java.util.ArrayList<>();
            for (Map.Entry<String, String> entry : namesAndDocuments) {
                StoredScenario scenario = new StoredScenario(UUID.randomUUID(), entry.getKey(), entry.getValue(), position++, now, now);
                scenarios.upsert(c, scenario);
                created.add(scenario);
            }
            return List.copyOf(created);
        });
    }

    public void save(StoredScenario scenario) {
        database.inTransaction(c -> {
            scenarios.upsert(c, scenario);
            return null;
        });
    }

    /** Autosave: stores the latest version of this scenario soon, on the writer thread; earlier pending versions are dropped. */
    public void saveLater(StoredScenario scenario) {
        boolean schedule;
        synchronized (pending) {
            schedule = pending.isEmpty();
            pending.put(scenario.id(), scenario);
        }
        if (schedule) {
            writer.execute(this::drainPending);
        }
    }

    private void drainPending() {
        List<StoredScenario> batch;
        synchronized (pending) {
            batch = List.copyOf(pending.values());
            pending.clear();
        }
        try {
            database.inTransaction(c -> {
                for (StoredScenario scenario : batch) {
                    scenarios.upsert(c, scenario);
                }
                return null;
            });
        } catch (RuntimeException e) {
            errorHandler.accept(e);
        }
    }

    /** Hides the scenario; {@link #restore} brings it back (it is kept for {@link #KEEP_DELETED}). */
    public void delete(UUID id) {
        flush();
        database.inTransaction(c -> {
            scenarios.setDeleted(c, id, true);
            return null;
        });
    }

    public void restore(UUID id) {
        database.inTransaction(c -> {
            scenarios.setDeleted(c, id, false);
            return null;
        });
    }

    public Map<String, String> settings() {
        return database.read(settings::all);
    }

    public void putSettingLater(String name, String value) {
        writer.execute(() -> {
            try {
                database.inTransaction(c -> {
                    settings.put(c, name, value);
                    return null;
                });
            } catch (RuntimeException e) {
                errorHandler.accept(e);
            }
        });
    }

    public List<Path> recentFiles() {
        return database.read(recentFiles::list);
    }

    public void touchRecentFile(Path path) {
        database.inTransaction(c -> {
            recentFiles.touch(c, path);
            return null;
        });
    }

    public Map<String, OwnPrice> ownPrices() {
        return database.read(prices::all);
    }

    public void putOwnPrice(OwnPrice price) {
        database.inTransaction(c -> {
            prices.put(c, price);
            return null;
        });
    }

    /** Several own prices in one transaction (an undone reset). */
    public void putOwnPrices(java.util.Collection<OwnPrice> all) {
        database.inTransaction(c -> {
            for (OwnPrice price : all) {
                prices.put(c, price);
            }
            return null;
        });
    }

    public void clearOwnPrices() {
        database.inTransaction(c -> {
            prices.clear(c);
            return null;
        });
    }

    /** Waits until every write handed to the writer thread is in the file. */
    public void flush() {
        try {
            writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new WorkspaceException("the workspace did not finish saving: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
        database.close();
    }
}
