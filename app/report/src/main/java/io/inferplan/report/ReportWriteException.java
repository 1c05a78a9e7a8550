package io.inferplan.report;

/** A report that could not be written; the message names the path and the reason, in words (no stack trace for the user). */
public final class ReportWriteException extends RuntimeException {
    public ReportWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportWriteException(String message) {
        super(message);
    }
}
