package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sensitivity command on the bundled samples: a tornado table, its JSON, and one-line errors. */
class SensitivityCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String CHAT = SAMPLES.resolve("consumer-chat-h100.json").toString();
    private static final String ONPREM = SAMPLES.resolve("enterprise-onprem-4y.json").toString();

    @Test
    void printsTheInputsLargestSwingFirst() {
        CliRun run = CliRun.of("sensitivity", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertTrue(lines[0].startsWith("What moves operating profit most, each input alone ±20%: now -$"), lines[0]);
        assertTrue(lines[0].endsWith(" per month"), lines[0]);
        assertTrue(run.out().contains("GPU rental rate            2.99 USD/GPU-hour"), run.out());
        assertTrue(run.out().contains("Planned utilisation        80.0%"), "shares read as percent: " + run.out());
        assertTrue(!run.out().contains("GPU purchase price"), "a rented fleet has no purchase price");
    }

    @Test
    void jsonSwingsAreOrderedAndOwnedHardwareHasItsPrice() throws IOException {
        CliRun run = CliRun.of("sensitivity", "--json", "--result", "cost", "--step", "10", ONPREM);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertEquals("cost per million output tokens", json.get("result").asText());
        assertEquals(0.1, json.get("step").asDouble(), 1e-12);
        double previous = Double.MAX_VALUE;
        boolean purchasePrice = false;
        for (JsonNode swing : json.get("swings")) {
            assertTrue(swing.get("swing").asDouble() <= previous, "largest first");
            previous = swing.get("swing").asDouble();
            if (swing.get("input").asText().equals("GPU purchase price")) {
                purchasePrice = true;
                assertTrue(swing.get("whenHigher").asDouble() > json.get("base").asDouble(), "dearer GPUs, dearer tokens");
            }
        }
        assertTrue(purchasePrice, "owned hardware is moved by its purchase price");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        CliRun step = CliRun.of("sensitivity", "--step", "95", CHAT);
        assertEquals(ExitCodes.INPUT_ERROR, step.exitCode());
        assertEquals("error: step: must be from 1.0% to 90.0%, was 95.0%", step.err().strip());
        CliRun missing = CliRun.of("sensitivity", "no-such.json");
        assertEquals(ExitCodes.INPUT_ERROR, missing.exitCode());
        assertEquals("error: no-such.json: no such file", missing.err().strip());
    }
}
