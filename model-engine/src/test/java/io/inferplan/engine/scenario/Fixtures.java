package io.inferplan.engine.scenario;

import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.Bottleneck;
import io.inferplan.engine.perf.ErrorBand;
import io.inferplan.engine.perf.PerformanceEstimate;
import java.util.List;
import java.util.Map;

/** A scenario and a hand-built performance source, so the economics are tested without the performance model. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final AcceleratorSpec GPU = new AcceleratorSpec("test-gpu", "Test GPU", "Test", AcceleratorFamily.NVIDIA_HOPPER,
            80e9, 3.35e12, Map.of(Precision.BF16, 989e12, Precision.FP8, 1979e12), 450e9, 8, 700, false, List.of("TG"));

    /**
     * A replica completes 4,000 generated tokens per second divided by the tokens each request generates, and
     * spends a quarter of its time on prefill.
     */
    public static final EstimateSource STUB = (model, deployment, request, target) -> {
        double rps = 4000 / request.outputTokens();
        return new PerformanceEstimate(64, 4000, 4000.0 / deployment.gpusPerReplica(), rps, 0.5, 0.03, 33, 0.25, 0.03,
                0.1, Bottleneck.MEMORY_BANDWIDTH, null, new ErrorBand(20, 5, "test"));
    };

    public static final ScenarioResolver RESOLVER = new ScenarioResolver(AcceleratorResolver.of(List.of(GPU)));

    public static final String JSON = """
            {
              "schemaVersion": 1,
              "name": "Test chat",
              "description": "A chat assistant for tests.",
              "sources": ["hand-made"],
              "workload": {
                "averageRequestsPerSecond": 10,
                "peakRequestsPerSecond": 20,
                "inputTokens": {"mean": 900, "p90": 3000},
                "outputTokens": {"mean": 300},
                "reasoningTokens": {"mean": 200},
                "promptCacheHitRate": 0.1,
                "latency": {"maxTimeToFirstTokenSeconds": 2, "maxTimePerOutputTokenSeconds": 0.05}
              },
              "deployment": {"accelerator": "test-gpu", "model": "Llama-3.1-8B", "tensorParallel": 1,
                             "weightPrecision": "FP8", "plannedUtilization": 0.8},
              "cost": {"basis": "rent", "term": "on-demand", "usdPerGpuHour": 2.0},
              "pricing": {"tiers": [
                {"name": "mid", "trafficShare": 1.0, "usdPerMillionInputTokens": 3, "usdPerMillionCachedInputTokens": 0.3,
                 "usdPerMillionOutputTokens": 15}
              ]},
              "fixedMonthlyCosts": [{"name": "staff", "usdPerMonth": 50000}],
              "projection": {"months": 12, "demandGrowthPerMonth": 0.05}
            }
            """;
}
