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
    /** One line for a KPI tile or a table: the basis already says why the band is what it is when nothing was measured. */
    public String summary() {
        return measurementCount == 0
                ? basis
                : "within " + Math.round(expectedErrorPercent) + "% (" + measurementCount + " measurements"
                        + (basis.contains("widened") ? ", widened: " + basis.substring(basis.indexOf("widened")) : "") + ")";
    }
}
