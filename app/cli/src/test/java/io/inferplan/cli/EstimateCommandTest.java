package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.cli.calibration.CaseTable;
import io.inferplan.cli.text.BoundedText;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {
    @TempDir
    Path dir;


    @Test
    void singleConfigurationPrintsAReadableTable() {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-70b", "--accelerator", "H100", "--tp", "4", "--input-tokens", "1000",
                "--output-tokens", "1000");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Llama-3.1-70B on 4 x NVIDIA H100"), run.out());
        assertTrue(run.out().contains("Output throughput"), run.out());
        assertTrue(run.out().contains("Trust"), run.out());
    }

    @Test
    void anAssumedFp8CacheOnVllmSaysWhatTheStackDoesByDefault() {
        CliRun assumed = CliRun.of("estimate", "--model", "Llama-3.1-70B", "--accelerator", "H200", "--tp", "2", "--weight-precision",
                "fp8", "--serving-stack", "vllm");
        assertEquals(0, assumed.exitCode(), assumed.err());
        assertTrue(assumed.out().contains("fp8 assumed (as the weights); vLLM keeps a bf16 cache"), assumed.out());
        CliRun given = CliRun.of("estimate", "--model", "Llama-3.1-70B", "--accelerator", "H200", "--tp", "2", "--weight-precision",
                "fp8", "--kv-precision", "fp8", "--serving-stack", "vllm");
        assertTrue(!given.out().contains("fp8 assumed"), "a cache precision the user gave is not second-guessed: " + given.out());
        CliRun tensorRt = CliRun.of("estimate", "--model", "Llama-3.1-70B", "--accelerator", "H200", "--tp", "2", "--weight-precision",
                "fp8", "--serving-stack", "tensorrt-llm");
        assertTrue(!tensorRt.out().contains("fp8 assumed"), "TensorRT-LLM takes the cache format from the checkpoint: " + tensorRt.out());
    }

    @Test
    void tensorRtLlmWithDataParallelAttentionSaysItHoldsPrompts() {
        String[] common = {"estimate", "--model", "DeepSeek-R1", "--accelerator", "B200", "--tp", "8", "--ep", "8", "--weight-precision",
                "fp4", "--kv-precision", "fp8", "--attention-parallel", "data", "--scenario", "batch", "--batch", "16"};
        CliRun tensorRt = CliRun.of(concat(common, "--serving-stack", "tensorrt-llm"));
        assertEquals(0, tensorRt.exitCode(), tensorRt.err());
        assertTrue(tensorRt.out().contains("holds each new prompt until every attention rank has one, up to 60 iterations"), tensorRt.out());
        CliRun sglang = CliRun.of(concat(common, "--serving-stack", "sglang"));
        assertEquals(0, sglang.exitCode(), sglang.err());
        assertTrue(!sglang.out().contains("holds each new prompt"), "SGLang schedules each rank on its own: " + sglang.out());
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void usersBeyondWhatTheReplicaHoldsAreSaidToWait() {
        CliRun run = CliRun.of("estimate", "--model", "Llama-3.1-70B", "--accelerator", "H200", "--tp", "1", "--weight-precision",
                "fp8", "--kv-precision", "fp8", "--input-tokens", "8192", "--output-tokens", "1024", "--scenario", "batch",
                "--batch", "400", "--serving-stack", "tensorrt-llm");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("more wait for a slot"), run.out());
        assertTrue(run.out().contains("memory capacity"), run.out());
    }

    @Test
    void jsonCarriesThroughputLatencyAndTheErrorBand() throws Exception {
        CliRun run = CliRun.of("estimate", "--model", "Llama-3.1-8B", "--accelerator", "h100-sxm", "--scenario", "interactivity",
                "--min-tokens-per-s-per-user", "60", "--serving-stack", "trt-llm", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode estimate = JsonSupport.mapper().readTree(run.out()).get("estimate");
        assertTrue(estimate.get("outputTokensPerSecond").asDouble() > 0);
        assertTrue(estimate.get("outputTokensPerSecondPerUser").asDouble() >= 60);
        assertTrue(estimate.get("errorBand").get("measurements").asInt() > 0);
    }

    @Test
    void casesFileKeepsEveryColumnAndReportsBadRowsInTheErrorColumn() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, """
                case,model,accelerator,gpus,tensor_parallel,weight_precision,kv_precision,input_tokens,output_tokens,scenario,batch,min_tokens_per_s_per_user,team
                a,Llama-3.1-8B,H100-SXM-80GB,1,1,fp8,fp8,128,2048,offline,,,search
                b,No-Such-Model,H100,1,1,fp8,fp8,128,128,offline,,,search
                c,Llama-3.1-405B,A100-SXM-80GB,1,1,fp16,fp16,128,128,offline,,,ads
                d,Llama-3.1-70B,H200,2,2,fp8,fp8,1000,1000,batch,64,,ads
                e,Llama-3.1-70B,H200,2,2,fp8,fp8,1000,1000,interactivity,,30,ads
                """);
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of("estimate", "--cases", in.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Evaluated 5 rows"), run.out());

        CaseTable result = CaseTable.read(out);
        assertTrue(result.columns().containsAll(List.of("team", "predicted_output_tokens_per_s",
                "predicted_output_tokens_per_s_per_gpu", "predicted_ttft_ms", "predicted_tpot_ms", "predicted_batch",
                "predicted_error_band_percent", "error")));
        Map<String, String> a = result.rows().get(0);
        assertEquals("search", a.get("team"));
        assertFalse(a.get("predicted_output_tokens_per_s").isEmpty());
        assertEquals("", a.get("error"));
        assertTrue(result.rows().get(1).get("error").contains("unknown model 'No-Such-Model'"));
        assertTrue(result.rows().get(2).get("error").contains("does not fit"));
        assertEquals("64", result.rows().get(3).get("predicted_batch"));
        assertTrue(Double.parseDouble(result.rows().get(4).get("predicted_tpot_ms")) <= 1000.0 / 30);
    }

    @Test
    void ownModelFromJsonAndSpeculativeDecoding() throws Exception {
        Path model = Files.writeString(dir.resolve("my-7b.json"), """
                {"id": "my-7b", "totalParameters": 7000000000, "activeParameters": 7000000000, "layers": 32, "hiddenSize": 4096,
                 "attentionHeads": 32, "kvHeads": 8, "headDim": 128, "ffnSize": 14336, "vocabSize": 32000, "attention": "GQA"}""");
        CliRun plain = CliRun.of("estimate", "--model", model.toString(), "--accelerator", "L40S", "--scenario", "batch", "--batch", "4",
                "--json");
        assertEquals(0, plain.exitCode(), plain.err());
        CliRun speculative = CliRun.of("estimate", "--model", model.toString(), "--accelerator", "L40S", "--scenario", "batch",
                "--batch", "4", "--draft-tokens", "3", "--acceptance-rate", "0.8", "--json");
        assertEquals(0, speculative.exitCode(), speculative.err());
        double without = JsonSupport.mapper().readTree(plain.out()).get("estimate").get("outputTokensPerSecondPerUser").asDouble();
        double with = JsonSupport.mapper().readTree(speculative.out()).get("estimate").get("outputTokensPerSecondPerUser").asDouble();
        assertTrue(with > 2 * without, with + " vs " + without);

        CliRun badModel = CliRun.of("estimate", "--model", dir.resolve("none.json").toString(), "--accelerator", "L40S");
        assertTrue(badModel.err().contains("model: no such model file"), badModel.err());
    }

    @Test
    void fineGrainedMoeServesMoreWithDataParallelAttentionAndAutoPicksIt() throws Exception {
        String[] base = {"estimate", "--model", "DeepSeek-R1", "--accelerator", "H200", "--tp", "8", "--serving-stack", "sglang",
                "--input-tokens", "1000", "--output-tokens", "1000", "--json"};
        JsonNode tensor = estimate(base, "--attention-parallel", "tensor");
        JsonNode data = estimate(base, "--attention-parallel", "data");
        JsonNode auto = estimate(base);
        assertEquals("tensor", tensor.get("attentionParallelism").asText());
        assertEquals("data", data.get("attentionParallelism").asText());
        // MLA's latent is replicated on every tensor-parallel GPU; data-parallel attention keeps each sequence once.
        assertTrue(data.get("memoryPerGpu").get("maxBatchByMemory").asInt() > 2 * tensor.get("memoryPerGpu").get("maxBatchByMemory").asInt());
        assertTrue(data.get("outputTokensPerSecond").asDouble() > tensor.get("outputTokensPerSecond").asDouble());
        assertEquals("data", auto.get("attentionParallelism").asText());
        assertEquals(data.get("outputTokensPerSecond").asDouble(), auto.get("outputTokensPerSecond").asDouble(), 1e-6);
    }

    private static JsonNode estimate(String[] base, String... extra) throws Exception {
        String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(extra)).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return JsonSupport.mapper().readTree(run.out()).get("estimate");
    }

    @Test
    void aCasesFileLargerThanAWholeReadMayHoldIsStreamedThrough() throws Exception {
        // Ten rows of 7 MB each: past the 64 MB a whole-table read takes, which this file used to be refused by.
        Path in = dir.resolve("large.csv");
        String note = "x".repeat(7 * 1024 * 1024);
        try (var writer = Files.newBufferedWriter(in)) {
            writer.write("case,model,accelerator,gpus,tensor_parallel,weight_precision,input_tokens,output_tokens,scenario,note\n");
            for (int i = 0; i < 10; i++) {
                writer.write("r" + i + ",Llama-3.1-8B,H100,1,1,fp8,128,128,offline," + note + "\n");
            }
        }
        assertTrue(Files.size(in) > BoundedText.TABLE_MAX_BYTES);
        Path out = dir.resolve("large-out.csv");
        CliRun run = CliRun.of("estimate", "--cases", in.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Evaluated 10 rows"), run.out());
        long[] predicted = {0};
        CaseTable.forEachRow(out, (columns, row) -> predicted[0] += row.get("predicted_output_tokens_per_s").isEmpty() ? 0 : 1);
        assertEquals(10, predicted[0]);
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputStaysAsItWas() throws Exception {
        Path in = dir.resolve("same.csv");
        String text = "case,model,accelerator,gpus,tensor_parallel,weight_precision,input_tokens,output_tokens,scenario\n"
                + "a,Llama-3.1-8B,H100,1,1,fp8,128,128,offline\n";
        Files.writeString(in, text);
        CliRun run = CliRun.of("estimate", "--cases", in.toString(), "--out", dir.resolve(".").resolve("same.csv").toString());
        assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("--out: is the --cases file"), run.err());
        assertEquals(text, Files.readString(in));
        assertFalse(Files.exists(dir.resolve("same.csv.part")));
    }

    @Test
    void missingFileAndBadValuesEndWithAOneLineMessage() {
        CliRun missing = CliRun.of("estimate", "--cases", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(ExitCodes.INPUT_ERROR, missing.exitCode());
        assertTrue(missing.err().startsWith("error: cases: file not found"), missing.err());
        assertEquals(1, missing.err().strip().lines().count());

        Path broken = dir.resolve("broken.csv");
        try {
            Files.writeString(broken, "case,model\n\"a,b\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliRun unreadable = CliRun.of("estimate", "--cases", broken.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(ExitCodes.INPUT_ERROR, unreadable.exitCode(), unreadable.err());
        assertTrue(unreadable.err().startsWith("error: cases: " + broken + " is not a readable CSV file"), unreadable.err());
        assertEquals(1, unreadable.err().strip().lines().count(), unreadable.err());

        CliRun badPrecision = CliRun.of("estimate", "--model", "Llama-3.1-8B", "--accelerator", "H100", "--weight-precision", "fp6");
        assertEquals(ExitCodes.INPUT_ERROR, badPrecision.exitCode());
        assertTrue(badPrecision.err().contains("weight_precision: unknown precision 'fp6'"), badPrecision.err());
        assertFalse(badPrecision.err().contains("at io.inferplan"), "no stack trace");
    }
}
