package io.inferplan.engine.perf;

import io.inferplan.engine.model.ModelSpec;

/**
 * The performance model's roofline terms for a single engine step, for the serving simulator
 * ({@code io.inferplan.engine.sim}). This is the one door from the simulator into perf: it builds the same
 * {@link ReplicaLayout} the steady-state estimate builds and prices a step with the same terms as
 * {@code PerformanceModel.cycle} (decode iteration, plus prefill compute for the prompt tokens the step carries),
 * so that when those terms improve the simulator inherits them. {@code StepPhysicsTest} checks the two agree.
 *
 * <p>Immutable and thread-safe.
 */
public final class StepPhysics {
    private final ReplicaLayout layout;
    private final double kvBudgetBytesPerGpu;
    private final int defaultMaxBatch;
    private final double tokensPerStep;
    private final double verifiedPerSequence;
    private final double draftCostFraction;
    private final double reservedOutputFraction;

    private StepPhysics(ReplicaLayout layout, double kvBudgetBytesPerGpu) {
        this.layout = layout;
        this.kvBudgetBytesPerGpu = kvBudgetBytesPerGpu;
        this.defaultMaxBatch = layout.efficiency.defaultMaxBatch();
        SpeculativeDecoding speculative = layout.deployment.speculative();
        this.tokensPerStep = layout.tokensPerStep;
        this.verifiedPerSequence = speculative == null ? 1 : speculative.draftTokens() + 1;
        this.draftCostFraction = speculative == null ? 0 : speculative.draftCostFraction();
        this.reservedOutputFraction = layout.efficiency.kvReservedOutputFraction();
    }

    /**
     * The step physics of one replica. Attention parallelism AUTO resolves as the estimate resolves it (the layout
     * that serves more for {@code typicalRequest}).
     *
     * @throws ConfigurationDoesNotFitException when the weights or one typical sequence do not fit
     */
    public static StepPhysics of(PerformanceModel performance, ModelSpec model, Deployment deployment, RequestShape typicalRequest) {
        Deployment resolved = deployment;
        if (deployment.attentionParallelism() == AttentionParallelism.AUTO) {
            AttentionParallelism chosen = performance.estimate(model, deployment, typicalRequest, new ServingTarget.Offline())
                    .attentionParallelism();
            resolved = deployment.withAttentionParallelism(chosen);
        }
        EfficiencyProfile profile = performance.efficiencies()
                .resolve(resolved.accelerator().family(), resolved.servingStack()).profile();
        ReplicaLayout layout = new ReplicaLayout(model, resolved, profile);
        MemoryFit memory = PerformanceModel.memoryFit(layout, typicalRequest);
        return new StepPhysics(layout, memory.kvBudgetBytes());
    }

    /**
     * One decode iteration of {@code sequences} sequences at a mean context of {@code meanContextTokens}: exactly the
     * decode step of the steady-state cycle (pipeline micro-batches, speculative verification and drafting,
     * per-iteration and per-sequence overheads). Zero for no sequences.
     */
    public double decodeSeconds(int sequences, double meanContextTokens) {
        if (sequences <= 0) {
            return 0;
        }
        return PerformanceModel.step(layout, sequences, meanContextTokens).seconds();
    }

    /**
     * Prefill work a step adds for {@code tokens} prompt tokens attending on average to {@code meanContextTokens}
     * earlier tokens: their compute at the prefill efficiency plus their collectives and their share of a prefill
     * iteration's launch cost, as the steady-state cycle adds it to a decode iteration.
     */
    public double prefillSeconds(double tokens, double meanContextTokens) {
        if (tokens <= 0) {
            return 0;
        }
        return layout.prefillComputeSeconds(tokens, meanContextTokens) + layout.communicationSeconds(tokens)
                + layout.prefillLaunchSeconds(tokens);
    }

    /**
     * A step that only prefills (no sequence decoding): as the estimate's own-prefill time, the larger of the compute
     * and reading the weights once, plus collectives, per-layer costs and the prefill launch cost on every stage, plus
     * the per-iteration cost.
     */
    public double prefillOnlySeconds(double tokens, double meanContextTokens) {
        if (tokens <= 0) {
            return 0;
        }
        double compute = layout.prefillComputeSeconds(tokens, meanContextTokens);
        double memory = layout.weightBytesReadPerGpu(tokens) / layout.memoryBytesPerSecond;
        return Math.max(compute, memory)
                + layout.pipelineParallel * (layout.communicationSeconds(tokens) + layout.layerOverheadSeconds()
                        + layout.prefillChunkOverheadSeconds())
                + layout.efficiency.stepOverheadSeconds();
    }

    /** Tokens of context the replica's KV cache holds (the stack's share of the memory left after weights). */
    public double kvCapacityTokens(double typicalContextTokens) {
        double context = Math.max(1, typicalContextTokens);
        return kvBudgetBytesPerGpu / (layout.kvBytesPerGpu(context) / context);
    }

    /** KV-cache bytes one token of context takes on each GPU of the replica, at the typical context (sliding windows). */
    public double kvBytesPerTokenPerGpu(double typicalContextTokens) {
        double context = Math.max(1, typicalContextTokens);
        return layout.kvBytesPerGpu(context) / context;
    }

    /** The stack's default limit on sequences in flight, or the deployment's own limit. */
    public int maxSequences() {
        return layout.deployment.maxBatch() > 0 ? layout.deployment.maxBatch() : defaultMaxBatch;
    }

    /** Expected tokens each sequence emits per decode step (above 1 with speculative decoding). */
    public double tokensPerStep() {
        return tokensPerStep;
    }

    /** Share of a request's output the stack reserves KV for at admission (1 = TensorRT-LLM's no-eviction policy). */
    public double reservedOutputFraction() {
        return reservedOutputFraction;
    }

    public ServingStack servingStack() {
        return layout.deployment.servingStack();
    }

    public int gpusPerReplica() {
        return layout.gpus;
    }
}
