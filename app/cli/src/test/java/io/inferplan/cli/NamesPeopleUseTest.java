package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.cli.calibration.CaseTable;
import io.inferplan.engine.JsonSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10, "Names people use": model and accelerator names from hubs, vendors and MLPerf estimate end to end. */
class NamesPeopleUseTest {
    // The estimate reads the user's catalog store: a fresh one, so no entry of the machine's user takes part.
    @RegisterExtension
    final PrivateDataDirectory data = new PrivateDataDirectory();

    @ParameterizedTest(name = "{0} on {2} x {1}")
    @CsvSource({
            "moonshotai/Kimi-K2.5, B200-SXM-180GB, 8, Kimi-K2.5, b200-180gb",
            "GLM-5, GB300-288GB, 8, GLM-5, gb300-nvl72",
            "MiniMax-M2.5, H200-NVL-141GB, 4, MiniMax-M2.5, h200-nvl-141gb",
            "Qwen3.5-397B-A17B, GH200-144GB, 4, Qwen3.5-397B-A17B, gh200-144gb",
            "gpt-oss-20b, H20, 1, gpt-oss-20b, h20-96gb",
            "DeepSeek-V3.2, B300-SXM-288GB, 8, DeepSeek-V3.2, b300-288gb",
            "Qwen/Qwen3-235B-A22B-FP8, GB200-186GB, 4, Qwen3-235B-A22B, gb200-nvl72",
            "meta-llama/Llama-3.3-70B-Instruct, NVIDIA H800 SXM5 80GB, 2, Llama-3.3-70B, h800-sxm-80gb",
    })
    void everyNameFromTheIssueEstimates(String modelName, String acceleratorName, int tp, String modelId, String acceleratorId)
            throws Exception {
        CliRun run = CliRun.of("estimate", "--model", modelName, "--accelerator", acceleratorName, "--tp", Integer.toString(tp), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = JsonSupport.mapper().readTree(run.out());
        assertEquals(modelId, root.get("configuration").get("model").asText());
        assertEquals(acceleratorId, root.get("configuration").get("accelerator").asText());
        assertTrue(root.get("estimate").get("outputTokensPerSecond").asDouble() > 0);
    }

    @Test
    void aPrecisionSuffixBecomesTheDefaultWeightPrecisionAndTheOutputSaysSo() throws Exception {
        CliRun text = CliRun.of("estimate", "--model", "nvidia/DeepSeek-R1-NVFP4", "--accelerator", "B200", "--tp", "8");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("fp4 weights, fp8 KV cache"), text.out());
        assertTrue(text.out().contains("fp4, from the model name's -NVFP4 suffix"), text.out());

        JsonNode json = JsonSupport.mapper().readTree(CliRun.of("estimate", "--model", "nvidia/DeepSeek-R1-NVFP4", "--accelerator",
                "B200", "--tp", "8", "--json").out()).get("configuration");
        assertEquals("fp4", json.get("weightPrecision").asText());
        assertEquals("model-name", json.get("weightPrecisionFrom").asText());
        assertEquals("NVFP4", json.get("modelNamePrecisionSuffix").asText());

        // The user's --weight-precision wins, and the text says it differs from what the name means.
        CliRun given = CliRun.of("estimate", "--model", "nvidia/DeepSeek-R1-NVFP4", "--accelerator", "B200", "--tp", "8",
                "--weight-precision", "fp8");
        assertTrue(given.out().contains("fp8 weights"), given.out());
        assertTrue(given.out().contains("fp8 as given; the model name's -NVFP4 suffix means fp4"), given.out());

        // A name without a suffix keeps the command's FP8 default and prints no extra line.
        CliRun plain = CliRun.of("estimate", "--model", "DeepSeek-R1", "--accelerator", "B200", "--tp", "8", "--json");
        JsonNode plainConfiguration = JsonSupport.mapper().readTree(plain.out()).get("configuration");
        assertEquals("fp8", plainConfiguration.get("weightPrecision").asText());
        assertEquals("default", plainConfiguration.get("weightPrecisionFrom").asText());
        assertFalse(plainConfiguration.has("modelNamePrecisionSuffix"));
        assertFalse(CliRun.of("estimate", "--model", "DeepSeek-R1", "--accelerator", "B200", "--tp", "8").out().contains("Weight precision"));
    }

    @Test
    void casesFileTakesThePrecisionFromTheModelNameAndSaysWhatEachRowWasReadAs() throws Exception {
        Path in = data.home().resolve("in.csv");
        Files.writeString(in, """
                case,model,accelerator,gpus,tensor_parallel,weight_precision,kv_precision,input_tokens,output_tokens,scenario
                a,Qwen/Qwen3-235B-A22B-FP8,H200-SXM-141GB,4,4,,fp8,1000,1000,offline
                b,nvidia/Llama-3.1-8B-Instruct-FP8,NVIDIA H100 SXM 80GB,1,1,bf16,,1000,1000,offline
                c,meta-llama/Llama-3.1-8B-Instruct,H100,1,1,,,1000,1000,offline
                d,GB301-288GB-model,GB301-288GB,1,1,fp8,,1000,1000,offline
                """);
        Path out = data.home().resolve("out.csv");
        CliRun run = CliRun.of("estimate", "--cases", in.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        CaseTable result = CaseTable.read(out);
        Map<String, String> a = result.rows().get(0);
        assertEquals("", a.get("error"));
        assertEquals("Qwen3-235B-A22B", a.get("resolved_model"));
        assertEquals("fp8", a.get("resolved_weight_precision"));
        assertEquals("model name suffix FP8", a.get("weight_precision_from"));
        Map<String, String> b = result.rows().get(1);
        assertEquals("bf16", b.get("resolved_weight_precision"));
        assertEquals("given", b.get("weight_precision_from"));
        // A cases file has no default precision: a name without a suffix needs the column.
        assertTrue(result.rows().get(2).get("error").contains("weight_precision: is required"), result.rows().get(2).get("error"));
        assertTrue(result.rows().get(3).get("error").contains("unknown model"), result.rows().get(3).get("error"));
    }

    @Test
    void unknownAcceleratorSuggestsTheSameProductFirst() {
        CliRun run = CliRun.of("estimate", "--model", "GLM-5", "--accelerator", "GB301-288GB", "--tp", "8");
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode());
        assertTrue(run.err().contains("did you mean gb300-nvl72, b300-288gb"), run.err());
    }

    @Test
    void catalogListShowsTheNewPartsWithSources() {
        CliRun list = CliRun.of("catalog", "list");
        assertEquals(0, list.exitCode(), list.err());
        Map<String, String> sourceOf = Map.of("h200-nvl-141gb", "nv-h200-ds", "gh200-144gb", "nv-gh200-ds",
                "h800-sxm-80gb", "aiwiki-h800", "h20-96gb", "willitrunai-h20");
        for (String id : sourceOf.keySet()) {
            String row = list.out().lines().filter(l -> l.startsWith(id + " ")).findFirst().orElse("");
            assertTrue(row.contains(sourceOf.get(id)), id + " with its sources in\n" + list.out());
            CliRun show = CliRun.of("catalog", "show", id);
            assertEquals(0, show.exitCode(), show.err());
            assertTrue(show.out().contains("http"), "a source address for " + id + ":\n" + show.out());
        }
    }
}
