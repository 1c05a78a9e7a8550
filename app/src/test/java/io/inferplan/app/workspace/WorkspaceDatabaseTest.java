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
    void otherFailuresKeepTheirOwnMessage() {
        SQLException broken = new SQLException("File corrupted while reading record", "90030", 90030);
        assertEquals("cannot open the workspace in /home/me/.local/share/inferplan: File corrupted while reading record",
                WorkspaceDatabase.whyNotOpened(directory, broken));
    }
}
