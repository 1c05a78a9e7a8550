package io.inferplan.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "this-machine" end to end: a real quick profile on the OpenCL device, then an estimate on what it measured. */
class ThisMachineEstimateTest {
    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void useTemporaryDataDirectory() {
        previousHome = System.getProperty("inferplan.home");
        System.setProperty("inferplan.home", home.toString());
    }

    @AfterEach
    void restoreDataDirectory() {
        if (previousHome == null) {
            System.clearProperty("inferplan.home");
        } else {
            System.setProperty("inferplan.home", previousHome);
        }
    }


    @Test
    void beforeAnyProfileRunThisMachineAsksForOne() {
        CliRun result = CliRun.of("estimate", "--model", "Llama-3.1-8B", "--accelerator", "this-machine");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("run `inferplan profile`"), result.err());
    }

    @Test
    void estimateUsesTheMeasuredBandwidthOfTheLatestProfileRun() throws Exception {
        CliRun profile = CliRun.of("profile", "--quick", "--json");
        assertEquals(0, profile.exitCode(), profile.err());
        JsonNode devices = JsonSupport.mapper().readTree(profile.out()).get("devices");
        double measuredGBps = devices.get(0).get("memoryBandwidthGBps").asDouble();
        assertTrue(measuredGBps > 0);

        CliRun estimate = CliRun.of("estimate", "--model", "Llama-3.1-8B", "--accelerator", "this-machine", "--weight-precision", "int4",
                "--input-tokens", "200", "--output-tokens", "100", "--scenario", "batch", "--batch", "1", "--json");
        assertEquals(0, estimate.exitCode(), estimate.err());
        JsonNode result = JsonSupport.mapper().readTree(estimate.out());
        assertTrue(result.get("configuration").get("accelerator").asText().startsWith("measured-"), estimate.out());
        double tokensPerSecond = result.get("estimate").get("outputTokensPerSecond").asDouble();
        // One sequence reads about 4.3 GB of INT4 weights per token: the measured bandwidth bounds the speed.
        assertTrue(tokensPerSecond > 0 && tokensPerSecond < measuredGBps / 4.0, tokensPerSecond + " tokens/s at " + measuredGBps + " GB/s");
    }
}
