package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate and compare commands on the bundled samples, and their one-line errors. */
class EvaluateCompareCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String CHAT = SAMPLES.resolve("consumer-chat-h100.json").toString();
    private static final String ONPREM = SAMPLES.resolve("enterprise-onprem-4y.json").toString();

    @TempDir
    Path temp;


    @Test
    void printsAReadableSummary() {
        CliRun run = CliRun.of("evaluate", ONPREM);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("GPUs for the peak"), run.out());
        assertTrue(run.out().contains("owned = depreciation"), run.out());
        assertTrue(run.out().contains("payback month"), run.out());
    }

    @Test
    void jsonHasThePromisedKeys() throws IOException {
        CliRun run = CliRun.of("evaluate", "--json", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        for (String key : new String[] {"costPerMillionInputTokensUsd", "costPerMillionOutputTokensUsd", "gpusRequired",
                "grossMarginPercent", "breakEvenMonth"}) {
            assertTrue(json.findValue(key) != null, "missing " + key);
        }
    }

    @Test
    void csvHasOneRowPerMonth() {
        CliRun run = CliRun.of("evaluate", "--csv", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertEquals(String.join(",", ScenarioReport.CSV_COLUMNS), lines[0]);
        assertEquals(1 + 36, lines.length);
        assertFalse(run.out().contains("E1"), "plain numbers, no scientific notation");
    }

    @Test
    void comparesSideBySide() {
        CliRun run = CliRun.of("compare", CHAT, ONPREM);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Cost / M output tokens"), run.out());
        assertTrue(run.out().contains("Payback month"), run.out());
    }

    @Test
    void missingFileIsOneLine() {
        assertOneLineError(CliRun.of("evaluate", temp.resolve("nowhere.json").toString()), "no such file");
        assertOneLineError(CliRun.of("compare", CHAT, temp.resolve("nowhere.json").toString()), "no such file");
    }

    @Test
    void brokenJsonIsOneLine() throws IOException {
        Path file = Files.writeString(temp.resolve("broken.json"), "{\"schemaVersion\": 1, \"name\": ");
        assertOneLineError(CliRun.of("evaluate", file.toString()), "broken.json: not valid JSON");
    }

    @Test
    void outOfRangeValueNamesTheField() throws IOException {
        String json = Files.readString(Path.of(CHAT)).replace("\"peakToAverageRatio\": 3", "\"peakToAverageRatio\": -3");
        Path file = Files.writeString(temp.resolve("negative.json"), json);
        assertOneLineError(CliRun.of("evaluate", file.toString()), "workload.peakToAverageRatio: must be a number from 1 to 100");
    }

    @Test
    void unknownAcceleratorIsOneLine() throws IOException {
        String json = Files.readString(Path.of(CHAT)).replace("\"accelerator\": \"H100-SXM\"", "\"accelerator\": \"H900\"");
        Path file = Files.writeString(temp.resolve("h900.json"), json);
        assertOneLineError(CliRun.of("evaluate", file.toString()), "deployment.accelerator: unknown accelerator 'H900'");
    }

    @Test
    void impossibleScenarioIsOneLine() throws IOException {
        // 70B in BF16 on one 80 GB GPU does not fit.
        String json = Files.readString(Path.of(CHAT)).replace("\"tensorParallel\": 2", "\"tensorParallel\": 1")
                .replace("\"weightPrecision\": \"FP8\"", "\"weightPrecision\": \"BF16\"");
        Path file = Files.writeString(temp.resolve("nofit.json"), json);
        assertOneLineError(CliRun.of("evaluate", file.toString()), "nofit.json: deployment");
    }

    @Test
    void aTpotTargetJustBeyondOneUserIsPlannedAtOneUserWithANoteAndFarBeyondIsRefused() throws IOException {
        // The chat sample's replica (Llama-3.3-70B, 2 x H100, vLLM) with one request alone, as the engine predicts it.
        CliRun alone = CliRun.of("estimate", "--model", "Llama-3.3-70B", "--accelerator", "H100-SXM", "--tp", "2",
                "--weight-precision", "fp8", "--kv-precision", "fp8", "--input-tokens", "1500", "--output-tokens", "350",
                "--prompt-cache-hit-rate", "0.5", "--scenario", "batch", "--batch", "1", "--serving-stack", "vllm", "--json");
        assertEquals(0, alone.exitCode(), alone.err());
        double aloneTpotSeconds = JsonSupport.mapper().readTree(alone.out()).path("estimate").path("timePerOutputTokenMs").asDouble() / 1e3;
        assertTrue(aloneTpotSeconds > 0, alone.out());

        Path edge = Files.writeString(temp.resolve("edge.json"), Files.readString(Path.of(CHAT))
                .replace("\"maxTimePerOutputTokenSeconds\": 0.05", "\"maxTimePerOutputTokenSeconds\": " + 0.97 * aloneTpotSeconds));
        CliRun planned = CliRun.of("evaluate", edge.toString());
        assertEquals(0, planned.exitCode(), planned.err());
        assertTrue(planned.out().contains("batch 1:"), planned.out());
        assertTrue(planned.out().contains("within its error band"), planned.out());
        assertTrue(planned.out().contains("Measure this deployment before buying for it"), planned.out());

        Path far = Files.writeString(temp.resolve("far.json"), Files.readString(Path.of(CHAT))
                .replace("\"maxTimePerOutputTokenSeconds\": 0.05", "\"maxTimePerOutputTokenSeconds\": " + 0.3 * aloneTpotSeconds));
        assertOneLineError(CliRun.of("evaluate", far.toString()), "error bands");
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertNotEquals(0, run.exitCode());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(expected), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }
}
