package io.inferplan.app.workspace;

/** The workspace file exists but cannot be read as a workspace (damaged, truncated, not a database). */
public final class WorkspaceUnreadableException extends WorkspaceException {
    public WorkspaceUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
