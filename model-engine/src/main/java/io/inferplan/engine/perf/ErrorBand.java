package io.inferplan.engine.perf;

/**
 * How far to trust a prediction, from the residuals of published measurements for the same accelerator
 * family and serving stack.
 *
 * @param expectedErrorPercent typical absolute error (e.g. the 80th percentile of residuals)
 * @param measurementCount     published measurements behind it (0: none for this family and stack)
 * @param basis                in words, for a tooltip or a report (the widenings included)
 * @param widenings            what was added to the measured band, and why, in the order applied
 */
public record ErrorBand(double expectedErrorPercent, int measurementCount, String basis, java.util.List<Widening> widenings) {
    /** Points added to a band where the measurements do not cover a prediction, with the reason in words. */
    public record Widening(double points, String reason) {
        /** "widened by 10 points because ...". */
        public String describe() {
            return "widened by " + Math.round(points) + " points because " + reason;
        }
    }

    public ErrorBand {
        widenings = widenings == null ? java.util.List.of() : java.util.List.copyOf(widenings);
    }

    public ErrorBand(double expectedErrorPercent, int measurementCount, String basis) {
        this(expectedErrorPercent, measurementCount, basis, java.util.List.of());
    }

    /** This band with {@code points} more, for {@code reason} (kept as data and said in the basis). */
    public ErrorBand widened(double points, String reason) {
        java.util.List<Widening> more = new java.util.ArrayList<>(widenings);
        Widening widening = new Widening(points, reason);
        more.add(widening);
        return new ErrorBand(expectedErrorPercent + points, measurementCount, basis + "; " + widening.describe(), more);
    }

    /** One line for a KPI tile or a table, with the final figure first and why it is what it is. */
    public String summary() {
        String percent = Math.round(expectedErrorPercent) + "%";
        if (measurementCount == 0) {
            return "expect up to " + percent + ": " + basis;
        }
        StringBuilder line = new StringBuilder("within " + percent + " (" + measurementCount + " measurements");
        widenings.forEach(w -> line.append(", ").append(w.describe()));
        return line.append(")").toString();
    }
}
