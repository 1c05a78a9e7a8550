package io.inferplan.app.workspace;

import java.nio.file.Path;

/**
 * What happened when the workspace could not be read at start: the damaged file is kept aside under
 * {@code damagedFile} (never overwritten, never deleted), and the workspace was restored from {@code restoredFrom}
 * or, with no good backup, started empty.
 *
 * @param restoredFrom null when no backup could be opened
 */
public record WorkspaceRecovery(Path damagedFile, Path restoredFrom, String reason) {
    /** What the user is told, in one paragraph. */
    public String message() {
        return "The workspace file could not be read (" + reason + "). It was kept unchanged as " + damagedFile
                + (restoredFrom == null ? "; no backup could be opened, so InferPlan started with a new workspace."
                : "; your scenarios were restored from the backup " + restoredFrom.getFileName()
                + " (edits made after it are in the kept file).");
    }
}
