package io.inferplan.engine.perf;

import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelSpec;

/** Roofline-based performance model of LLM serving; see docs/performance-model.md. */
public final class PerformanceModel {

    public static PerformanceModel standard() {
        return new PerformanceModel();
    }

    /**
     * The replica's steady-state operating point for this model, deployment, request shape and target.
     *
     * @throws ConfigurationDoesNotFitException when the model or one sequence does not fit
     * @throws io.inferplan.engine.InvalidInputException when the target cannot be met at all
     */
    public PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target) {
        throw new UnsupportedOperationException("being written");
    }

    /** The efficiency-derived error band for this hardware and stack, without running an estimate. */
    public ErrorBand errorBand(AcceleratorSpec accelerator, ServingStack stack) {
        throw new UnsupportedOperationException("being written");
    }
}
