package io.inferplan.engine.perf;

import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.AttentionKind;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;

/**
 * What one GPU of a replica holds and moves: the per-GPU share of weights, KV cache and FLOPs, and the
 * rates it runs at. Derived once per estimate so the batch searches stay cheap.
 */
final class ReplicaLayout {
    /** Link used between GPUs that share no scale-up domain: PCIe Gen4/5 x16, one direction, achievable. */
    static final double PCIE_BYTES_PER_SECOND = 25e9;
    /**
     * A collective that leaves the scale-up domain (PCIe through the host, or the scale-out network) pays several
     * times the NVLink latency: no one-shot kernels over peer memory, a proxy thread and a NIC in the path.
     */
    static final double OFF_DOMAIN_LATENCY_MULTIPLIER = 3.0;
    /**
     * Per-GPU scale-out bandwidth between NVLink domains, one direction, achievable: one 400 Gb/s NIC per GPU as in
     * HGX H100/H200/B200 reference designs (ConnectX-7), about 45 GB/s of its 50. Parts with a smaller domain
     * (NVLink-bridged PCIe cards) cross between domains over PCIe instead.
     */
    static final double SCALE_OUT_BYTES_PER_SECOND = 45e9;
    /** Share of a NIC's line rate the collectives reach: the 45 of 50 GB/s above. */
    static final double SCALE_OUT_EFFICIENCY = 0.9;
    /** Weights and activations exchanged in collectives travel as 16-bit values. */
    static final double COLLECTIVE_BYTES_PER_VALUE = 2.0;
    static final double RUNTIME_RESERVE_BYTES = 2.0 * (1L << 30);
    /** Largest share of a small device's memory the runtime reserve takes (a 4 GB GPU does not give 2 GiB to it). */
    static final double RUNTIME_RESERVE_MAX_SHARE = 0.25;
    /** Tokens the activation workspace is sized for (a typical max_num_tokens). */
    static final double ACTIVATION_WORKSPACE_TOKENS = 8192;

    /**
     * Memory the runtime keeps for itself (context, kernels, library workspaces): 2 GiB on data-centre parts, but at most
     * a quarter of a small device's memory, whose runtime and libraries are scaled down with it.
     */
    static double runtimeReserveBytes(double memoryBytes) {
        return Math.min(RUNTIME_RESERVE_BYTES, RUNTIME_RESERVE_MAX_SHARE * memoryBytes);
    }

    final ModelSpec model;
    final Deployment deployment;
    final EfficiencyProfile efficiency;
    final int gpus;
    final int tensorParallel;
    final int pipelineParallel;
    final int layersPerStage;

    final boolean dataParallelAttention;
    final double weightBytesPerGpu;
    final double alwaysActiveWeightBytesPerGpu;
    final double expertWeightBytesPerGpuPerExpert;
    final double kvShareOnGpu;
    /** Linear-attention state is split by its value heads (dozens), unlike a GQA cache with a few KV heads. */
    final double linearStateShareOnGpu;

    final double decodeFlopsPerSecond;
    final double prefillFlopsPerSecond;
    /**
     * Attention's math never runs narrower than its KV cache: FP4 weights with an FP8 cache attend in FP8, at half
     * the FP4 matrix rate; the serving stacks have no FP4 attention kernels.
     */
    final double decodeAttentionFlopsPerSecond;
    final double prefillAttentionFlopsPerSecond;
    final double memoryBytesPerSecond;
    /** What decode attention reaches reading the KV cache. */
    final double kvBytesPerSecond;
    final double linkBytesPerSecond;
    /** GPUs that share the fast link (1 where there is none: PCIe cards). */
    final int domainSize;
    final boolean nvlink;
    /** Between NVLink domains: the NICs of a multi-node system, or PCIe between bridged pairs in one server. */
    final double interDomainBytesPerSecond;
    final double collectiveLatencySeconds;
    final double prefillTokenBudget;
    /** Tokens each sequence emits per decode iteration: 1, more with speculative decoding. */
    final double tokensPerStep;

