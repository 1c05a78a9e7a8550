package io.inferplan.app.workspace;

/** The workspace file could not be read or written; the message says which and why. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    public WorkspaceException(String message) {
        super(message);
    }
}
