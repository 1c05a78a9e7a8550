package io.inferplan.cli.calibration;

import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.ResolvedModel;
import io.inferplan.engine.perf.Deployment;
import io.inferplan.engine.perf.DisaggregatedDeployment;
import io.inferplan.engine.perf.Measurement;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;
import java.util.OptionalDouble;

/**
 * One configuration from a cases file, with names resolved.
 *
 * @param replicas                 data-parallel copies (gpus / (tensor x pipeline parallel))
 * @param measuredOutputTokensPerSecond the row's published figure when it has one (metric output_tokens_per_s)
 * @param measuredTtftSeconds      the row's published mean TTFT (column measured_ttft_ms); 0 when it has none
 * @param measuredTpotSeconds      the row's published mean TPOT (column measured_tpot_ms); 0 when it has none
 * @param modelName                the model as its name resolved, with the precision its suffix implies
 * @param weightPrecisionOrigin    whether the weight precision was given, read from the model name's suffix or defaulted
 * @param disaggregated            the prefill and decode pools of a disaggregated row (column prefill_workers set), else
 *                                 null; {@code deployment} is then its decode worker and {@code replicas} 1
 */
public record ResolvedCase(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                           ServingTarget target, OptionalDouble measuredOutputTokensPerSecond, double measuredTtftSeconds,
                           double measuredTpotSeconds, ResolvedModel modelName, WeightPrecisionOrigin weightPrecisionOrigin,
                           DisaggregatedDeployment disaggregated) {

    public ResolvedCase {
        modelName = modelName == null ? ResolvedModel.plain(model) : modelName;
        weightPrecisionOrigin = weightPrecisionOrigin == null ? WeightPrecisionOrigin.GIVEN : weightPrecisionOrigin;
    }

    /** An aggregated case. */
    public ResolvedCase(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                        ServingTarget target, OptionalDouble measuredOutputTokensPerSecond, double measuredTtftSeconds,
                        double measuredTpotSeconds, ResolvedModel modelName, WeightPrecisionOrigin weightPrecisionOrigin) {
        this(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond, measuredTtftSeconds,
                measuredTpotSeconds, modelName, weightPrecisionOrigin, null);
    }

    public boolean isDisaggregated() {
        return disaggregated != null;
    }

    /** A case whose weight precision was given and whose model was named without a precision suffix. */
    public ResolvedCase(String caseId, ModelSpec model, Deployment deployment, int replicas, RequestShape request,
                        ServingTarget target, OptionalDouble measuredOutputTokensPerSecond) {
        this(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond, 0, 0, null, null);
    }

    /** Whether the row has any published figure to fit or check against. */
    public boolean measured() {
        return measuredOutputTokensPerSecond.isPresent() || measuredTtftSeconds > 0 || measuredTpotSeconds > 0;
    }

    public Measurement toMeasurement() {
        return new Measurement(caseId, model, deployment, replicas, request, target, measuredOutputTokensPerSecond.orElse(0),
                measuredTtftSeconds, measuredTpotSeconds);
    }
}
