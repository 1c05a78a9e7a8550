package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.model.ModelSpec;

/**
 * A published throughput measurement of one configuration, used to fit and check the efficiency factors.
 *
 * @param replicas                     identical replicas the measurement ran (gpus / gpusPerReplica)
 * @param measuredOutputTokensPerSecond generated tokens per second of all replicas together
 */
public record Measurement(
        String caseId,
        ModelSpec model,
        Deployment deployment,
        int replicas,
        RequestShape request,
        ServingTarget target,
        double measuredOutputTokensPerSecond) {

    public Measurement {
        present("case", caseId);
        present("model", model);
        present("deployment", deployment);
        inRange("replicas", replicas, 1, 1_000_000);
        present("request", request);
        present("scenario", target);
        positive("value", measuredOutputTokensPerSecond, 1e12);
    }
}
