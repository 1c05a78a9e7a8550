package io.inferplan.engine;

/**
 * A number outside its allowed range, with the range kept as numbers: a user interface that shows the field in
 * other units (a share as percent) can say the range in those units instead of quoting the engine's fractions.
 *
 * @see Checks#inRange
 */
public final class OutOfRangeException extends InvalidInputException {
    private final double value;
    private final double min;
    private final double max;
    private final boolean minExclusive;

    public OutOfRangeException(String field, String reason, double value, double min, double max, boolean minExclusive) {
        super(field, reason);
        this.value = value;
        this.min = min;
        this.max = max;
        this.minExclusive = minExclusive;
    }

    public double value() {
        return value;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** True when the minimum itself is not allowed ("greater than 0"). */
    public boolean minExclusive() {
        return minExclusive;
    }

    @Override
    public OutOfRangeException withField(String newField) {
        OutOfRangeException moved = new OutOfRangeException(newField, reason(), value, min, max, minExclusive);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
