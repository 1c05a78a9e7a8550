package io.inferplan.catalog.profile;

/** An OpenCL call failed; the message names the call and the error code (and the compiler log for builds). */
public final class OpenClException extends RuntimeException {
    private final int code;

    OpenClException(String call, int code) {
        super(call + " failed with OpenCL error " + code);
        this.code = code;
    }

    OpenClException(String call, int code, String log) {
        super(call + " failed with OpenCL error " + code + (log == null || log.isBlank() ? "" : ": " + log.strip()));
        this.code = code;
    }

    OpenClException(String call, Throwable cause) {
        super(call + " failed: " + cause, cause);
        this.code = Integer.MIN_VALUE;
    }

    public int code() {
        return code;
    }
}
