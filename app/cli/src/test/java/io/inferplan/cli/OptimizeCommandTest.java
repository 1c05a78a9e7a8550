package io.inferplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code inferplan optimize}: on every bundled sample, its JSON and CSV, the filters and the one-line errors. */
class OptimizeCommandTest {
    private static final Path SAMPLES = Path.of("../../samples/src/main/resources/io/inferplan/samples");
    private static final String CHAT = SAMPLES.resolve("consumer-chat-h100.json").toString();

    @RegisterExtension
    final PrivateDataDirectory data = new PrivateDataDirectory();

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("index.json")).sorted().toList();
        }
    }

    @Test
    void rankedByBlendedCostAndEachRowCarriesItsPower() throws IOException {
        CliRun run = CliRun.of("optimize", "--json", "--top", "200", "--simulate-top", "0", "--rank-by", "blended", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = JsonSupport.mapper().readTree(run.out());
        assertEquals("blended", result.path("rankedBy").asText());
        double previous = 0;
        boolean missing = false;
        for (JsonNode c : result.path("configurations")) {
            if (!c.path("meetsLatencyTargets").asBoolean() && !missing) {
                missing = true;
                previous = 0;
            }
            double blended = c.path("costPerMillionTokensBlendedUsd").asDouble();
            assertTrue(blended >= previous, "blended cost, cheapest first: " + c);
            previous = blended;
            // A rented fleet's IT power is its boards: GPUs x board power, between 0.1 and 2 kW a GPU for these parts.
            double kilowattsPerGpu = c.path("powerKilowatts").asDouble() / c.path("gpusTotal").asInt();
            assertTrue(kilowattsPerGpu >= 0.07 && kilowattsPerGpu <= 2.5, c.path("accelerator") + ": " + kilowattsPerGpu + " kW a GPU");
        }
        CliRun byOutput = CliRun.of("optimize", "--json", "--top", "1", "--simulate-top", "0", CHAT);
        JsonNode first = JsonSupport.mapper().readTree(byOutput.out()).path("configurations").get(0);
        JsonNode firstBlended = result.path("configurations").get(0);
        assertTrue(firstBlended.path("costPerMillionTokensBlendedUsd").asDouble()
                <= first.path("costPerMillionTokensBlendedUsd").asDouble() + 1e-9, "the blended ranking's #1 is no dearer blended");
        assertTrue(CliRun.of("optimize", "--rank-by", "cheapest", CHAT).exitCode() != 0);
        assertTrue(CliRun.of("optimize", "--rank-by", "cheapest", CHAT).err().contains("--rank-by: must be output or blended"));
    }

    @Test
    void eachPartIsPricedAtAChosenSpeedPerUserFromItsFrontier() throws IOException {
        CliRun run = CliRun.of("optimize", "--json", "--top", "1", "--simulate-top", "0", "--at-tokens-per-user", "50", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode at = JsonSupport.mapper().readTree(run.out()).path("atTokensPerUser");
        assertEquals(50, at.path("tokensPerSecondPerUser").asDouble());
        assertTrue(at.path("parts").size() >= 3, at.toString());
        double previous = 0;
        for (JsonNode part : at.path("parts")) {
            assertTrue(part.path("outputTokensPerSecondPerUser").asDouble() >= 50, part.toString());
            double cost = part.path("costPerMillionOutputTokensUsd").asDouble();
            double expected = part.path("usdPerGpuHour").asDouble() / (part.path("outputTokensPerSecondPerGpu").asDouble() * 3600) * 1e6;
            assertEquals(expected, cost, 0.002 * expected + 0.001, part.toString());
            assertTrue(cost >= previous, "cheapest first");
            previous = cost;
        }
        CliRun text = CliRun.of("optimize", "--top", "1", "--simulate-top", "0", "--at-tokens-per-user", "50", CHAT);
        assertTrue(text.out().contains("At 50 output tokens/s per user"), text.out());
        CliRun bad = CliRun.of("optimize", "--at-tokens-per-user", "0", CHAT);
        assertTrue(bad.exitCode() != 0 && bad.err().contains("--at-tokens-per-user: must be above 0"), bad.err());
    }

    /**
     * The issue's promise: the best configuration found costs no more per output token than the scenario's own
     * deployment, whenever that one is a point of the search (it is found among the listed configurations).
     */
    @Test
    void theBestIsNeverWorseThanTheSamplesOwnDeployment() throws IOException {
        int checked = 0;
        for (Path sample : samples()) {
            CliRun evaluate = CliRun.of("evaluate", "--json", sample.toString());
            assertEquals(0, evaluate.exitCode(), evaluate.err());
            JsonNode own = JsonSupport.mapper().readTree(evaluate.out());
            double ownCost = own.path("tokenCosts").path("costPerMillionOutputTokensUsd").asDouble();
            JsonNode plan = JsonSupport.mapper().readTree(Files.readString(sample)).path("deployment");

            CliRun optimize = CliRun.of("optimize", "--json", "--top", "100000", "--simulate-top", "0",
                    sample.toString());
            assertEquals(0, optimize.exitCode(), optimize.err());
            JsonNode result = JsonSupport.mapper().readTree(optimize.out());
            JsonNode configurations = result.path("configurations");
            assertTrue(configurations.size() > 0, sample.toString());
            boolean ownInSpace = false;
            boolean ownReproduced = false;
            for (JsonNode c : configurations) {
                boolean same = c.path("accelerator").asText().equals(own.path("accelerator").asText())
                        && c.path("tensorParallel").asInt() == plan.path("tensorParallel").asInt(1)
                        && c.path("pipelineParallel").asInt() == plan.path("pipelineParallel").asInt(1)
                        && c.path("expertParallel").asInt() == plan.path("expertParallel").asInt(1)
                        && c.path("weightPrecision").asText().equalsIgnoreCase(plan.path("weightPrecision").asText())
                        && c.path("kvPrecision").asText().equalsIgnoreCase(plan.path("kvPrecision").asText("bf16"))
                        && c.path("servingStack").asText().replace("-", "").equalsIgnoreCase(plan.path("servingStack").asText().replace("_", ""));
                ownInSpace |= same;
                // The same economics: the scenario's own deployment, found by the search, costs what evaluate says.
                ownReproduced |= same && Math.abs(c.path("costPerMillionOutputTokensUsd").asDouble() - ownCost) <= 1e-5 * ownCost;
            }
            if (!ownInSpace) {
                continue;
            }
            checked++;
            assertTrue(ownReproduced, sample + ": the own deployment's cost " + ownCost + " is not among the search's");
            JsonNode best = configurations.get(0);
            assertTrue(best.path("meetsLatencyTargets").asBoolean(), sample + ": " + best);
            assertTrue(best.path("costPerMillionOutputTokensUsd").asDouble() <= ownCost * (1 + 1e-5),
                    sample + ": best " + best + " costs more than the scenario's own " + ownCost);
        }
        assertEquals(samples().size(), checked, "the samples' own deployments are in the search space; checked " + checked);
    }

    @Test
    void jsonHasThePromisedKeysRankedByCost() throws IOException {
        CliRun run = CliRun.of("optimize", "--json", "--top", "5", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertTrue(json.path("searched").asInt() > 100);
        assertTrue(json.has("elapsedMs"));
        JsonNode configurations = json.path("configurations");
        assertEquals(5, configurations.size());
        for (String key : List.of("accelerator", "gpusPerReplica", "replicas", "gpusTotal", "tensorParallel", "pipelineParallel",
                "expertParallel", "weightPrecision", "kvPrecision", "servingStack", "disaggregated", "costPerMillionOutputTokensUsd",
                "costPerMillionInputTokensUsd", "meetsLatencyTargets", "ttftSeconds", "tpotSeconds", "grossMarginPercent",
                "errorBandPercent", "prefillWorkers", "decodeWorkers", "ttftP99Seconds", "tpotP99Seconds")) {
            assertTrue(configurations.get(0).has(key), "missing " + key);
        }
        for (int i = 1; i < configurations.size(); i++) {
            assertTrue(configurations.get(i).path("costPerMillionOutputTokensUsd").asDouble()
                    >= configurations.get(i - 1).path("costPerMillionOutputTokensUsd").asDouble());
        }
        // Parts the catalog has no on-demand rate for are listed, not dropped.
        assertTrue(json.path("unpriced").size() > 0);
        // The first rows (five by default) carry the simulator's tail and fleet; the simulation's time is said.
        assertEquals(5, json.path("simulatedRows").asInt());
        assertTrue(json.has("simulationMs"));
        JsonNode first = configurations.get(0);
        assertTrue(first.path("ttftP99Seconds").isNumber() && first.path("tpotP99Seconds").isNumber(), first.toString());
        assertTrue(first.path("ttftP99Seconds").asDouble() > 0 && first.path("tpotP99Seconds").asDouble() > 0, first.toString());
        assertTrue(first.path("simulatedReplicas").asInt() >= 1, first.toString());
        assertEquals(first.path("simulatedReplicas").asInt() * first.path("gpusPerReplica").asInt(), first.path("simulatedGpusTotal").asInt());
    }

    @Test
    void disaggregatedRowsNameBothPoolsAndCountBothPoolsGpus() throws IOException {
        CliRun run = CliRun.of("optimize", "--json", "--top", "100000", "--simulate-top", "0", "--disaggregated", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        int pools = 0;
        for (JsonNode c : JsonSupport.mapper().readTree(run.out()).path("configurations")) {
            if (!c.path("disaggregated").asBoolean()) {
                assertTrue(c.path("prefillAccelerator").isNull() && c.path("decodeWorker").isNull(), c.toString());
                continue;
            }
            pools++;
            assertEquals(c.path("prefillGpusPerWorker").asInt() * c.path("prefillWorkers").asInt()
                    + c.path("decodeGpusPerWorker").asInt() * c.path("decodeWorkers").asInt(), c.path("gpusTotal").asInt(), c.toString());
            assertEquals(c.path("decodeAccelerator").asText(), c.path("accelerator").asText(), "the row's part is the decode pool's");
            assertTrue(c.path("prefillWorker").asText().startsWith(c.path("prefillAccelerator").asText()), c.toString());
        }
        assertTrue(pools > 0, "disaggregated rows are listed");
    }

    @Test
    void simulateTopZeroLeavesThePercentilesNullAndIsValidated() throws IOException {
        CliRun run = CliRun.of("optimize", "--json", "--top", "3", "--simulate-top", "0", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonSupport.mapper().readTree(run.out());
        assertEquals(0, json.path("simulatedRows").asInt());
        for (JsonNode c : json.path("configurations")) {
            assertTrue(c.path("ttftP99Seconds").isNull() && c.path("tpotP99Seconds").isNull() && c.path("simulatedReplicas").isNull(),
                    c.toString());
        }
        CliRun text = CliRun.of("optimize", "--top", "2", "--simulate-top", "1", CHAT);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("p99 TTFT") && text.out().contains("Simulated 1 rows, the first aggregated ones meeting the targets, in "), text.out());
        CliRun bad = CliRun.of("optimize", "--simulate-top", "51", CHAT);
        assertEquals(ExitCodes.INPUT_ERROR, bad.exitCode());
        assertTrue(bad.err().contains("--simulate-top") && bad.err().contains("0 to 50"), bad.err());
    }

    @Test
    void filtersAndFloorNarrowTheSearch() throws IOException {
        CliRun run = CliRun.of("optimize", "--json", "--top", "100000", "--vendors", "amd", "--precision-floor", "fp8", "--max-gpus", "4",
                "--price", "mi355x-288gb=3.5", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode configurations = JsonSupport.mapper().readTree(run.out()).path("configurations");
        assertTrue(configurations.size() > 0);
        boolean priced = false;
        for (JsonNode c : configurations) {
            assertTrue(c.path("accelerator").asText().startsWith("mi"), c.toString());
            assertFalse(c.path("weightPrecision").asText().equals("fp4") || c.path("kvPrecision").asText().equals("fp4"), c.toString());
            assertTrue(c.path("gpusPerReplica").asInt() <= 4);
            assertFalse(c.path("servingStack").asText().equals("tensorrt-llm"));
            priced |= c.path("accelerator").asText().equals("mi355x-288gb") && c.path("priceSource").asText().equals("your price");
        }
        assertTrue(priced, "--price gives an unpriced part a rate");
        CliRun one = CliRun.of("optimize", "--accelerators", "H100-SXM", "--top", "3", CHAT);
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().contains("on 1 parts") || one.out().contains("on 1 part"), one.out());
    }

    @Test
    void csvHasAHeaderAndOneRowPerConfiguration() {
        CliRun run = CliRun.of("optimize", "--csv", "--top", "4", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\\R");
        assertEquals(String.join(",", OptimizeCommand.CSV_COLUMNS), lines[0]);
        assertEquals(5, lines.length);
        assertFalse(run.out().contains("E-") || run.out().contains("E1"), "plain numbers");
    }

    @Test
    void theSummaryNamesThePartsWithoutAPrice() {
        CliRun run = CliRun.of("optimize", CHAT);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("No price: set one"), run.out());
        assertFalse(run.out().contains("Disaggregated rows"), "disaggregated pools are searched only when asked for");
        CliRun disaggregated = CliRun.of("optimize", CHAT, "--disaggregated", "--simulate-top", "0");
        assertEquals(0, disaggregated.exitCode(), disaggregated.err());
        assertTrue(disaggregated.out().contains("Disaggregated rows: GPUs = prefill pool + decode pool = total"), disaggregated.out());
    }

    @Test
    void badInputIsAOneLineErrorNamingTheOption() {
        record Case(String[] args, String option, String allowed) {
        }
        for (Case c : List.of(
                new Case(new String[] {"--precision-floor", "int3"}, "--precision-floor", "bf16, fp8, fp4"),
                new Case(new String[] {"--max-gpus", "145"}, "--max-gpus", "1 to 144"),
                new Case(new String[] {"--top", "0"}, "--top", "1 to 100000"),
                new Case(new String[] {"--accelerators", "H900"}, "--accelerators", "known:"),
                new Case(new String[] {"--vendors", "acme"}, "--vendors", "one of"),
                new Case(new String[] {"--price", "h100-sxm-80gb=free"}, "--price", "USD"))) {
            String[] args = Stream.concat(Stream.of("optimize"), Stream.concat(Stream.of(c.args()), Stream.of(CHAT))).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertEquals(ExitCodes.INPUT_ERROR, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(c.option()) && run.err().contains(c.allowed()), run.err());
        }
        CliRun missing = CliRun.of("optimize", "no-such-file.json");
        assertEquals(ExitCodes.INPUT_ERROR, missing.exitCode());
    }
}
