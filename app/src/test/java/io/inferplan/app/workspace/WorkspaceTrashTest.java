package io.inferplan.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleted scenarios are a trash, not gone at the next start: kept for 30 days, then removed. */
class WorkspaceTrashTest {
    @TempDir
    Path directory;

    @Test
    void aScenarioDeletedInTheLastSessionCanStillBeRestored() {
        StoredScenario deleted;
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            deleted = store.create("Deleted by mistake", "{}");
            store.create("Kept", "{}");
            store.delete(deleted.id());
        }
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            assertEquals(1, store.scenarios().size());
            store.restore(deleted.id());
            assertEquals(2, store.scenarios().size(), "the deletion survived the restart as a restorable one");
        }
    }

    @Test
    void deletionsOlderThanThirtyDaysAreRemovedAtStart() throws Exception {
        StoredScenario old;
        StoredScenario recent;
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            old = store.create("Old", "{}");
            recent = store.create("Recent", "{}");
            store.delete(old.id());
            store.delete(recent.id());
        }
        try (WorkspaceDatabase database = WorkspaceDatabase.open(directory)) {
            database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE scenario SET deleted_at = ? WHERE id = ?")) {
                    s.setTimestamp(1, Timestamp.from(Instant.now().minus(WorkspaceStore.KEEP_DELETED).minusSeconds(60)));
                    s.setObject(2, old.id());
                    return s.executeUpdate();
                }
            });
        }
        try (WorkspaceStore store = WorkspaceStore.open(directory)) {
            store.restore(old.id());
            store.restore(recent.id());
            assertTrue(store.find(old.id()).isEmpty(), "the old deletion is gone for good");
            assertTrue(store.find(recent.id()).isPresent(), "the recent one is still in the trash");
        }
    }
}
