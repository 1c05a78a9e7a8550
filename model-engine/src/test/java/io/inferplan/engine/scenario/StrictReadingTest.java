package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Near-valid files that a lenient reader would take with a silent change of meaning (issue 15). */
class StrictReadingTest {
    private static InvalidInputException rejected(String from, String to) {
        String json = Fixtures.JSON.replace(from, to);
        assertFalse(json.equals(Fixtures.JSON), "the fixture contains " + from);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fixtures.RESOLVER.resolve(ScenarioJson.read(json)));
        assertFalse(e.getMessage().contains("Jackson") || e.getMessage().contains("CoercionConfig")
                || e.getMessage().contains("JsonReadFeature"), "plain words, no library internals: " + e.getMessage());
        return e;
    }

    @Test
    void aRepeatedFieldIsAnErrorNotLastOneWins() {
        var e = rejected("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": 2.0, \"usdPerGpuHour\": 200");
        assertEquals("cost.usdPerGpuHour", e.field());
        assertTrue(e.reason().startsWith("is given twice at line"), e.reason());
    }

    @Test
    void textForANumberIsAnError() {
        var e = rejected("\"tensorParallel\": 1", "\"tensorParallel\": \"1\"");
        assertEquals("deployment.tensorParallel", e.field());
        assertEquals("expected whole number, was text \"1\"", e.reason());
        assertEquals("schemaVersion", rejected("\"schemaVersion\": 1", "\"schemaVersion\": \"1\"").field());
    }

    @Test
    void aNumberForTextIsAnError() {
        var e = rejected("\"name\": \"mid\"", "\"name\": 5");
        assertEquals("pricing.tiers[0].name", e.field());
        assertEquals("expected text, was 5", e.reason());
    }

    @Test
    void emptyTextIsNeverASilentDefault() {
        assertEquals("cost.usdPerGpuHour", rejected("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": \"\"").field());
        assertEquals("name", rejected("\"name\": \"Test chat\"", "\"name\": \"\"").field());
    }

    @Test
    void numbersTooSmallToMeanAnythingAreRejectedWhereTheyEnter() {
        var e = rejected("\"averageRequestsPerSecond\": 10", "\"averageRequestsPerSecond\": 1e-320");
        assertEquals("workload.averageRequestsPerSecond", e.field());
        assertTrue(e.reason().contains("was 1.0E-320"), e.reason());
        assertEquals("cost.usdPerGpuHour", rejected("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": 1e-300").field());
    }

    @Test
    void aFileHoldingNullOrAListSaysWhatItFoundInsteadOfANullPointer() {
        var nothing = assertThrows(InvalidInputException.class, () -> ScenarioJson.read("null"));
        assertEquals("scenario", nothing.field());
        assertEquals("expected a scenario as a JSON object { ... }, found null", nothing.reason());
        var list = assertThrows(InvalidInputException.class, () -> ScenarioJson.read("[]"));
        assertEquals("expected a scenario, found a list [ ... ]", list.reason());
        var workload = rejected("\"workload\": {", "\"workload\": [], \"unused\": {");
        assertEquals("workload", workload.field());
    }

    @Test
    void aRequestCarriesAtLeastOneTokenInAndOneOut() {
        var in = rejected("\"inputTokens\": {\"mean\": 900, \"p90\": 3000}", "\"inputTokens\": {\"mean\": 1e-11}");
        assertEquals("workload.inputTokens.mean", in.field());
        assertTrue(in.reason().startsWith("must be at least 1 token"), in.reason());
        String noReasoning = Fixtures.JSON.replace("\"reasoningTokens\": {\"mean\": 200},", "")
                .replace("\"outputTokens\": {\"mean\": 300}", "\"outputTokens\": {\"mean\": 1e-11}");
        var out = assertThrows(InvalidInputException.class, () -> Fixtures.RESOLVER.resolve(ScenarioJson.read(noReasoning)));
        assertEquals("workload.outputTokens.mean", out.field());
    }
}
