package io.inferplan.cli.calibration;

import io.inferplan.engine.perf.ErrorBands;
import io.inferplan.engine.perf.PerformanceEstimate;
import java.util.OptionalDouble;

/**
 * What evaluating one row gave: an estimate for all of the row's GPUs, or the reason it could not be evaluated.
 *
 * @param accelerator the row's accelerator as written (for grouping accuracy by accelerator)
 * @param errorBands  each figure's error band; null when the row failed
 * @param kvTransferSeconds a disaggregated row's KV-cache transfer per request; 0 for aggregated rows
 */
public record CaseOutcome(String caseId, String accelerator, ResolvedCase resolved, PerformanceEstimate estimate, String error,
                          ErrorBands errorBands, double kvTransferSeconds) {

    public CaseOutcome(String caseId, String accelerator, ResolvedCase resolved, PerformanceEstimate estimate, String error,
                       ErrorBands errorBands) {
        this(caseId, accelerator, resolved, estimate, error, errorBands, 0);
    }

    public boolean failed() {
        return error != null;
    }

    public int replicas() {
        return resolved == null ? 1 : resolved.replicas();
    }

    public double predictedOutputTokensPerSecond() {
        return estimate.outputTokensPerSecond() * replicas();
    }

    public OptionalDouble measuredOutputTokensPerSecond() {
        return resolved == null ? OptionalDouble.empty() : resolved.measuredOutputTokensPerSecond();
    }

    /** Signed error of the prediction against the row's measurement, in percent (positive: predicted too high). */
    public OptionalDouble errorPercent() {
        OptionalDouble measured = measuredOutputTokensPerSecond();
        if (failed() || measured.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((predictedOutputTokensPerSecond() - measured.getAsDouble()) / measured.getAsDouble() * 100);
    }
}
