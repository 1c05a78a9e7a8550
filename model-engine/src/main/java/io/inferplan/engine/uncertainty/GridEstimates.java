package io.inferplan.engine.uncertainty;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.EstimateSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Performance estimates for a Monte Carlo run, computed once per point of a fine grid of request shapes around the
 * scenario's own: tokens in steps of {@value #TOKEN_STEP_PERCENT}% (geometric), the cache hit rate in steps of
 * {@value #HIT_RATE_STEP}. A draw's replica throughput is that of its nearest grid shape, so thousands of draws
 * of token lengths need tens to hundreds of estimates rather than one each; the error this adds (at most half a
 * step) is a small part of the performance model's own band. The scenario's own shape is a grid point, so a draw
 * that moves no token length gets exactly the plain evaluation's estimate. Thread-safe.
 */
final class GridEstimates implements EstimateSource {
    static final double TOKEN_STEP_PERCENT = 5;
    static final double HIT_RATE_STEP = 0.05;
    private static final double LOG_STEP = Math.log1p(TOKEN_STEP_PERCENT / 100);

    /** A model, deployment or target other than the scenario's own (a draw that moved the deployment). */
    private record Key(Object model, Object deployment, int input, int output, int hitRate, ServingTarget target) {
    }

    private final EstimateSource delegate;
    private final ModelSpec baseModel;
    private final Deployment[] baseDeployments;
    private final RequestShape anchor;
    private final ServingTarget baseTarget;
    private final ConcurrentHashMap<Object, PerformanceEstimate> entries = new ConcurrentHashMap<>();

    GridEstimates(EstimateSource delegate, ModelSpec baseModel, ServingTarget baseTarget, RequestShape anchor,
                  Deployment... baseDeployments) {
        this.delegate = delegate;
        this.baseModel = baseModel;
        this.baseTarget = baseTarget;
        this.anchor = anchor;
        this.baseDeployments = baseDeployments;
    }

    @Override
    public PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target) {
        int input = steps(request.inputTokens(), anchor.inputTokens());
        int output = steps(request.outputTokens(), anchor.outputTokens());
        int hitRate = (int) Math.round((request.promptCacheHitRate() - anchor.promptCacheHitRate()) / HIT_RATE_STEP);
        int deploymentIndex = deploymentIndex(deployment);
        // The common case, the scenario's own model, deployments and target, is keyed by one long: hashing the
        // records themselves on every look-up cost more than the rest of a draw's economics.
        boolean base = model == baseModel && deploymentIndex >= 0 && (target == baseTarget || target.equals(baseTarget));
        Object key = base ? (Object) packed(deploymentIndex, input, output, hitRate)
                : new Key(model, deployment, input, output, hitRate, target);
        PerformanceEstimate cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        RequestShape onGrid = new RequestShape(onGrid(anchor.inputTokens(), input), onGrid(anchor.outputTokens(), output),
                Math.max(0, Math.min(1, anchor.promptCacheHitRate() + hitRate * HIT_RATE_STEP)));
        // Pure, so two threads computing the same point at once is harmless.
        PerformanceEstimate estimate = delegate.estimate(model, deployment, onGrid, target);
        entries.putIfAbsent(key, estimate);
        return estimate;
    }

    private static long packed(int deploymentIndex, int input, int output, int hitRate) {
        return ((long) deploymentIndex << 60) ^ ((long) (input & 0xFFFFF) << 40) ^ ((long) (output & 0xFFFFF) << 20) ^ (hitRate & 0xFFFFF);
    }

    /** Grid points estimated so far (for tests and the benchmark). */
    int size() {
        return entries.size();
    }

    private int deploymentIndex(Deployment deployment) {
        for (int i = 0; i < baseDeployments.length; i++) {
            if (baseDeployments[i] == deployment) {
                return i;
            }
        }
        return -1;
    }

    private static int steps(double value, double anchorValue) {
        return value == anchorValue ? 0 : (int) Math.round(Math.log(value / anchorValue) / LOG_STEP);
    }

    private static double onGrid(double anchorValue, int steps) {
        return steps == 0 ? anchorValue : anchorValue * Math.exp(steps * LOG_STEP);
    }
}
