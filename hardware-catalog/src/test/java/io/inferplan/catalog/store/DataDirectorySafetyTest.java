package io.inferplan.catalog.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a data directory path can do to the databases, who can read them, and what reading writes. */
class DataDirectorySafetyTest {
    @TempDir
    Path home;

    @Test
    void aPathThatWouldBeReadAsSettingsIsRefusedBeforeAnythingIsCreated() {
        Path hostile = home.resolve("a;INIT=CREATE TABLE PWNED(X INT)");
        StoreException refused = assertThrows(StoreException.class, () -> CatalogStore.open(hostile));
        assertTrue(refused.getMessage().contains("contains ';'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("INFERPLAN_HOME"), refused.getMessage());
        assertFalse(Files.exists(hostile), "nothing was created under the refused path");
    }

    @Test
    void theDirectoryAndTheDatabaseAreTheOwnersAlone() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = home.resolve("data");
        Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        CatalogStore.open(data).saveProfileRun(Instant.now(), "quick", "host", 1, Map.of("x", 1));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), "an existing 0755 directory is narrowed");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("catalog.mv.db"))));
    }

    @Test
    void readingNeitherCreatesNorRewritesTheDatabase() throws Exception {
        assertTrue(CatalogStore.openForReading(home).isEmpty(), "no database yet: nothing to read");
        assertFalse(Files.exists(home.resolve("catalog.mv.db")), "and none created by looking");

        CatalogStore.open(home).saveProfileRun(Instant.now(), "quick", "host", 1, Map.of("x", 1));
        byte[] before = digest(home.resolve("catalog.mv.db"));
        CatalogStore reader = CatalogStore.openForReading(home).orElseThrow();
        assertEquals(1, reader.profileRuns().size());
        reader.catalog();
        reader.userEntries();
        assertArrayEquals(before, digest(home.resolve("catalog.mv.db")), "reading left the file byte for byte as it was");
        assertThrows(IllegalStateException.class, () -> reader.saveProfileRun(Instant.now(), "quick", "host", 1, Map.of()));
    }

    private static byte[] digest(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
