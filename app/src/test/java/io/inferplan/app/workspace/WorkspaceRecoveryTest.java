package io.inferplan.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace file that cannot be read is kept aside, never overwritten, and the newest good backup takes its place. */
class WorkspaceRecoveryTest {
    @TempDir
    Path home;

    @Test
    void aDamagedWorkspaceIsKeptAsideAndRestoredFromTheNewestBackup() throws Exception {
        try (WorkspaceStore store = WorkspaceStore.openWithBackups(home).store()) {
            store.create("Kept", "{}");
        }
        // The second start backs up the file that holds "Kept".
        WorkspaceStore.openWithBackups(home).store().close();
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(WorkspaceDatabase.file(home), garbage);

        WorkspaceStore.Opened opened = WorkspaceStore.openWithBackups(home);
        try (WorkspaceStore store = opened.store()) {
            WorkspaceRecovery recovery = opened.recovery();
            assertNotNull(recovery, "the damage is reported");
            assertArrayEquals(garbage, Files.readAllBytes(recovery.damagedFile()), "the damaged file is kept as it was");
            assertNotNull(recovery.restoredFrom());
            assertEquals("Kept", store.scenarios().getFirst().name(), "the scenarios come back from the backup");
            assertTrue(recovery.message().contains("kept unchanged as"), recovery.message());
        }
    }

    @Test
    void withoutABackupANewWorkspaceStartsAndTheDamagedFileStays() throws Exception {
        Files.write(WorkspaceDatabase.file(home), "not a database at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WorkspaceStore.Opened opened = WorkspaceStore.openWithBackups(home);
        try (WorkspaceStore store = opened.store()) {
            assertNotNull(opened.recovery());
            assertNull(opened.recovery().restoredFrom());
            assertTrue(store.isNew());
            assertEquals("not a database at all", Files.readString(opened.recovery().damagedFile()));
        }
    }

    @Test
    void aHealthyStartReportsNothingAndKeepsTheNewestFiveBackups() throws Exception {
        for (int start = 0; start < WorkspaceBackups.KEPT + 2; start++) {
            WorkspaceStore.Opened opened = WorkspaceStore.openWithBackups(home);
            assertNull(opened.recovery());
            opened.store().close();
        }
        assertEquals(WorkspaceBackups.KEPT, new WorkspaceBackups(home).list().size());
    }
}
