package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.ModelSpec;

/**
 * A published measurement of one configuration, used to fit and check the efficiency factors: throughput
 * (offline runs), or time to first token and time per output token at a fixed concurrency (serving sweeps), or both.
 *
 * @param replicas                      identical replicas the measurement ran (gpus / gpusPerReplica)
 * @param measuredOutputTokensPerSecond generated tokens per second of all replicas together; 0 when not measured
 * @param measuredTtftSeconds           mean time to first token; 0 when not measured
 * @param measuredTpotSeconds           mean time per output token after the first; 0 when not measured
 */
public record Measurement(
        String caseId,
        ModelSpec model,
        Deployment deployment,
        int replicas,
        RequestShape request,
        ServingTarget target,
        double measuredOutputTokensPerSecond,
        double measuredTtftSeconds,
        double measuredTpotSeconds) {

    public Measurement {
        present("case", caseId);
        present("model", model);
        present("deployment", deployment);
        inRange("replicas", replicas, 1, 1_000_000);
        present("request", request);
        present("scenario", target);
        nonNegative("value", measuredOutputTokensPerSecond, 1e12);
        nonNegative("measured_ttft_ms", measuredTtftSeconds, 3600);
        nonNegative("measured_tpot_ms", measuredTpotSeconds, 60);
        if (measuredOutputTokensPerSecond == 0 && measuredTtftSeconds == 0 && measuredTpotSeconds == 0) {
            throw new InvalidInputException("value", "a measurement needs a throughput, a TTFT or a TPOT above 0");
        }
    }

    /** A throughput measurement (the calibration.csv layout). */
    public Measurement(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                       ServingTarget target, double measuredOutputTokensPerSecond) {
        this(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond, 0, 0);
    }

    public boolean hasThroughput() {
        return measuredOutputTokensPerSecond > 0;
    }

    /** Whether this row measures {@code metric}. */
    public boolean measures(PredictedMetric metric) {
        return switch (metric) {
            case THROUGHPUT -> hasThroughput();
            case TTFT -> measuredTtftSeconds > 0;
            case TPOT -> measuredTpotSeconds > 0;
        };
    }

    public boolean hasLatency() {
        return measuredTtftSeconds > 0 || measuredTpotSeconds > 0;
    }
}
