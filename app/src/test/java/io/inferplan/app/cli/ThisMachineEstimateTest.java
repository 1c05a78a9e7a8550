package io.inferplan.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.app.Cli;
import io.inferplan.engine.JsonSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    private static String[] run(String... args) {
        CommandLine cli = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void beforeAnyProfileRunThisMachineAsksForOne() {
        String[] result = run("estimate", "--model", "Llama-3.1-8B", "--accelerator", "this-machine");
        assertEquals("2", result[0]);
        assertTrue(result[2].contains("run `inferplan profile`"), result[2]);
    }

    @Test
    void estimateUsesTheMeasuredBandwidthOfTheLatestProfileRun() throws Exception {
        String[] profile = run("profile", "--quick", "--json");
        assertEquals("0", profile[0], profile[2]);
        JsonNode devices = JsonSupport.mapper().readTree(profile[1]).get("devices");
        double measuredGBps = devices.get(0).get("memoryBandwidthGBps").asDouble();
        assertTrue(measuredGBps > 0);

        String[] estimate = run("estimate", "--model", "Llama-3.1-8B", "--accelerator", "this-machine", "--weight-precision", "int4",
                "--input-tokens", "200", "--output-tokens", "100", "--scenario", "batch", "--batch", "1", "--json");
        assertEquals("0", estimate[0], estimate[2]);
        JsonNode result = JsonSupport.mapper().readTree(estimate[1]);
        assertTrue(result.get("configuration").get("accelerator").asText().startsWith("measured-"), estimate[1]);
        double tokensPerSecond = result.get("estimate").get("outputTokensPerSecond").asDouble();
        // One sequence reads about 4.3 GB of INT4 weights per token: the measured bandwidth bounds the speed.
        assertTrue(tokensPerSecond > 0 && tokensPerSecond < measuredGBps / 4.0, tokensPerSecond + " tokens/s at " + measuredGBps + " GB/s");
    }
}
