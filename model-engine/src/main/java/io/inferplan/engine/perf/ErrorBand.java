package io.inferplan.engine.perf;

/**
 * How far to trust a prediction, from the residuals of published measurements for the same accelerator
 * family and serving stack.
 *
 * @param expectedErrorPercent typical absolute error (e.g. the 80th percentile of residuals)
 * @param measurementCount     published measurements behind it (0: none for this family and stack)
 * @param basis                in words, for a tooltip or a report
 */
public record ErrorBand(double expectedErrorPercent, int measurementCount, String basis) {
    /** One line for a KPI tile or a table, with the final figure first and why it is what it is. */
    public String summary() {
        String percent = Math.round(expectedErrorPercent) + "%";
        return measurementCount == 0
                ? "expect up to " + percent + ": " + basis
                : "within " + percent + " (" + measurementCount + " measurements"
                        + (basis.contains("widened") ? ", " + basis.substring(basis.indexOf("widened")) : "") + ")";
    }
}
