package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The solve command: a written scenario evaluates to its target; out-of-reach targets write nothing and say why. */
class SolveCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String CHAT = SAMPLES.resolve("consumer-chat-h100.json").toString();

    @TempDir
    Path folder;

    @Test
    void aPriceForAGrossMarginIsWrittenAndEvaluatesToIt() throws IOException {
        Path out = folder.resolve("priced.json");
        CliRun run = CliRun.of("solve", CHAT, "--target", "gross-margin-percent=60", "--vary", "price", "--tier", "paid",
                "--write", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JsonSupport.mapper().readTree(run.out());
        assertTrue(answer.get("reached").asBoolean());
        assertEquals("pricing.tiers[1].usdPerMillionOutputTokens", answer.get("inputPath").asText());
        CliRun evaluated = CliRun.of("evaluate", "--json", out.toString());
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        JsonNode result = JsonSupport.mapper().readTree(evaluated.out());
        assertEquals(60, result.get("totals").get("grossMarginPercent").asDouble(), 0.01);
    }

    @Test
    void theLoadAGpuBudgetServes() throws IOException {
        Path out = folder.resolve("budget.json");
        CliRun run = CliRun.of("solve", CHAT, "--target", "gpus=64", "--vary", "load", "--write", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("GPUs needed 64 GPUs with the average load at "), run.out());
        JsonNode result = JsonSupport.mapper().readTree(CliRun.of("evaluate", "--json", out.toString()).out());
        assertTrue(result.get("capacity").get("gpusRequired").asInt() <= 64);
    }

    @Test
    void anUnreachableTargetSaysHowCloseAndWritesNothing() {
        Path out = folder.resolve("never.json");
        CliRun run = CliRun.of("solve", CHAT, "--target", "operating-profit=0", "--vary", "load", "--write", out.toString());
        assertEquals(SolveCommand.NOT_REACHED, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Operating profit cannot reach 0 by moving the average load "
                + "(workload.averageRequestsPerSecond) from 0.005 to 500000 requests/s: the closest is -"), run.out());
        assertTrue(run.out().contains("Nothing written"), run.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void badTargetsAndInputsAreOneLineErrors() {
        CliRun margin = CliRun.of("solve", CHAT, "--target", "gross-margin-percent=120", "--vary", "price");
        assertEquals(ExitCodes.INPUT_ERROR, margin.exitCode());
        assertEquals("error: --target: gross-margin-percent must be below 100 (a margin is a share of revenue), was 120.0",
                margin.err().strip());
        CliRun vary = CliRun.of("solve", CHAT, "--target", "gpus=10", "--vary", "speed");
        assertEquals("error: --vary: unknown input 'speed'; known: price, load, cache-hit-rate, utilization", vary.err().strip());
        CliRun form = CliRun.of("solve", CHAT, "--target", "60", "--vary", "price");
        assertEquals("error: --target: expected NAME=VALUE (e.g. gross-margin-percent=60), was '60'", form.err().strip());
        CliRun tier = CliRun.of("solve", CHAT, "--target", "gross-margin-percent=60", "--vary", "price", "--tier", "gold");
        assertEquals("error: --tier: no tier named 'gold'; the scenario has: free, paid", tier.err().strip());
    }

    @Test
    void helpNamesTheTargetsAndInputs() {
        CliRun help = CliRun.of("solve", "--help");
        for (String name : new String[]{"gross-margin-percent", "operating-profit", "cost-per-million-output-tokens",
                "cost-per-million-tokens", "gpus", "price", "load", "cache-hit-rate", "utilization", "keep-ratios"}) {
            assertTrue(help.out().contains(name), name);
        }
    }
}
