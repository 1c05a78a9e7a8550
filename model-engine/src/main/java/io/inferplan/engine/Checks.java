package io.inferplan.engine;

import java.util.Objects;

/** Range checks used by the engine's records at construction, so that no NaN or negative value travels on. */
public final class Checks {
    private Checks() {
    }

    /** A finite number in [min, max]. */
    public static double inRange(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new OutOfRangeException(field, "must be a number from " + format(min) + " to " + format(max)
                    + ", was " + format(value), value, min, max, false);
        }
        return value;
    }

    /** A finite number greater than zero, up to max. */
    public static double positive(String field, double value, double max) {
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            throw new OutOfRangeException(field, "must be greater than 0 and at most " + format(max) + ", was " + format(value),
                    value, 0, max, true);
        }
        return value;
    }

    /** A finite number from zero up to max. */
    public static double nonNegative(String field, double value, double max) {
        return inRange(field, value, 0, max);
    }

    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    public static long inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return value.strip();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "not a number";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "infinity" : "-infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Objects.toString(value);
    }
}
