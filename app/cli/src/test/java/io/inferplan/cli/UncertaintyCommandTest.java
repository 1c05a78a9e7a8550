package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uncertainty command on the bundled samples: its JSON shape, determinism, the table and one-line errors. */
class UncertaintyCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String CHAT = SAMPLES.resolve("consumer-chat-h100.json").toString();
    private static final String ONPREM = SAMPLES.resolve("enterprise-onprem-4y.json").toString();

    @TempDir
    Path folder;

    @Test
    void jsonHasTheMetricsBreakEvenDriversAndFan() throws IOException {
        CliRun run = CliRun.of("uncertainty", "--json", "--draws", "300", "--seed", "5", ONPREM);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertEquals(300, json.get("draws").asInt());
        assertEquals(5, json.get("seed").asLong());
        for (String metric : List.of("operatingProfitUsdPerMonth", "costPerMillionOutputTokensUsd", "gpusRequired", "breakEvenMonth")) {
            JsonNode m = json.get("metrics").get(metric);
            for (String field : List.of("p10", "p50", "p90", "mean")) {
                assertTrue(m.has(field), metric + "." + field);
            }
            if (m.get("p10").isNumber()) {
                assertTrue(m.get("p10").asDouble() <= m.get("p50").asDouble() && m.get("p50").asDouble() <= m.get("p90").asDouble(), metric);
            }
        }
        double probability = json.get("probabilityOfBreakEven").asDouble();
        assertTrue(probability >= 0 && probability <= 1);
        assertTrue(json.get("drivers").size() >= 8, "standard inputs drawn");
        for (JsonNode driver : json.get("drivers")) {
            assertTrue(driver.get("input").isTextual());
            assertTrue(Math.abs(driver.get("rankCorrelation").asDouble()) <= 1);
        }
        int horizon = json.get("horizonMonths").asInt();
        assertEquals(horizon, json.get("fan").get("monthlyOperatingProfitUsd").size());
        assertEquals(horizon, json.get("fan").get("cumulativeOperatingProfitUsd").size());
        assertTrue(!json.has("operatingProfitDraws"), "draws only when asked for");
    }

    @Test
    void sameSeedSameOutputAndNeverIsNull() throws IOException {
        CliRun first = CliRun.of("uncertainty", "--json", "--draws", "200", "--with-draws", CHAT);
        CliRun again = CliRun.of("uncertainty", "--json", "--draws", "200", "--with-draws", CHAT);
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), again.out());
        CliRun other = CliRun.of("uncertainty", "--json", "--draws", "200", "--seed", "2", CHAT);
        assertNotEquals(first.out(), other.out());
        JsonNode json = JsonSupport.mapper().readTree(first.out());
        assertEquals(200, json.get("operatingProfitDraws").size());
        // The chat sample loses money on its free tier in every draw: no break-even, stated as null, not a number.
        assertEquals(0, json.get("probabilityOfBreakEven").asDouble());
        assertTrue(json.get("metrics").get("breakEvenMonth").get("p50").isNull());
    }

    @Test
    void printsAReadableTable() {
        CliRun run = CliRun.of("uncertainty", "--draws", "200", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Uncertainty of Consumer chat assistant on H100: 200 draws, seed 1"), run.out());
        assertTrue(run.out().contains("break-even month                     never within 36 months"), run.out());
        assertTrue(run.out().contains("Chance of breaking even within 36 months: 0% (as written: never)"), run.out());
        assertTrue(run.out().contains("What drives the spread of operating profit"), run.out());
        assertTrue(run.out().contains("  Performance model error"), run.out());
    }

    @Test
    void aDeclaredDistributionIsDrawnAndImpossibleOnesAreOneLineErrors() throws IOException {
        String chat = Files.readString(Path.of(CHAT));
        Path declared = folder.resolve("declared.json");
        Files.writeString(declared, chat.replace("\"usdPerGpuHour\": 2.99",
                "\"usdPerGpuHour\": {\"distribution\": \"triangular\", \"min\": 2.5, \"mode\": 2.99, \"max\": 4}"));
        assertTrue(Files.readString(declared).contains("triangular"), "the sample has the field");
        CliRun run = CliRun.of("uncertainty", "--json", "--draws", "100", "--file-only", declared.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertEquals(1, json.get("drivers").size());
        assertEquals("cost.usdPerGpuHour", json.get("drivers").get(0).get("input").asText());
        assertTrue(json.get("drivers").get(0).get("rankCorrelation").asDouble() < -0.9, "dearer GPUs, less profit");

        Path inverted = folder.resolve("inverted.json");
        Files.writeString(inverted, chat.replace("\"usdPerGpuHour\": 2.99",
                "\"usdPerGpuHour\": {\"distribution\": \"normal\", \"p10\": 3, \"p90\": 2}"));
        CliRun bad = CliRun.of("uncertainty", inverted.toString());
        assertEquals(ExitCodes.INPUT_ERROR, bad.exitCode());
        assertEquals("error: inverted.json: cost.usdPerGpuHour.p10: must be at most p90 (2), was 3", bad.err().strip());
        // Plain evaluation reads the same file and names the same field.
        assertEquals(bad.err(), CliRun.of("evaluate", inverted.toString()).err());

        Path negative = folder.resolve("negative.json");
        Files.writeString(negative, chat.replace("\"usdPerGpuHour\": 2.99",
                "\"usdPerGpuHour\": {\"distribution\": \"normal\", \"p10\": 1, \"p90\": 3, \"min\": -1}"));
        CliRun reach = CliRun.of("uncertainty", negative.toString());
        assertEquals(ExitCodes.INPUT_ERROR, reach.exitCode());
        assertEquals("error: negative.json: cost.usdPerGpuHour: the distribution (normal p10 1, p90 3, min -1) reaches -1, "
                + "which the field does not allow: must be greater than 0 and at most 10000, was -1; narrow it or "
                + "bound it with min and max", reach.err().strip());
    }

    @Test
    void badOptionsAreOneLineErrors() {
        CliRun draws = CliRun.of("uncertainty", "--draws", "5", CHAT);
        assertEquals(ExitCodes.INPUT_ERROR, draws.exitCode());
        assertEquals("error: --draws: must be from 10 to 1000000, was 5", draws.err().strip());
        CliRun missing = CliRun.of("uncertainty", "no-such.json");
        assertEquals(ExitCodes.INPUT_ERROR, missing.exitCode());
        assertEquals("error: no-such.json: no such file", missing.err().strip());
    }
}
