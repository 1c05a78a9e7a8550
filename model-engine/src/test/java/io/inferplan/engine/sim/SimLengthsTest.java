package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import io.inferplan.engine.scenario.HistogramBin;
import io.inferplan.engine.scenario.TokenDistribution;
import io.inferplan.engine.scenario.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Empirical (histogram) and normal lengths. */
class SimLengthsTest {
    /** Points 500, 2000, 8000 with shares 0.6, 0.35, 0.05: mean 1,400 tokens, p90 (point) 2000. */
    static final TokenDistribution HISTOGRAM = new TokenDistribution(null, null,
            List.of(new HistogramBin(2000, 0.35), new HistogramBin(500, 0.6), new HistogramBin(8000, 0.05)));

    static LengthDistribution.Empirical empirical(double shiftTokens) {
        double[] tokens = HISTOGRAM.histogram().stream().mapToDouble(HistogramBin::tokens).toArray();
        double[] shares = HISTOGRAM.histogram().stream().mapToDouble(HistogramBin::share).toArray();
        return LengthDistribution.Empirical.of("inputTokens", tokens, shares, shiftTokens);
    }

    static int[] draws(LengthDistribution d, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.sample(random);
        }
        return out;
    }

    static double mean(int[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    static double sd(int[] values) {
        double m = mean(values);
        return Math.sqrt(Arrays.stream(values).mapToDouble(v -> (v - m) * (v - m)).sum() / (values.length - 1));
    }

    /** The bin (index) whose rounded interval holds {@code tokens}, or -1. */
    static int binOf(LengthDistribution.Empirical d, int tokens) {
        double[] low = d.lowTokens();
        double[] high = d.highTokens();
        for (int b = 0; b < low.length; b++) {
            if (tokens >= Math.round(low[b]) && tokens <= Math.round(high[b])) {
                return b;
            }
        }
        return -1;
    }

    @Test
    void theBinsAreIntervalsCentredOnTheHistogramsPointsHalfWayToTheNearerNeighbour() {
        LengthDistribution.Empirical d = empirical(0);
        // 500 would reach half-way to 2000 (750) but not below 1 token: narrowed symmetrically to [1, 999].
        assertArrayEquals(new double[] {1, 1250, 5000}, d.lowTokens(), 1e-9);
        assertArrayEquals(new double[] {999, 2750, 11000}, d.highTokens(), 1e-9);
        assertEquals(HISTOGRAM.meanTokens(), d.meanTokens(), 1e-9);
    }

    @Test
    void drawsMatchTheHistogramsMeanAndP90AndLieInsideTheBins() {
        LengthDistribution.Empirical d = empirical(0);
        int n = 100_000;
        int[] x = draws(d, n, 11);
        // The mean within 4 standard errors of the histogram's (1,400).
        assertEquals(1400, HISTOGRAM.meanTokens(), 1e-9);
        assertEquals(HISTOGRAM.meanTokens(), mean(x), 4 * sd(x) / Math.sqrt(n));
        int[] perBin = new int[3];
        for (int v : x) {
            int b = binOf(d, v);
            assertTrue(b >= 0, v + " lies in no bin " + d);
            perBin[b]++;
        }
        // Each bin drawn at its share (binomial, 4 standard errors).
        double[] share = {0.6, 0.35, 0.05};
        for (int b = 0; b < 3; b++) {
            assertEquals(share[b], perBin[b] / (double) n, 4 * Math.sqrt(share[b] * (1 - share[b]) / n), "bin " + b);
        }
        int[] sorted = x.clone();
        Arrays.sort(sorted);
        int p90 = sorted[(int) (0.9 * n)];
        // The histogram's p90 is its point 2000; the draws' p90 lies in that point's bin, where the inverse CDF puts
        // it: 1250 + (0.9 - 0.6) / 0.35 x 1500 = 2536 (sampling error about 4 tokens at this density).
        assertEquals(2000, HISTOGRAM.p90Tokens(), 1e-9);
        assertEquals(1, binOf(d, p90));
        assertEquals(2536, d.quantile(0.9), 1);
        assertEquals(d.quantile(0.9), p90, 25);
    }

    @Test
    void theSameSeedDrawsTheSameLengths() {
        LengthDistribution.Empirical d = empirical(0);
        assertArrayEquals(draws(d, 1000, 5), draws(d, 1000, 5));
        assertFalse(Arrays.equals(draws(d, 1000, 5), draws(d, 1000, 6)));
    }

    @Test
    void quantilesAreMonotoneAndStratifiedDrawsKeepTheMean() {
        LengthDistribution.Empirical d = empirical(0);
        int previous = 0;
        for (int i = 1; i < 1000; i++) {
            int q = d.quantile(i / 1000.0);
            assertTrue(q >= previous, "quantile " + i / 1000.0);
            assertTrue(binOf(d, q) >= 0, String.valueOf(q));
            previous = q;
        }
        RequestSet stratified = RequestSet.generateStratified(new ArrivalProcess.Poisson(5), d, d, 4000, 0, 1);
        assertEquals(1400, mean(stratified.inputTokens()), 2);
    }

    @Test
    void aShiftMovesEveryBinAndEqualPointsMerge() {
        LengthDistribution.Empirical shifted = empirical(1000);
        assertArrayEquals(new double[] {750, 2250, 6000}, shifted.lowTokens(), 1e-9);
        assertArrayEquals(new double[] {2250, 3750, 12000}, shifted.highTokens(), 1e-9);
        assertEquals(2400, shifted.meanTokens(), 1e-9);
        LengthDistribution.Empirical merged = LengthDistribution.Empirical.of("t", new double[] {100, 100, 300, 50},
                new double[] {0.25, 0.25, 0.5, 0}, 0);
        assertArrayEquals(new double[] {1, 200}, merged.lowTokens(), 1e-9);
        assertArrayEquals(new double[] {199, 400}, merged.highTokens(), 1e-9);
        assertEquals(200, merged.meanTokens(), 1e-9);
        LengthDistribution.Empirical one = LengthDistribution.Empirical.of("t", new double[] {42}, new double[] {1}, 0);
        assertArrayEquals(new int[] {42, 42, 42}, draws(one, 3, 1));
        assertThrows(InvalidInputException.class, () -> LengthDistribution.Empirical.of("t", new double[] {5}, new double[] {0}, 0));
    }

    @Test
    void aScenarioWithAHistogramSimulatesWithTheEmpiricalLengths() {
        String json = SimScenarioTest.JSON.replace("\"inputTokens\": {\"mean\": 800, \"p90\": 2000}",
                "\"inputTokens\": {\"histogram\": [{\"tokens\": 500, \"share\": 0.6}, {\"tokens\": 2000, \"share\": 0.35},"
                        + " {\"tokens\": 8000, \"share\": 0.05}]}");
        assertTrue(json.contains("histogram"));
        ScenarioSimulation sim = SimScenarioTest.simulation(json, 3);
        Workload workload = SimScenarioTest.resolved(json).scenario().workload();
        LengthDistribution.Empirical input = assertInstanceOf(LengthDistribution.Empirical.class,
                ScenarioSimulation.inputLengths(workload));
        assertEquals(1400, input.meanTokens(), 1e-9);
        // Lognormal from mean and p90 stays for the output.
        assertInstanceOf(LengthDistribution.Lognormal.class, ScenarioSimulation.outputLengths(workload));
        List<SimulationResult> runs = sim.prober(SimulationProgress.NONE).runAll(2, SimulationProgress.NONE);
        int seen = 0;
        for (SimulationResult r : runs) {
            for (int tokens : r.run().requests().inputTokens()) {
                assertTrue(binOf(input, tokens) >= 0, tokens + " lies in no bin");
                seen++;
            }
        }
        assertTrue(seen > 1000, String.valueOf(seen));
    }

    @Test
    void reasoningTokensShiftAHistogramOfOutputs() {
        String json = SimScenarioTest.JSON.replace("\"outputTokens\": {\"mean\": 200, \"p90\": 500}",
                "\"outputTokens\": {\"histogram\": [{\"tokens\": 100, \"share\": 0.5}, {\"tokens\": 300, \"share\": 0.5}]},"
                        + " \"reasoningTokens\": {\"mean\": 1000}");
        Workload workload = SimScenarioTest.resolved(json).scenario().workload();
        LengthDistribution.Empirical output = assertInstanceOf(LengthDistribution.Empirical.class,
                ScenarioSimulation.outputLengths(workload));
        assertArrayEquals(new double[] {1000, 1200}, output.lowTokens(), 1e-9);
        assertArrayEquals(new double[] {1200, 1400}, output.highTokens(), 1e-9);
        assertEquals(1200, output.meanTokens(), 1e-9);
    }

    @Test
    void normalLengthsAreTruncatedAtOneToken() {
        assertEquals(0.975, Statistics.normalCdf(1.959963985), 1e-7);
        assertEquals(0.5, Statistics.normalCdf(0), 1e-7);
        assertEquals(0.01, Statistics.normalCdf(-2.326347874), 1e-7);
        int n = 100_000;
        LengthDistribution narrow = LengthDistribution.normal("outputTokens", 300, 50);
        int[] x = draws(narrow, n, 2);
        assertEquals(300, narrow.meanTokens(), 1e-6);
        assertEquals(300, mean(x), 4 * 50 / Math.sqrt(n));
        assertEquals(50, sd(x), 1);
        assertEquals(300 + 50 * 1.2815515655446004, narrow.quantile(0.9), 1);
        // Mean 5, sd 10: most of the left half is cut; the mean is the truncated normal's, well above 5.
        LengthDistribution wide = LengthDistribution.normal("outputTokens", 5, 10);
        int[] y = draws(wide, n, 3);
        assertTrue(Arrays.stream(y).min().orElseThrow() >= 1);
        assertTrue(wide.meanTokens() > 10, String.valueOf(wide.meanTokens()));
        assertEquals(wide.meanTokens(), mean(y), 4 * sd(y) / Math.sqrt(n) + 0.05);
        assertInstanceOf(LengthDistribution.Fixed.class, LengthDistribution.normal("outputTokens", 7, 0));
        assertThrows(InvalidInputException.class, () -> LengthDistribution.normal("outputTokens", 7, -1));
    }
}
