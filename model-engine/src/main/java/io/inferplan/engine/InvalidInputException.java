package io.inferplan.engine;

/**
 * A value the engine cannot work with. The message names the field (as a path a user recognises, such as
 * {@code workload.peakRequestsPerSecond}) and what would have been allowed.
 */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    /** Longest reason kept: a value quoted back from a file may be any length. */
    static final int MAX_REASON_CHARS = 400;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + oneLine(reason));
        this.field = field;
        this.reason = oneLine(reason);
    }

    /** One line of bounded length: control characters escaped (a value with a line break stays one line), long text cut. */
    static String oneLine(String reason) {
        String text = reason == null ? "" : reason;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON_CHARS + 16));
        for (int i = 0; i < text.length() && out.length() < MAX_REASON_CHARS; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.length() < text.length() && out.length() >= MAX_REASON_CHARS ? out + "..." : out.toString();
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
        return withField(parentPath + "." + field);
    }

    /** The same problem (of the same kind, with what it carries) named by another path. */
    public InvalidInputException withField(String newField) {
        InvalidInputException moved = new InvalidInputException(newField, reason);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
