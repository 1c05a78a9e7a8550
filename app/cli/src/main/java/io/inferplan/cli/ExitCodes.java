package io.inferplan.cli;

/** Exit codes shared by the commands. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The user's input was wrong (bad file, unknown name, impossible scenario). */
    public static final int INPUT_ERROR = 2;
    /** Something in the environment failed (I/O, driver). */
    public static final int FAILURE = 1;

    private ExitCodes() {
    }
}
