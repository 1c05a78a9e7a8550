package io.inferplan.engine.uncertainty;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.EstimateSource;

/**
 * One worker's estimates with the draw's performance-model error applied: throughput times the drawn factor,
 * latencies divided by it (a replica that is faster than predicted is faster at both). Confined to one thread.
 */
final class ScaledEstimates implements EstimateSource {
    private final EstimateSource delegate;
    private double factor = 1;
    // The projection asks for the same shape month after month; the last answer, scaled, is kept for the draw.
    private Deployment lastDeployment;
    private RequestShape lastRequest;
    private ServingTarget lastTarget;
    private PerformanceEstimate lastScaled;

    ScaledEstimates(EstimateSource delegate) {
        this.delegate = delegate;
    }

    /** Starts a draw: its throughput factor, and nothing remembered from the last draw. */
    void factor(double throughputFactor) {
        this.factor = throughputFactor;
        this.lastScaled = null;
    }

    @Override
    public PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target) {
        if (lastScaled != null && deployment == lastDeployment && target == lastTarget && request.equals(lastRequest)) {
            return lastScaled;
        }
        PerformanceEstimate scaled = scaled(delegate.estimate(model, deployment, request, target));
        lastDeployment = deployment;
        lastTarget = target;
        lastRequest = request;
        lastScaled = scaled;
        return scaled;
    }

    private PerformanceEstimate scaled(PerformanceEstimate e) {
        if (factor == 1) {
            return e;
        }
        double f = factor;
        return new PerformanceEstimate(e.batch(), e.outputTokensPerSecond() * f, e.outputTokensPerSecondPerGpu() * f,
                e.requestsPerSecond() * f, e.timeToFirstTokenSeconds() / f, e.timePerOutputTokenSeconds() / f,
                e.outputTokensPerSecondPerUser() * f, e.prefillTimeShare(), e.decodeStepSeconds() / f,
                e.prefillSecondsPerRequest() / f, e.limitedBy(), e.memory(), e.errorBand(), e.attentionParallelism());
    }
}
