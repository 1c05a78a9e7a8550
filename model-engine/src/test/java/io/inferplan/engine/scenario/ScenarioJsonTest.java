package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.RentalTerm;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {

    private static InvalidInputException rejected(String json) {
        return assertThrows(InvalidInputException.class, () -> Fixtures.RESOLVER.resolve(ScenarioJson.read(json)));
    }

    @Test
    void readsAndRoundTrips() {
        Scenario scenario = ScenarioJson.read(Fixtures.JSON);
        assertEquals("Test chat", scenario.name());
        assertEquals(new CostModel.Rent(RentalTerm.ON_DEMAND, 2.0, ""), scenario.cost());
        assertEquals(900 * 0.1, scenario.workload().requestTokens().cachedInputTokens(), 1e-9);
        assertEquals(12, scenario.projection().months());
        assertEquals(scenario, ScenarioJson.read(ScenarioJson.write(scenario)));
    }

    @Test
    void latencyTargetsNamePercentilesAndDefaultToP99() {
        var old = ScenarioJson.read(Fixtures.JSON).workload().latency();
        assertEquals(0.99, old.ttftQuantile());
        assertEquals(0.99, old.tpotQuantile());
        // A file that names no percentile is written back without one (old files stay as they were).
        assertTrue(!ScenarioJson.write(ScenarioJson.read(Fixtures.JSON)).contains("Percentile"));
        String named = Fixtures.JSON.replace("\"maxTimePerOutputTokenSeconds\": 0.05}",
                "\"maxTimePerOutputTokenSeconds\": 0.05, \"timeToFirstTokenPercentile\": \"p90\", \"timePerOutputTokenPercentile\": \"P50\"}");
        Scenario scenario = ScenarioJson.read(named);
        assertEquals(0.9, scenario.workload().latency().ttftQuantile());
        assertEquals(0.5, scenario.workload().latency().tpotQuantile());
        assertEquals("p50", scenario.workload().latency().timePerOutputTokenPercentile());
        assertEquals(scenario, ScenarioJson.read(ScenarioJson.write(scenario)));
    }

    @Test
    void anUnknownPercentileNamesTheFieldAndTheAllowedValues() {
        var e = rejected(Fixtures.JSON.replace("\"maxTimePerOutputTokenSeconds\": 0.05}",
                "\"maxTimePerOutputTokenSeconds\": 0.05, \"timePerOutputTokenPercentile\": \"p95\"}"));
        assertEquals("workload.latency.timePerOutputTokenPercentile", e.field());
        assertTrue(e.getMessage().contains("p50, p90, p99, p99.9"), e.getMessage());
        assertTrue(e.getMessage().contains("'p95'"), e.getMessage());
    }

    @Test
    void namesTheFieldPathOfAnOutOfRangeValue() {
        var e = rejected(Fixtures.JSON.replace("\"peakRequestsPerSecond\": 20", "\"peakRequestsPerSecond\": -5"));
        assertEquals("workload.peakRequestsPerSecond", e.field());
        assertTrue(e.getMessage().contains("greater than 0"), e.getMessage());
    }

    @Test
    void rejectsAPeakBelowTheAverage() {
        var e = rejected(Fixtures.JSON.replace("\"peakRequestsPerSecond\": 20", "\"peakRequestsPerSecond\": 5"));
        assertEquals("workload.peakRequestsPerSecond", e.field());
    }

    @Test
    void rejectsMisspeltFields() {
        var e = rejected(Fixtures.JSON.replace("\"usdPerGpuHour\"", "\"usdPerGPUHour\""));
        // Jackson notices the required field missing before the misspelt one: either names the spot.
        assertTrue(e.field().startsWith("cost.usdPerG"), e.getMessage());
        e = rejected(Fixtures.JSON.replace("\"promptCacheHitRate\"", "\"promptCacheHitrate\""));
        assertEquals("workload.promptCacheHitrate", e.field());
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    }

    @Test
    void rejectsWrongTypes() {
        var e = rejected(Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": \"two\""));
        assertEquals("cost.usdPerGpuHour", e.field());
    }

    @Test
    void rejectsMissingRequiredFields() {
        var e = rejected(Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0", "\"term\": \"spot\"").replace("\"term\": \"on-demand\", ", ""));
        assertEquals("cost.usdPerGpuHour", e.field());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
        e = rejected(Fixtures.JSON.replace("\"schemaVersion\": 1,", ""));
        assertEquals("schemaVersion", e.field());
    }

    @Test
    void rejectsTierSharesThatDoNotAddUp() {
        var e = rejected(Fixtures.JSON.replace("\"trafficShare\": 1.0", "\"trafficShare\": 0.7"));
        assertEquals("pricing.tiers", e.field());
    }

    @Test
    void rejectsUnknownNames() {
        var e = rejected(Fixtures.JSON.replace("\"accelerator\": \"test-gpu\"", "\"accelerator\": \"H900\""));
        assertEquals("deployment.accelerator", e.field());
        assertTrue(e.getMessage().contains("test-gpu"), "lists the known ids: " + e.getMessage());
        e = rejected(Fixtures.JSON.replace("\"model\": \"Llama-3.1-8B\"", "\"model\": \"Llama-9\""));
        assertEquals("deployment.model", e.field());
        e = rejected(Fixtures.JSON.replace("\"basis\": \"rent\"", "\"basis\": \"lease\""));
        assertEquals("cost", e.field());
    }

    @Test
    void rejectsANewerSchemaVersion() {
        var e = rejected(Fixtures.JSON.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        assertEquals("schemaVersion", e.field());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void rejectsNonsenseAndEmptyFiles() {
        assertThrows(InvalidInputException.class, () -> ScenarioJson.read("{ not json"));
        assertThrows(InvalidInputException.class, () -> ScenarioJson.read(""));
        assertThrows(InvalidInputException.class, () -> ScenarioJson.read("[]"));
    }

    @Test
    void demandCanBeGivenAsTokensPerDay() {
        String json = Fixtures.JSON.replace("\"averageRequestsPerSecond\": 10,", "\"tokensPerDay\": 1.2096e9,")
                .replace("\"peakRequestsPerSecond\": 20", "\"peakToAverageRatio\": 2");
        Workload workload = ScenarioJson.read(json).workload();
        // 1.2096e9 tokens a day / 86,400 s / 1,400 tokens per request = 10 requests per second.
        assertEquals(10, workload.averageRps(), 1e-9);
        assertEquals(20, workload.peakRps(), 1e-9);
        var e = rejected(Fixtures.JSON.replace("\"averageRequestsPerSecond\": 10,", "\"averageRequestsPerSecond\": 10, \"tokensPerDay\": 5,"));
        assertEquals("workload.tokensPerDay", e.field());
        assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
    }

    @Test
    void histogramGivesMeanAndP90() {
        var distribution = new TokenDistribution(null, null, java.util.List.of(new HistogramBin(100, 0.5), new HistogramBin(1000, 0.4),
                new HistogramBin(10_000, 0.1)));
        assertEquals(50 + 400 + 1000, distribution.meanTokens(), 1e-9);
        assertEquals(1000, distribution.p90Tokens(), 1e-9);
    }

    @Test
    void agentContextGrowsAcrossTheTask() {
        // 30 calls, first 8,000 tokens, +3,000 a call: mean call 8,000 + 3,000 x 29 / 2 = 51,500.
        TaskShape agent = new TaskShape(30, 3000.0);
        assertEquals(43_500, agent.meanAddedContextTokens(), 1e-9);
    }
}
