package io.inferplan.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPresetsTest {
    private final ModelPresets presets = ModelPresets.bundled();

    @Test
    void bundlesEveryModelTheIssueNames() {
        List<String> required = List.of("Llama-2-70B", "Llama-3.1-8B", "Llama-3.1-70B", "Llama-3.3-70B", "Llama-3.1-405B",
                "Mixtral-8x7B", "Mixtral-8x22B", "Qwen3-235B-A22B", "Qwen3-32B", "DeepSeek-V3", "DeepSeek-R1",
                "Llama-4-Maverick-17B-128E", "gpt-oss-120b", "Gemma-3-27B");
        for (String id : required) {
            ModelSpec model = presets.require("model", id);
            assertTrue(model.source().contains("config.json"), id + " must cite its published config");
        }
    }

    @Test
    void findsModelsCaseInsensitivelyAndByHubName() {
        assertEquals("Llama-3.1-70B", presets.find("llama-3.1-70b").orElseThrow().id());
        assertEquals("Llama-3.1-70B", presets.find("meta-llama/Llama-3.1-70B-Instruct").orElseThrow().id());
        assertEquals("DeepSeek-R1", presets.find("deepseek-ai/DeepSeek-R1").orElseThrow().id());
    }

    @Test
    void unknownModelNamesTheFieldAndListsKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> presets.require("model", "GPT-9"));
        assertEquals("model", e.field());
        assertTrue(e.getMessage().contains("Llama-3.1-8B"));
    }

    @Test
    void kvCachePerTokenMatchesHandCalculation() {
        // Llama-3.1-70B: 80 layers x 2 (K,V) x 8 KV heads x 128 dims x 1 byte (FP8) = 163,840 bytes per token.
        ModelSpec llama70 = presets.require("model", "Llama-3.1-70B");
        assertEquals(163_840, llama70.kvBytesPerSequence(1, Precision.FP8), 1e-9);
        // DeepSeek-V3 (MLA): 61 layers x (512 latent + 64 rope) x 2 bytes (BF16) = 70,272 bytes per token.
        ModelSpec deepseek = presets.require("model", "DeepSeek-V3");
        assertEquals(70_272, deepseek.kvBytesPerSequence(1, Precision.BF16), 1e-9);
        // gpt-oss-120b: 18 full layers grow with context, 18 sliding layers stop at 128 tokens.
        ModelSpec gptOss = presets.require("model", "gpt-oss-120b");
        double perTokenPerLayer = 2.0 * 8 * 64 * 2;
        assertEquals((18 * 10_000 + 18 * 128) * perTokenPerLayer, gptOss.kvBytesPerSequence(10_000, Precision.BF16), 1e-6);
    }

    @Test
    void moeParameterCountsAreConsistentWithActiveParameters() {
        for (ModelSpec model : presets.all()) {
            if (!model.isMoe()) {
                continue;
            }
            MoeSpec moe = model.moe();
            double activeFromLayout = model.alwaysActiveParameters() + (double) moe.expertsPerToken() * moe.parametersPerExpert() * moe.moeLayers();
            assertEquals(model.activeParameters(), activeFromLayout, model.activeParameters() * 0.12,
                    model.id() + ": always-active + top-k experts should add up to the published active parameters");
        }
    }

    @Test
    void expertsTouchedFollowsTheBallsInBinsExpectation() {
        MoeSpec moe = new MoeSpec(256, 8, 1, 44_040_192L, 58);
        assertEquals(8, moe.expectedExpertsTouched(1), 1e-9);
        assertEquals(256 * (1 - Math.pow(1 - 8.0 / 256, 64)), moe.expectedExpertsTouched(64), 1e-9);
        assertTrue(moe.expectedExpertsTouched(4096) > 255.99);
    }

    @Test
    void userModelJsonRejectsUnknownFieldsAndBadValuesNamingTheField() {
        String good = """
                {"id": "my-7b", "totalParameters": 7000000000, "activeParameters": 7000000000, "layers": 32, "hiddenSize": 4096,
                 "attentionHeads": 32, "kvHeads": 8, "headDim": 128, "ffnSize": 14336, "vocabSize": 32000, "attention": "GQA"}""";
        assertEquals(32, ModelPresets.readUserModel(good).layers());

        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> ModelPresets.readUserModel(good.replace("\"layers\"", "\"layer\"")));
        assertTrue(unknown.getMessage().startsWith("model.layer"), unknown.getMessage());

        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> ModelPresets.readUserModel(good.replace("\"kvHeads\": 8", "\"kvHeads\": 64")));
        assertEquals("model.kvHeads", negative.field());
        assertTrue(negative.getMessage().contains("from 1 to 32"), negative.getMessage());
    }

    @Test
    void precisionParsesCommonSpellings() {
        assertEquals(Precision.FP4, Precision.parse("p", "NVFP4"));
        assertEquals(Precision.FP4, Precision.parse("p", "mxfp4"));
        assertEquals(Precision.BF16, Precision.parse("p", "bfloat16"));
        assertEquals(Precision.INT4, Precision.parse("p", "w4a16"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Precision.parse("weight_precision", "fp6"));
        assertTrue(e.getMessage().startsWith("weight_precision: unknown precision 'fp6'"));
    }
}