    ReplicaLayout(ModelSpec model, Deployment deployment, EfficiencyProfile efficiency) {
        this.model = model;
        this.deployment = deployment;
        this.efficiency = efficiency;
        AcceleratorSpec accelerator = deployment.accelerator();
        this.gpus = deployment.gpusPerReplica();
        this.tensorParallel = deployment.tensorParallel();
        this.pipelineParallel = deployment.pipelineParallel();
        this.layersPerStage = Math.max(1, (int) Math.ceil((double) model.layers() / pipelineParallel));

        double weightBytesPerParameter = deployment.weightPrecision().bytesPerValue();
        this.dataParallelAttention = deployment.attentionParallelism() == AttentionParallelism.DATA && gpus > 1;
        // Data-parallel attention replicates everything but the routed experts on every GPU.
        double alwaysActiveShare = dataParallelAttention ? 1.0 : 1.0 / gpus;
        this.alwaysActiveWeightBytesPerGpu = model.alwaysActiveParameters() * weightBytesPerParameter * alwaysActiveShare;
        this.expertWeightBytesPerGpuPerExpert = model.isMoe()
                ? (double) model.moe().parametersPerExpert() * model.moe().moeLayers() * weightBytesPerParameter / gpus
                : 0;
        this.weightBytesPerGpu = alwaysActiveWeightBytesPerGpu
                + (model.isMoe() ? model.moe().routedExperts() * expertWeightBytesPerGpuPerExpert : 0);
        // Data-parallel attention keeps each sequence's whole KV cache on one GPU: on average 1/gpus of every sequence.
        this.kvShareOnGpu = dataParallelAttention ? 1.0 / gpus : kvShare(model, tensorParallel) / pipelineParallel;
        this.linearStateShareOnGpu = dataParallelAttention ? 1.0 / gpus : 1.0 / tensorParallel / pipelineParallel;

        Precision math = mathPrecision(deployment);
        double peak = accelerator.sustainedFlopsPerSecondFor(math);
        double lowPrecisionPenalty = (math == Precision.FP4 || math == Precision.INT4) && accelerator.supports(math)
                ? efficiency.lowPrecisionComputePenalty() : 1.0;
        // Weights narrower than the math (FP4 on Hopper) are dequantized inside the kernels: less matrix throughput.
        if (deployment.weightPrecision().nominalBits() < math.nominalBits()) {
            lowPrecisionPenalty *= WeightOnlyQuantization.COMPUTE_FACTOR;
        }
        this.decodeFlopsPerSecond = peak * efficiency.decodeComputeEfficiency() * lowPrecisionPenalty;
        this.prefillFlopsPerSecond = peak * efficiency.prefillComputeEfficiency() * lowPrecisionPenalty;
        Precision attentionMath = attentionMathPrecision(deployment, math);
        double attentionPeak = accelerator.sustainedFlopsPerSecondFor(attentionMath);
        double attentionPenalty = attentionMath == math ? lowPrecisionPenalty : 1.0;
        this.decodeAttentionFlopsPerSecond = attentionPeak * efficiency.decodeComputeEfficiency() * attentionPenalty;
        this.prefillAttentionFlopsPerSecond = attentionPeak * efficiency.prefillComputeEfficiency() * attentionPenalty;
        double bandwidthEfficiency = accelerator.measured()
                // A measured bandwidth is already what a streaming kernel reaches (about 90% of a datasheet peak).
                ? Math.min(1.0, efficiency.memoryBandwidthEfficiency() / 0.9)
                : efficiency.memoryBandwidthEfficiency();
        this.memoryBytesPerSecond = accelerator.memoryBandwidthBytesPerSecond() * bandwidthEfficiency;
        this.kvBytesPerSecond = accelerator.memoryBandwidthBytesPerSecond() * (accelerator.measured()
                ? Math.min(1.0, efficiency.kvBandwidthEfficiency() / 0.9) : efficiency.kvBandwidthEfficiency());
        this.nvlink = accelerator.scaleUpBandwidthBytesPerSecond() > 0;
        this.domainSize = nvlink ? Math.max(1, accelerator.scaleUpDomainSize()) : 1;
        this.interDomainBytesPerSecond = (domainSize >= 8 ? scaleOutBytesPerSecond(accelerator) : PCIE_BYTES_PER_SECOND)
                * efficiency.collectiveEfficiency();
        this.linkBytesPerSecond = (nvlink ? accelerator.scaleUpBandwidthBytesPerSecond() : PCIE_BYTES_PER_SECOND)
                * efficiency.collectiveEfficiency();
        this.tokensPerStep = deployment.speculative() == null ? 1 : deployment.speculative().tokensPerStep();
        this.prefillTokenBudget = efficiency.prefillTokenBudget() > 0 ? efficiency.prefillTokenBudget()
                : SchedulerDefaults.prefillTokenBudget(deployment.servingStack(), accelerator);
        this.collectiveLatencySeconds = efficiency.collectiveLatencySeconds() * (nvlink ? 1.0 : OFF_DOMAIN_LATENCY_MULTIPLIER);
    }

