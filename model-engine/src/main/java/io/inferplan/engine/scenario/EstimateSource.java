package io.inferplan.engine.scenario;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;

/**
 * Where the economics get a replica's operating point from: the performance model, a cache in front of it, or (in
 * tests) hand-built estimates.
 */
@FunctionalInterface
public interface EstimateSource {
    PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target);

    /** The standard performance model behind a cache. */
    static EstimateSource standard() {
        return cached(PerformanceModel.standard());
    }

    /** This performance model behind a cache (the simulator prices its steps with the same model). */
    static EstimateSource cached(PerformanceModel model) {
        return new EstimateCache(model::estimate, EstimateCache.DEFAULT_CAPACITY);
    }
}
