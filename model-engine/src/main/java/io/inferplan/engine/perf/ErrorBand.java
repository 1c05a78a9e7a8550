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
    public String summary() {
        return measurementCount == 0
                ? "no measurement for this family: expect up to " + Math.round(expectedErrorPercent) + "%"
                : "within " + Math.round(expectedErrorPercent) + "% (" + measurementCount + " measurements)";
    }
}
