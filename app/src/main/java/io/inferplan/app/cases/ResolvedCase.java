package io.inferplan.app.cases;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.ResolvedModel;
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
 * @param modelName                the model as its name resolved, with the precision its suffix implies
 * @param weightPrecisionOrigin    whether the weight precision was given, read from the model name's suffix or defaulted
 */
public record ResolvedCase(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                           ServingTarget target, OptionalDouble measuredOutputTokensPerSecond, ResolvedModel modelName,
                           WeightPrecisionOrigin weightPrecisionOrigin) {

    public ResolvedCase {
        modelName = modelName == null ? ResolvedModel.plain(model) : modelName;
        weightPrecisionOrigin = weightPrecisionOrigin == null ? WeightPrecisionOrigin.GIVEN : weightPrecisionOrigin;
    }

    /** A case whose weight precision was given and whose model was named without a precision suffix. */
    public ResolvedCase(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                        ServingTarget target, OptionalDouble measuredOutputTokensPerSecond) {
        this(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond, null, null);
    }

    public Measurement toMeasurement() {
        return new Measurement(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond.orElseThrow());
    }
}
