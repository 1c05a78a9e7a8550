package io.inferplan.engine.perf;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;

/**
 * How one model replica is laid out on hardware.
 *
 * @param gpusPerReplica   tensorParallel x pipelineParallel
 * @param expertParallel   MoE experts spread over this many of the replica's GPUs (1 = every GPU holds a slice of every expert)
 * @param maxBatch         the serving engine's limit on concurrent sequences; 0 means the stack's default
 * @param speculative      null when no speculative decoding
 * @param attentionParallelism tensor-parallel attention, data-parallel attention with expert-parallel MoE, or auto
 */
public record Deployment(
        AcceleratorSpec accelerator,
        int gpusPerReplica,
        int tensorParallel,
        int pipelineParallel,
        int expertParallel,
        Precision weightPrecision,
        Precision kvPrecision,
        Precision activationPrecision,
        ServingStack servingStack,
        int maxBatch,
        SpeculativeDecoding speculative,
        AttentionParallelism attentionParallelism) {

    public Deployment {
        present("deployment.accelerator", accelerator);
        inRange("deployment.gpusPerReplica", gpusPerReplica, 1, 4096);
        inRange("deployment.tensorParallel", tensorParallel, 1, 4096);
        inRange("deployment.pipelineParallel", pipelineParallel, 1, 512);
        inRange("deployment.expertParallel", expertParallel, 1, 4096);
        if (tensorParallel * pipelineParallel != gpusPerReplica) {
            throw new InvalidInputException("deployment.gpusPerReplica", "must equal tensorParallel x pipelineParallel ("
                    + tensorParallel + " x " + pipelineParallel + " = " + tensorParallel * pipelineParallel + "), was " + gpusPerReplica);
        }
        if (expertParallel > gpusPerReplica) {
            throw new InvalidInputException("deployment.expertParallel", "must be at most gpusPerReplica (" + gpusPerReplica + "), was " + expertParallel);
        }
        present("deployment.weightPrecision", weightPrecision);
        present("deployment.kvPrecision", kvPrecision);
        activationPrecision = activationPrecision == null ? defaultActivationPrecision(weightPrecision) : activationPrecision;
        servingStack = servingStack == null ? ServingStack.GENERIC : servingStack;
        inRange("deployment.maxBatch", maxBatch, 0, 1_000_000);
        attentionParallelism = attentionParallelism == null ? AttentionParallelism.AUTO : attentionParallelism;
    }

    /** Attention parallelism left to the engine ({@link AttentionParallelism#AUTO}). */
    public Deployment(AcceleratorSpec accelerator, int gpusPerReplica, int tensorParallel, int pipelineParallel, int expertParallel,
                      Precision weightPrecision, Precision kvPrecision, Precision activationPrecision, ServingStack servingStack,
                      int maxBatch, SpeculativeDecoding speculative) {
        this(accelerator, gpusPerReplica, tensorParallel, pipelineParallel, expertParallel, weightPrecision, kvPrecision,
                activationPrecision, servingStack, maxBatch, speculative, AttentionParallelism.AUTO);
    }

    public Deployment withAttentionParallelism(AttentionParallelism layout) {
        return new Deployment(accelerator, gpusPerReplica, tensorParallel, pipelineParallel, expertParallel, weightPrecision,
                kvPrecision, activationPrecision, servingStack, maxBatch, speculative, layout);
    }

    /** Tensor-parallel single-replica deployment with the stack's defaults: the common case. */
    public static Deployment of(AcceleratorSpec accelerator, int tensorParallel, Precision weightPrecision,
                                Precision kvPrecision, ServingStack servingStack) {
        return new Deployment(accelerator, tensorParallel, tensorParallel, 1, 1, weightPrecision, kvPrecision, null,
                servingStack, 0, null);
    }

    /** Weight-only integer formats keep 16-bit activations; float formats run activations in their own width. */
    static Precision defaultActivationPrecision(Precision weights) {
        return switch (weights) {
            case INT4 -> Precision.FP16;
            case FP32 -> Precision.FP32;
            default -> weights;
        };
    }
}
