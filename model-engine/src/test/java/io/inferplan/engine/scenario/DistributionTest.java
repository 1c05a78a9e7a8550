package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Distributions in place of numbers: their quantiles, the file format, and the messages for impossible ones. */
class DistributionTest {
    @Test
    void quantilesOfKnownDistributions() {
        assertEquals(2.5, new Distribution.Uniform(2, 3).quantile(0.5), 1e-12);
        // Triangular 0/1/2: F(x) = x^2/2 below the mode, so u = 0.125 is x = 0.5.
        assertEquals(0.5, new Distribution.Triangular(0, 1, 2).quantile(0.125), 1e-12);
        assertEquals(1.5, new Distribution.Triangular(0, 1, 2).quantile(0.875), 1e-12);
        // The tail cut moves a normal's inner percentiles by well under 1% of its spread.
        Distribution.Normal normal = new Distribution.Normal(10, 20, null, null);
        assertEquals(15, normal.quantile(0.5), 1e-6);
        assertEquals(10, normal.quantile(0.1), 0.05);
        assertEquals(20, normal.quantile(0.9), 0.05);
        Distribution.LogNormal log = new Distribution.LogNormal(0.5, 2, null, null);
        assertEquals(1, log.quantile(0.5), 1e-6);
        assertEquals(0.5, log.quantile(0.1), 0.01);
        assertEquals(2, log.quantile(0.9), 0.02);
        assertEquals(1, log.value(), 1e-12);
    }

    @Test
    void boundsCutTheTailsAndSupportIsFinite() {
        Distribution.Normal bounded = new Distribution.Normal(0.01, 0.05, 0.0, 0.06);
        assertEquals(0.0, bounded.lowest(), 1e-9);
        assertEquals(0.06, bounded.highest(), 1e-9);
        Distribution.Normal open = new Distribution.Normal(10, 20, null, null);
        assertTrue(Double.isFinite(open.lowest()) && open.lowest() < 10 && open.highest() > 20);
    }

    @Test
    void aFileWithoutDistributionsReadsAsBeforeAndOneWithThemReadsAtTheirValues() {
        Scenario plain = ScenarioJson.read(Fixtures.JSON);
        String uncertain = Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0",
                "\"usdPerGpuHour\": {\"distribution\": \"triangular\", \"min\": 1.5, \"mode\": 2.0, \"max\": 3}");
        assertTrue(!uncertain.equals(Fixtures.JSON), "the fixture has the field");
        assertEquals(plain, ScenarioJson.read(uncertain));
        String withValue = Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0",
                "\"usdPerGpuHour\": {\"distribution\": \"uniform\", \"min\": 1, \"max\": 4, \"value\": 2.0}");
        assertEquals(plain, ScenarioJson.read(withValue));
    }

    @Test
    void theWordAloneChangesNothing() {
        // A source that is the bare word sends the file through the tree path: it must read the same.
        String quoted = Fixtures.JSON.replace("\"sources\": [\"hand-made\"]", "\"sources\": [\"distribution\"]");
        assertTrue(UncertainNumbers.mayHave(quoted));
        assertEquals(ScenarioJson.read(Fixtures.JSON).withName("x").workload(), ScenarioJson.read(quoted).workload());
        assertEquals(java.util.List.of("distribution"), ScenarioJson.read(quoted).sources());
    }

    @Test
    void impossibleDistributionsNameTheFieldAndWhatIsAllowed() {
        assertEquals("cost.usdPerGpuHour.p10: must be at most p90 (2), was 3", message(
                "{\"distribution\": \"normal\", \"p10\": 3, \"p90\": 2}"));
        assertEquals("cost.usdPerGpuHour.min: must be at most max (1), was 3", message(
                "{\"distribution\": \"uniform\", \"min\": 3, \"max\": 1}"));
        assertEquals("cost.usdPerGpuHour.p10: must be greater than 0 for a lognormal, was -1", message(
                "{\"distribution\": \"lognormal\", \"p10\": -1, \"p90\": 2}"));
        assertEquals("cost.usdPerGpuHour.mode: must be from min to max (1 to 2), was 3", message(
                "{\"distribution\": \"triangular\", \"min\": 1, \"mode\": 3, \"max\": 2}"));
        assertEquals("cost.usdPerGpuHour.distribution: must be one of uniform, triangular, normal, lognormal, was \"beta\"",
                message("{\"distribution\": \"beta\", \"min\": 1, \"max\": 2}"));
        assertEquals("cost.usdPerGpuHour.mode: is not a field of a uniform distribution (it takes max, min)", message(
                "{\"distribution\": \"uniform\", \"min\": 1, \"max\": 2, \"mode\": 1.5}"));
        assertEquals("cost.usdPerGpuHour.value: must be within the distribution's range (1 to 2), was 5", message(
                "{\"distribution\": \"uniform\", \"min\": 1, \"max\": 2, \"value\": 5}"));
    }

    private static String message(String distribution) {
        String json = Fixtures.JSON.replace("\"usdPerGpuHour\": 2.0", "\"usdPerGpuHour\": " + distribution);
        return assertThrows(InvalidInputException.class, () -> ScenarioJson.read(json)).getMessage();
    }
}
