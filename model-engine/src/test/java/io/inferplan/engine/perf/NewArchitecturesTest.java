package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The presets with sparse or linear attention estimate, and those parts move the figures the way they should. */
class NewArchitecturesTest {
    private final ModelPresets presets = ModelPresets.bundled();
    private final PerformanceModel model = PerformanceModel.standard();

    @ParameterizedTest(name = "{0} on {1} x {2}")
    @CsvSource({
            "Kimi-K2.5, 8, mi300x, latent attention and fine-grained MoE",
            "GLM-5, 8, mi300x, sparse attention",
            "MiniMax-M2.5, 4, mi300x, fine-grained MoE",
            "Qwen3.5-397B-A17B, 8, mi300x, linear-attention layers",
            "gpt-oss-20b, 1, h100, fine-grained MoE",
            "DeepSeek-V3.2, 8, mi300x, sparse attention",
    })
    void everyNewPresetEstimatesAndItsBandNamesWhatNoMeasurementCovers(String id, int gpus, String accelerator, String uncovered) {
        AcceleratorSpec spec = accelerator.equals("h100") ? TestAccelerators.h100() : TestAccelerators.mi300x();
        ModelSpec preset = presets.require("model", id);
        PerformanceEstimate e = model.estimate(preset, Deployment.of(spec, gpus, Precision.FP8, Precision.FP8, ServingStack.VLLM),
                RequestShape.of(2000, 1000), new ServingTarget.Offline());
        assertTrue(e.outputTokensPerSecond() > 0, id);
        assertTrue(e.errorBand().basis().contains(uncovered), e.errorBand().basis());
    }

    @Test
    void sparseAttentionMakesLongContextDecodeCheaperThanDenseAttention() {
        ModelSpec sparse = presets.require("model", "DeepSeek-V3.2");
        ModelSpec dense = withoutSparseAttention(sparse);
        Deployment deployment = new Deployment(TestAccelerators.mi300x(), 8, 8, 1, 1, Precision.FP8, Precision.FP8, null,
                ServingStack.VLLM, 0, null, AttentionParallelism.TENSOR);
        RequestShape longContext = RequestShape.of(100_000, 1000);
        ServingTarget batch = new ServingTarget.FixedBatch(16);
        double sparseStep = model.estimate(sparse, deployment, longContext, batch).decodeStepSeconds();
        double denseStep = model.estimate(dense, deployment, longContext, batch).decodeStepSeconds();
        // The step also carries the fixed per-step, per-layer and collective costs, which sparse attention does not cut.
        assertTrue(sparseStep < 0.85 * denseStep, sparseStep + " vs " + denseStep);
        // At a short context the top-k cap does not bite: the indexer only adds a little.
        RequestShape shortContext = RequestShape.of(500, 500);
        double sparseShort = model.estimate(sparse, deployment, shortContext, batch).decodeStepSeconds();
        double denseShort = model.estimate(dense, deployment, shortContext, batch).decodeStepSeconds();
        assertTrue(sparseShort >= denseShort && sparseShort < 1.1 * denseShort, sparseShort + " vs " + denseShort);
    }

    @Test
    void linearAttentionStateIsSplitAcrossTensorParallelRanks() {
        ModelSpec qwen = presets.require("model", "Qwen3.5-397B-A17B");
        Deployment tp8 = new Deployment(TestAccelerators.mi300x(), 8, 8, 1, 1, Precision.FP8, Precision.FP8, null, ServingStack.VLLM, 0,
                null, AttentionParallelism.TENSOR);
        ReplicaLayout layout = new ReplicaLayout(qwen, tp8, model.efficiencies().resolve(tp8.accelerator().family(), tp8.servingStack()).profile());
        double state = qwen.linearStateBytesPerSequence();
        double cache = qwen.kvBytesPerSequence(10_000, Precision.FP8) - state;
        // Two KV heads cannot be split eight ways (each rank keeps one of the two); the 64 state heads can.
        assertTrue(Math.abs(layout.kvBytesPerGpu(10_000) - (cache / 2 + state / 8)) < 1, layout.kvBytesPerGpu(10_000) + "");
    }

    private static ModelSpec withoutSparseAttention(ModelSpec m) {
        return new ModelSpec(m.id() + "-dense", m.name(), m.totalParameters(), m.activeParameters(), m.layers(), m.hiddenSize(),
                m.attentionHeads(), m.kvHeads(), m.headDim(), m.ffnSize(), m.vocabSize(), m.attention(), m.kvLatentDim(),
                m.ropeHeadDim(), m.slidingWindowTokens(), m.slidingWindowLayers(), m.moe(), m.aliases(), m.source());
    }
}
