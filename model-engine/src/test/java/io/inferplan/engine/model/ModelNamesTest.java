package io.inferplan.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Model names as Hugging Face, serving stacks and benchmark tables write them. */
class ModelNamesTest {
    private final ModelPresets presets = ModelPresets.bundled();

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            // published names and repo ids, no precision
            "Kimi-K2.5, Kimi-K2.5, ''",
            "moonshotai/Kimi-K2.5, Kimi-K2.5, ''",
            "GLM-5, GLM-5, ''",
            "zai-org/GLM-5, GLM-5, ''",
            "MiniMax-M2.5, MiniMax-M2.5, ''",
            "MiniMaxAI/MiniMax-M2.5, MiniMax-M2.5, ''",
            "Qwen3.5-397B-A17B, Qwen3.5-397B-A17B, ''",
            "Qwen/Qwen3.5-397B-A17B, Qwen3.5-397B-A17B, ''",
            "gpt-oss-20b, gpt-oss-20b, ''",
            "openai/gpt-oss-20b, gpt-oss-20b, ''",
            "DeepSeek-V3.2, DeepSeek-V3.2, ''",
            "deepseek-ai/DeepSeek-V3.2, DeepSeek-V3.2, ''",
            "deepseek-ai/DeepSeek-V3.2-Exp, DeepSeek-V3.2, ''",
            "meta-llama/Llama-3.1-8B-Instruct, Llama-3.1-8B, ''",
            "Llama 3.1 8B Instruct, Llama-3.1-8B, ''",
            "google/gemma-3-27b-it, Gemma-3-27B, ''",
            // precision suffixes read as the same architecture with that weight precision
            "Qwen/Qwen3-235B-A22B-FP8, Qwen3-235B-A22B, fp8",
            "Qwen/Qwen3-235B-A22B-Instruct-2507-FP8, Qwen3-235B-A22B, fp8",
            "nvidia/DeepSeek-R1-NVFP4, DeepSeek-R1, fp4",
            "nvidia/DeepSeek-R1-0528-FP4, DeepSeek-R1, fp4",
            "nvidia/DeepSeek-V3.1-NVFP4, DeepSeek-V3, fp4",
            "nvidia/Qwen3-32B-NVFP4, Qwen3-32B, fp4",
            "nvidia/Llama-3.1-8B-Instruct-FP8, Llama-3.1-8B, fp8",
            "RedHatAI/Meta-Llama-3.1-8B-Instruct-FP8-dynamic, , ''",
            "RedHatAI/Llama-3.1-8B-Instruct-FP8-Dynamic, Llama-3.1-8B, fp8",
            "Qwen/Qwen3-32B-AWQ, Qwen3-32B, int4",
            "Qwen/Qwen3-32B-GPTQ-Int4, Qwen3-32B, int4",
            "Qwen/Qwen3-32B-GPTQ-Int8, Qwen3-32B, int8",
            "RedHatAI/Llama-3.3-70B-Instruct-quantized.w4a16, Llama-3.3-70B, int4",
            "unsloth/Llama-3.3-70B-Instruct-BF16, Llama-3.3-70B, bf16",
            "openai/gpt-oss-120b-MXFP4, gpt-oss-120b, fp4",
            "zai-org/GLM-5-FP8, GLM-5, fp8",
            "MiniMaxAI/MiniMax-M2.5-FP8, MiniMax-M2.5, fp8",
            "nvidia/Kimi-K2.5-NVFP4, Kimi-K2.5, fp4",
            "Qwen/Qwen3.5-397B-A17B-FP8, Qwen3.5-397B-A17B, fp8",
    })
    void resolvesPublishedNamesAndHubIdsWithTheirSuffixes(String name, String expectedId, String expectedPrecision) {
        Optional<ResolvedModel> resolved = presets.resolve(name);
        if (expectedId == null) {
            // "Meta-Llama-3.1-8B" is not a name any preset carries: the resolver drops only suffixes, never guesses.
            assertTrue(resolved.isEmpty(), name + " resolved to " + resolved);
            return;
        }
        assertEquals(expectedId, resolved.orElseThrow(() -> new AssertionError(name + " did not resolve")).model().id());
        assertEquals(expectedPrecision, resolved.get().impliedWeightPrecision().map(Precision::id).orElse(""), name);
        assertEquals(expectedPrecision.isEmpty(), resolved.get().precisionSuffix().isEmpty(), name);
    }

    @Test
    void theSuffixIsKeptAsWrittenForTheOutput() {
        assertEquals("FP8-Dynamic", presets.resolve("RedHatAI/Llama-3.1-8B-Instruct-FP8-Dynamic").orElseThrow().precisionSuffix());
        assertEquals("GPTQ-Int4", presets.resolve("Qwen/Qwen3-32B-GPTQ-Int4").orElseThrow().precisionSuffix());
        assertEquals("NVFP4", presets.resolve("nvidia/DeepSeek-R1-NVFP4").orElseThrow().precisionSuffix());
    }

    @Test
    void onlyKnownTagsAreDroppedSoADifferentModelIsNotGuessed() {
        // "-Coder" is not a variant tag: Qwen3-32B-Coder is not Qwen3-32B.
        assertTrue(presets.resolve("Qwen/Qwen3-32B-Coder").isEmpty());
        // A qualifier alone is not a precision: "Dynamic" only goes together with the tag it qualifies.
        assertTrue(presets.resolve("Qwen3-32B-Dynamic").isEmpty());
        assertTrue(presets.resolve("").isEmpty());
        assertTrue(presets.resolve(null).isEmpty());
    }

    @Test
    void unknownModelSuggestsTheClosestPresetsFirst() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> presets.requireResolved("model", "Kimi-K2.6"));
        assertEquals("model", e.field());
        assertTrue(e.getMessage().contains("did you mean Kimi-K2.5"), e.getMessage());
        assertTrue(e.getMessage().contains("known models:"), e.getMessage());
    }

    @Test
    void newPresetsCiteTheirPublishedConfig() {
        for (String id : java.util.List.of("Kimi-K2.5", "GLM-5", "MiniMax-M2.5", "Qwen3.5-397B-A17B", "gpt-oss-20b", "DeepSeek-V3.2")) {
            ModelSpec model = presets.require("model", id);
            assertTrue(model.source().startsWith("huggingface.co/") && model.source().contains("config.json"), id);
        }
    }

    @Test
    void sparseAttentionHoldsTheWholeContextButReadsOnlyItsTopTokens() {
        ModelSpec v32 = presets.require("model", "DeepSeek-V3.2");
        ModelSpec v3 = presets.require("model", "DeepSeek-V3");
        // Held: the V3 latent (512 + 64) plus the indexer key (128) per token and layer.
        assertEquals(61 * (576 + 128) * 100_000.0, v32.kvBytesPerSequence(100_000, Precision.FP8), 1e-6);
        // Read per step: 2,048 latents per layer, every indexer key.
        assertEquals(61 * (576 * 2048.0 + 128 * 100_000.0), v32.kvBytesReadPerStep(100_000, Precision.FP8), 1e-6);
        // Below the top-k cap sparse attention reads what dense attention reads, plus the indexer keys.
        assertEquals(v3.kvBytesReadPerStep(1000, Precision.FP8) + 61 * 128 * 1000.0, v32.kvBytesReadPerStep(1000, Precision.FP8), 1e-6);
        assertTrue(v32.attentionFlopsPerToken(100_000) < v3.attentionFlopsPerToken(100_000) / 3);
    }

    @Test
    void linearAttentionLayersHoldAFixedStateInsteadOfAGrowingCache() {
        ModelSpec qwen = presets.require("model", "Qwen3.5-397B-A17B");
        assertEquals(15, qwen.fullAttentionLayers());
        double state = 45 * 1_085_440 * 4.0;
        assertEquals(state, qwen.linearStateBytesPerSequence(), 1e-6);
        // 15 full layers x K and V x 2 KV heads x 256 dims x 1 byte (FP8), plus the state whatever the context.
        assertEquals(15 * 2 * 2 * 256 * 8192.0 + state, qwen.kvBytesPerSequence(8192, Precision.FP8), 1e-6);
        assertEquals(qwen.kvBytesPerSequence(2, Precision.FP8) - qwen.kvBytesPerSequence(1, Precision.FP8), 15 * 2 * 2 * 256.0, 1e-6);
        // The state is read and written back every step.
        assertEquals(15 * 2 * 2 * 256 * 8192.0 + 2 * state, qwen.kvBytesReadPerStep(8192, Precision.FP8), 1e-6);
    }

    @Test
    void jsonWithoutTheNewFieldsReadsAsBefore() {
        String json = """
                {"id": "my-7b", "totalParameters": 7000000000, "activeParameters": 7000000000, "layers": 32, "hiddenSize": 4096,
                 "attentionHeads": 32, "kvHeads": 8, "headDim": 128, "ffnSize": 14336, "vocabSize": 32000, "attention": "GQA"}""";
        ModelSpec model = ModelPresets.readUserModel(json);
        assertEquals(0, model.linearAttentionLayers());
        assertEquals(0, model.sparseAttentionTopTokens());
        assertEquals(model.kvBytesPerSequence(1000, Precision.BF16), model.kvBytesReadPerStep(1000, Precision.BF16), 1e-9);
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> ModelPresets.readUserModel(
                json.replace("\"attention\": \"GQA\"", "\"attention\": \"GQA\", \"sparseAttentionTopTokens\": 2048")));
        assertEquals("model.indexerHeads", bad.field());
        InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> ModelPresets.readUserModel(
                json.replace("\"attention\": \"GQA\"", "\"attention\": \"GQA\", \"linearAttentionLayers\": 40, \"linearStateValuesPerLayer\": 10")));
        assertEquals("model.linearAttentionLayers", tooMany.field());
        InvalidInputException noState = assertThrows(InvalidInputException.class, () -> ModelPresets.readUserModel(
                json.replace("\"attention\": \"GQA\"", "\"attention\": \"GQA\", \"linearAttentionLayers\": 24")));
        assertEquals("model.linearStateValuesPerLayer", noState.field());
    }
}
