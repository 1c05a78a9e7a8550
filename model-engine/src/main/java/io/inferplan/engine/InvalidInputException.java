package io.inferplan.engine;

/**
 * A value the engine cannot work with. The message names the field (as a path a user recognises, such as
 * {@code workload.peakRequestsPerSecond}) and what would have been allowed.
 */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same problem, with its field placed under a parent path (e.g. "deployment" + "gpusPerReplica"). */
    public InvalidInputException under(String parentPath) {
        InvalidInputException moved = new InvalidInputException(parentPath + "." + field, getMessage().substring(field.length() + 2));
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