    /**
     * What one GPU's share of the scale-out network carries between NVLink domains: the part's stated NICs (800 Gb/s
     * ConnectX-8 on B300) at the share collectives reach, else one 400 Gb/s NIC per GPU as on HGX H100/H200/B200.
     */
    static double scaleOutBytesPerSecond(AcceleratorSpec accelerator) {
        return accelerator.scaleOutBandwidthBytesPerSecond() > 0
                ? accelerator.scaleOutBandwidthBytesPerSecond() * SCALE_OUT_EFFICIENCY : SCALE_OUT_BYTES_PER_SECOND;
    }

    /**
     * The format matrix math runs in: the wider of weights and activations (weight-only INT4 computes in
     * 16 bits), and what the hardware supports natively.
     */
    static Precision mathPrecision(Deployment deployment) {
        Precision weights = deployment.weightPrecision();
        Precision activations = deployment.activationPrecision();
        Precision wider = activations.bytesPerValue() > weights.bytesPerValue() ? activations : weights;
        return deployment.accelerator().effectiveComputePrecision(wider);
    }

    /** The format attention's math runs in: the matrix math's, or the KV cache's where that is wider. */
    static Precision attentionMathPrecision(Deployment deployment, Precision math) {
        Precision kv = deployment.accelerator().effectiveComputePrecision(deployment.kvPrecision());
        return kv.nominalBits() > math.nominalBits() ? kv : math;
    }

    /** Share of one sequence's KV cache a tensor-parallel rank holds (KV heads are split, never below one head). */
    static double kvShare(ModelSpec model, int tensorParallel) {
        if (model.attention() == AttentionKind.MLA) {
            return 1.0; // the latent is not split across heads: every rank keeps all of it
        }
        int headsPerRank = (int) Math.ceil((double) model.kvHeads() / tensorParallel);
        return (double) headsPerRank / model.kvHeads();
    }

    /** KV bytes one sequence keeps on each GPU at this context length. */
    double kvBytesPerGpu(double contextTokens) {
        double state = model.linearStateBytesPerSequence();
        return (model.kvBytesPerSequence(contextTokens, deployment.kvPrecision()) - state) * kvShareOnGpu
                + state * linearStateShareOnGpu;
    }

    /** KV bytes one decode step reads per sequence on each GPU (sparse attention reads fewer than it holds). */
    double kvBytesReadPerGpu(double contextTokens) {
        double stateTraffic = 2 * model.linearStateBytesPerSequence();
        return (model.kvBytesReadPerStep(contextTokens, deployment.kvPrecision()) - stateTraffic) * kvShareOnGpu
                + stateTraffic * linearStateShareOnGpu;
    }

    double activationBytesPerGpu() {
        return ACTIVATION_WORKSPACE_TOKENS * model.hiddenSize() * COLLECTIVE_BYTES_PER_VALUE * 12.0 / tensorParallel;
    }

    /** Weight bytes one GPU reads in a step processing {@code tokens} tokens: MoE reads only the experts touched. */
    double weightBytesReadPerGpu(double tokens) {
        if (!model.isMoe()) {
            return weightBytesPerGpu;
        }
        return alwaysActiveWeightBytesPerGpu + model.moe().expectedExpertsTouched(tokens) * expertWeightBytesPerGpuPerExpert;
    }

