package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.ServingStack;
import io.inferplan.engine.perf.SpeculativeDecoding;

/**
 * What runs where, by name: the model (a bundled preset or the scenario's own architecture), the accelerator (a
 * catalog id or the scenario's own figures), the parallel layout and number formats, and how hard the fleet is run.
 * Names are resolved by {@link ScenarioResolver}.
 *
 * @param accelerator          catalog id or alias (e.g. "H100-SXM"); or leave out and give customAccelerator
 * @param customAccelerator    the scenario's own accelerator figures (a part not in the catalog)
 * @param model                bundled model preset name (e.g. "Llama-3.3-70B"); or leave out and give customModel
 * @param customModel          the scenario's own architecture
 * @param tensorParallel       GPUs per replica in tensor parallel (default 1)
 * @param pipelineParallel     pipeline stages (default 1); GPUs per replica = tensor x pipeline
 * @param expertParallel       MoE experts spread over this many of the replica's GPUs (default 1)
 * @param weightPrecision      number format of the weights (required)
 * @param kvPrecision          number format of the KV cache (default BF16)
 * @param servingStack         vLLM, SGLang, TensorRT-LLM or generic (default generic)
 * @param maxBatch             the serving engine's batch limit (default 0: the stack's default)
 * @param plannedUtilization   share of replica capacity the peak may use (default 0.8: 20% headroom for bursts)
 * @param minReplicas          fewest replicas, e.g. 2 for redundancy (default 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentPlan(String accelerator, AcceleratorSpec customAccelerator, String model, ModelSpec customModel,
                             Integer tensorParallel, Integer pipelineParallel, Integer expertParallel,
                             Precision weightPrecision, Precision kvPrecision, Precision activationPrecision,
                             ServingStack servingStack, Integer maxBatch, SpeculativeDecoding speculative,
                             Double plannedUtilization, Integer minReplicas) {

    public DeploymentPlan {
        accelerator = blankToNull(accelerator);
        model = blankToNull(model);
        if ((accelerator == null) == (customAccelerator == null)) {
            throw new InvalidInputException("accelerator", accelerator == null
                    ? "is required: a catalog id such as \"H100-SXM\", or customAccelerator with its figures"
                    : "give either accelerator (a catalog id) or customAccelerator, not both");
        }
        if ((model == null) == (customModel == null)) {
            throw new InvalidInputException("model", model == null
                    ? "is required: a bundled model name such as \"Llama-3.3-70B\", or customModel with its architecture"
                    : "give either model (a bundled name) or customModel, not both");
        }
        tensorParallel = inRange("tensorParallel", tensorParallel == null ? 1 : tensorParallel, 1, 4096);
        pipelineParallel = inRange("pipelineParallel", pipelineParallel == null ? 1 : pipelineParallel, 1, 512);
        expertParallel = inRange("expertParallel", expertParallel == null ? 1 : expertParallel, 1, 4096);
        present("weightPrecision", weightPrecision);
        kvPrecision = kvPrecision == null ? Precision.BF16 : kvPrecision;
        servingStack = servingStack == null ? ServingStack.GENERIC : servingStack;
        maxBatch = inRange("maxBatch", maxBatch == null ? 0 : maxBatch, 0, 1_000_000);
        plannedUtilization = inRange("plannedUtilization", plannedUtilization == null ? 0.8 : plannedUtilization, 0.05, 1);
        minReplicas = inRange("minReplicas", minReplicas == null ? 1 : minReplicas, 1, 100_000);
    }

    public int gpusPerReplica() {
        return tensorParallel * pipelineParallel;
    }

    /** The accelerator's name as written: the catalog id, or the custom part's id. */
    public String acceleratorName() {
        return accelerator != null ? accelerator : customAccelerator.id();
    }

    public String modelName() {
        return model != null ? model : customModel.id();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
