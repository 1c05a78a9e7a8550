package io.inferplan.app.cases;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.Measurement;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import java.util.OptionalDouble;

/**
 * One configuration from a cases file, with names resolved.
 *
 * @param replicas                 data-parallel copies (gpus / (tensor x pipeline parallel))
 * @param measuredOutputTokensPerSecond the row's published figure when it has one (metric output_tokens_per_s)
 */
public record ResolvedCase(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                           ServingTarget target, OptionalDouble measuredOutputTokensPerSecond) {

    public Measurement toMeasurement() {
        return new Measurement(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond.orElseThrow());
    }
}
