package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "this-machine" end to end: a real quick profile on the OpenCL device, then an estimate on what it measured. */
class ThisMachineEstimateTest {
    // The estimate reads the user's catalog store: a fresh one, so no entry of the machine's user takes part.
    @RegisterExtension
    final PrivateDataDirectory data = new PrivateDataDirectory();

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

        // A small model of our own (0.13 GB of BF16 weights, under 0.5 GB with the runtime reserve and activations), so
        // that the test proves the same thing on any OpenCL device of 1 GB or more, whatever the machine's size.
        Path model = Files.writeString(data.home().resolve("small-64m.json"), """
                {"id": "small-64m", "totalParameters": 64000000, "activeParameters": 64000000, "layers": 8, "hiddenSize": 512,
                 "attentionHeads": 8, "kvHeads": 4, "headDim": 64, "ffnSize": 2048, "vocabSize": 32000, "attention": "GQA"}""");
        CliRun estimate = CliRun.of("estimate", "--model", model.toString(), "--accelerator", "this-machine", "--weight-precision", "bf16",
                "--input-tokens", "200", "--output-tokens", "100", "--scenario", "batch", "--batch", "1", "--json");
        assertEquals(0, estimate.exitCode(), estimate.err());
        JsonNode result = JsonSupport.mapper().readTree(estimate.out());
        assertTrue(result.get("configuration").get("accelerator").asText().startsWith("measured-"), estimate.out());
        double tokensPerSecond = result.get("estimate").get("outputTokensPerSecond").asDouble();
        // One sequence reads all 0.128 GB of weights per token: the measured bandwidth bounds the speed.
        assertTrue(tokensPerSecond > 0 && tokensPerSecond < measuredGBps / 0.128, tokensPerSecond + " tokens/s at " + measuredGBps + " GB/s");
    }
}
