package io.inferplan.engine;

/**
 * A value the engine cannot work with. The message names the field (as a path a user recognises, such as
 * {@code workload.peakRequestsPerSecond}) and what would have been allowed.
 */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name (the message is {@code field + ": " + reason}). */
    public String reason() {
        return reason;
    }

    /** The same problem, with its field placed under a parent path (e.g. "deployment" + "gpusPerReplica"). */
    public InvalidInputException under(String parentPath) {
        InvalidInputException moved = new InvalidInputException(parentPath + "." + field, reason);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
