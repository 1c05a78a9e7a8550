package io.inferplan.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a user reads when the workspace cannot be opened (a second process is only reproducible by hand). */
class WorkspaceDatabaseTest {
    private final Path directory = Path.of("/home/me/.local/share/inferplan");

    @Test
    void aWorkspaceLockedByAnotherProcessSaysSo() {
        // What H2 2.x throws when another process holds the file (seen with two InferPlan windows).
        SQLException locked = new SQLException("Database may be already in use: \"/home/me/.local/share/inferplan/workspace.mv.db\"",
                "90020", 90020);
        assertEquals("another InferPlan window has the workspace in /home/me/.local/share/inferplan open;"
                + " close it and start again", WorkspaceDatabase.whyNotOpened(directory, locked));
    }

    @Test
    void aFailedLoginLeavesNoTraceFileInTheDataDirectory(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        try (WorkspaceDatabase database = WorkspaceDatabase.open(home)) {
            // A failed login is one of the errors H2 writes to FILE.trace.db with its stack trace by default.
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                    "jdbc:h2:file:" + home.resolve(WorkspaceDatabase.FILE_NAME).toAbsolutePath() + ";IFEXISTS=TRUE", "intruder", "x"));
        }
        try (var files = java.nio.file.Files.list(home)) {
            assertEquals(java.util.List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".trace.db")).toList());
        }
    }

    @Test
    void aSecondOpenOfTheSameWorkspaceIsRefusedWhileTheFirstHoldsIt(@org.junit.jupiter.api.io.TempDir Path home) {
        try (WorkspaceDatabase first = WorkspaceDatabase.open(home)) {
            // The first closes its H2 connection after each write; the lock still keeps a second one out.
            first.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM recent_file"));
            WorkspaceException refused = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                    () -> WorkspaceDatabase.open(home));
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().startsWith("another InferPlan window has the workspace"),
                    refused.getMessage());
        }
        WorkspaceDatabase.open(home).close();
    }

    @Test
    void aWorkspacePathThatWouldBeReadAsSettingsIsRefused(@org.junit.jupiter.api.io.TempDir Path home) {
        Path hostile = home.resolve("w;INIT=CREATE TABLE PWNED(X INT)");
        WorkspaceException refused = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                () -> WorkspaceDatabase.open(hostile));
        org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("contains ';'"), refused.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(hostile), "nothing was created");
    }

    @Test
    void theWorkspaceFilesAreTheOwnersAlone(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        WorkspaceDatabase.open(home).close();
        for (String name : java.util.List.of("workspace.mv.db", "workspace.lock")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(home.resolve(name))), name);
        }
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        SQLException broken = new SQLException("File corrupted while reading record", "90030", 90030);
        assertEquals("cannot open the workspace in /home/me/.local/share/inferplan: File corrupted while reading record",
                WorkspaceDatabase.whyNotOpened(directory, broken));
    }
}
