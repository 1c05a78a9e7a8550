package io.inferplan.engine.scenario;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the latest estimates by their inputs (all records, so equal inputs are equal keys). The app
 * re-evaluates on every slider move; most moves (prices, costs, growth) leave the request shape alone and so cost
 * no performance estimate at all. Thread-safe; least recently used entries go first.
 */
public final class EstimateCache implements EstimateSource {
    public static final int DEFAULT_CAPACITY = 512;

    private record Key(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target) {
    }

    private final EstimateSource delegate;
    private final Map<Key, PerformanceEstimate> entries;
    private long misses;

    public EstimateCache(EstimateSource delegate, int capacity) {
        this.delegate = delegate;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PerformanceEstimate> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public PerformanceEstimate estimate(ModelSpec model, Deployment deployment, RequestShape request, ServingTarget target) {
        Key key = new Key(model, deployment, request, target);
        synchronized (entries) {
            PerformanceEstimate cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Computed outside the lock: estimates are pure, so a rare duplicate computation is harmless.
        PerformanceEstimate estimate = delegate.estimate(model, deployment, request, target);
        synchronized (entries) {
            misses++;
            entries.put(key, estimate);
        }
        return estimate;
    }

    /** Estimates actually computed (for tests and diagnostics). */
    public long computedCount() {
        synchronized (entries) {
            return misses;
        }
    }
}