    /**
     * Matrix-product (GEMM) FLOPs one GPU does to decode {@code tokens} tokens: the kernels that stream the weights.
     * The embedding table is a lookup, not a matrix product, so its parameters cost no FLOPs; the output head does.
     */
    double matrixFlopsPerGpu(double tokens) {
        return tokens * 2.0 * (model.activeParameters() - vocabularyMatrixParameters()) / gpus;
    }

    /** Attention FLOPs one GPU does for {@code tokens} tokens attending to {@code contextTokens}: the KV-reading kernels. */
    double attentionFlopsPerGpu(double tokens, double contextTokens) {
        return tokens * model.attentionFlopsPerToken(contextTokens) / gpus;
    }

    /**
     * Matrix-product FLOPs one GPU does to prefill {@code tokens} prompt tokens: as decode, but the output head runs
     * only for the last token of a prompt (vLLM, SGLang and TensorRT-LLM compute no context logits by default), which
     * for large-vocabulary models (gpt-oss: 0.6 B of 5.1 B active parameters) is a sizeable share.
     */
    double prefillMatrixFlopsPerGpu(double tokens) {
        return tokens * 2.0 * (model.activeParameters() - 2 * vocabularyMatrixParameters()) / gpus;
    }

    /** Attention FLOPs one GPU does to prefill {@code tokens} prompt tokens attending to {@code contextTokens}. */
    double prefillAttentionFlopsPerGpu(double tokens, double contextTokens) {
        return tokens * model.prefillAttentionFlopsPerToken(contextTokens) / gpus;
    }

    /**
     * Seconds one GPU spends on the matrix and attention work of prefilling {@code tokens} prompt tokens at the prefill
     * efficiency. A MoE layer's routed experts run as grouped GEMMs, one per expert over the tokens routed to it: m of
     * them in a chunk (chunk x top-k / experts, the chunk at most the stack's prefill budget) against the expert's
     * parameters on this GPU (all of them with expert parallelism, a 1/tensor-parallel slice without). A GEMM of
     * w = 2 x m x those parameters FLOPs fills the GPU poorly when small, reaching w / (w + {@code expertGemmHalfGflops})
     * of the dense efficiency: Mixtral's 176 M-parameter experts at 2048 tokens each run near it, DeepSeek's 44 M ones
     * at 256 tokens (or split eight ways) well below.
     */
    double prefillComputeSeconds(double tokens, double contextTokens) {
        double seconds = prefillMatrixFlopsPerGpu(tokens) / prefillFlopsPerSecond
                + prefillAttentionFlopsPerGpu(tokens, contextTokens) / prefillAttentionFlopsPerSecond;
        double halfFlops = efficiency.expertGemmHalfGflops() * 1e9;
        if (!model.isMoe() || halfFlops <= 0 || tokens <= 0) {
            return seconds;
        }
        var moe = model.moe();
        double tokensPerExpert = Math.min(tokens, prefillTokenBudget) * moe.expertsPerToken() / moe.routedExperts();
        int expertParallel = dataParallelAttention ? gpus : deployment.expertParallel();
        double sliceParameters = moe.parametersPerExpert() * Math.min(1.0, (double) expertParallel / gpus);
        double gemmFlops = 2.0 * tokensPerExpert * sliceParameters;
        double expertFlops = tokens * 2.0 * moe.expertsPerToken() * moe.parametersPerExpert() * moe.moeLayers() / gpus;
        return seconds + expertFlops / prefillFlopsPerSecond * halfFlops / gemmFlops;
    }

    /** Parameters of one vocabulary x hidden matrix (the embedding table; an untied output head is another). */
    private double vocabularyMatrixParameters() {
        // Capped so a small model with tied embeddings never loses more than a quarter of its matrix work per matrix.
        return Math.min((double) model.vocabSize() * model.hiddenSize(), 0.25 * model.activeParameters());
    }

    /** Tensor-parallel all-reduces (two per layer) and expert all-to-alls (two per MoE layer) for {@code tokens}. */
    double communicationSeconds(double tokens) {
        double seconds = 0;
        // With data-parallel attention each GPU holds and sends only its own sequences' activations.
        double tokensOnGpu = dataParallelAttention ? tokens / gpus : tokens;
        double messageBytes = tokensOnGpu * model.hiddenSize() * COLLECTIVE_BYTES_PER_VALUE;
        if (tensorParallel > 1 && !dataParallelAttention) {
            seconds += 2.0 * layersPerStage * allReduceSeconds(messageBytes, tensorParallel);
        }
        // With tensor-parallel attention every rank already holds every token: an expert-parallel MoE layer runs its
        // local experts on the tokens routed to them and the layer's all-reduce (counted above) combines the
        // results, as TensorRT-LLM, vLLM and SGLang do without attention data parallelism. Only data-parallel
        // attention, where each GPU holds its own tokens, dispatches and combines them all-to-all.
        if (model.isMoe() && dataParallelAttention) {
            // The routed experts are spread over every GPU of the replica.
            double moeLayersPerStage = (double) model.moe().moeLayers() / pipelineParallel;
            double sent = messageBytes * model.moe().expertsPerToken() * (gpus - 1) / gpus;
            seconds += 2.0 * moeLayersPerStage * allToAllSeconds(sent, gpus);
        }
        return seconds;
    }

    /**
     * One all-reduce of {@code bytes} over {@code ranks} GPUs. Within an NVLink domain: a one-shot or ring kernel.
     * Across domains NCCL goes hierarchical: reduce-scatter inside each domain, all-reduce of a 1/domain share over
     * the scale-out NICs, all-gather inside again. PCIe cards have no fast domain: a ring through the host.
     */
    double allReduceSeconds(double bytes, int ranks) {
        if (!nvlink) {
            return collectiveLatencySeconds + 2.0 * (ranks - 1) / ranks * bytes / linkBytesPerSecond;
        }
        int inside = Math.min(ranks, domainSize);
        double seconds = collectiveLatencySeconds + 2.0 * (inside - 1) / inside * bytes / linkBytesPerSecond;
        if (ranks > domainSize) {
            int domains = (int) Math.ceil((double) ranks / domainSize);
            seconds += OFF_DOMAIN_LATENCY_MULTIPLIER * collectiveLatencySeconds
                    + 2.0 * (domains - 1) / domains * (bytes / inside) / interDomainBytesPerSecond;
        }
        return seconds;
    }

    /** One expert-parallel dispatch or combine sending {@code sentBytes} from each GPU; the share leaving the domain goes over the NICs. */
    double allToAllSeconds(double sentBytes, int ranks) {
        double seconds = efficiency.allToAllLatencySeconds();
        if (ranks <= domainSize) {
            return seconds + sentBytes / linkBytesPerSecond;
        }
        double leaving = 1.0 - (double) domainSize / ranks;
        return seconds * OFF_DOMAIN_LATENCY_MULTIPLIER + sentBytes * (1 - leaving) / linkBytesPerSecond
                + sentBytes * leaving / interDomainBytesPerSecond;
    }

    /**
     * What an iteration that carries a prefill chunk pays on top of {@link #layerOverheadSeconds()} on one stage: its
     * kernels run outside the decode CUDA graphs, launched and dispatched layer by layer from the host.
     */
    double prefillChunkOverheadSeconds() {
        return efficiency.prefillLayerOverheadSeconds() * layersPerStage;
    }

    /**
     * The launch cost {@code tokens} prompt tokens carry across all stages as prefill work: a prompt shorter than the
     * budget shares its chunk's iteration with others (1024 tokens under an 8192-token budget: an eighth), a longer
     * one pays each of its chunks.
     */
    double prefillLaunchSeconds(double tokens) {
        double chunkShare = tokens <= prefillTokenBudget ? tokens / prefillTokenBudget : Math.ceil(tokens / prefillTokenBudget);
        return chunkShare * pipelineParallel * prefillChunkOverheadSeconds();
    }

    /** Fixed kernel-boundary costs of one stage per iteration: every layer, plus the MoE layers' routing kernels. */
    double layerOverheadSeconds() {
        double moeLayers = model.isMoe() ? (double) model.moe().moeLayers() / pipelineParallel : 0;
        return efficiency.layerOverheadSeconds() * layersPerStage + efficiency.expertLayerOverheadSeconds() * moeLayers;
    }
}
