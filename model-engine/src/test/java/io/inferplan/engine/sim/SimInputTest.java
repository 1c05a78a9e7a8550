package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.perf.ServingStack;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Traces, arrival processes and length distributions; bad input names its row or field. */
class SimInputTest {
    private static String error(String csv) {
        return assertThrows(InvalidInputException.class, () -> TraceReader.read(new StringReader(csv), "t.csv", 0)).getMessage();
    }

    @Test
    void aTraceIsReadAndReplayed() {
        RequestSet trace = TraceReader.read(new StringReader("arrival_s,input_tokens,output_tokens,prefix_id\n0,100,10,a\n0.5,200,20,b\n"),
                "t.csv", 0);
        assertEquals(2, trace.size());
        assertEquals(0.5, trace.arrivalSeconds()[1]);
        SimulationSummary s = SimFixtures.llama8b(ServingStack.VLLM).simulate(trace, 0, null).summary();
        assertEquals(2, s.requestsMeasured());
    }

    @Test
    void badTraceRowsAreNamed() {
        assertEquals("t.csv row 3 arrival_s: must not be negative, was -1", error("arrival_s,input_tokens,output_tokens\n0,1,1\n-1,1,1\n"));
        assertTrue(error("arrival_s,input_tokens,output_tokens\n2,1,1\n1,1,1\n").startsWith("t.csv row 3 arrival_s: rows must be sorted"));
        assertTrue(error("arrival_s,input_tokens,output_tokens\n0,0,1\n").startsWith("t.csv row 2 input_tokens: must be a whole number"));
        assertTrue(error("arrival_s,input_tokens,output_tokens\n0,5,0\n").startsWith("t.csv row 2 output_tokens"));
        assertTrue(error("arrival_s,input_tokens,output_tokens\nsoon,5,1\n").startsWith("t.csv row 2 arrival_s: must be a number"));
        assertTrue(error("time,input_tokens,output_tokens\n").contains("no column arrival_s"));
        assertTrue(error("arrival_s,input_tokens,output_tokens\n").contains("no requests"));
    }

    @Test
    void badRatesAreNamed() {
        assertEquals("requests_per_second: must be greater than 0 and at most 10000000, was -2",
                assertThrows(InvalidInputException.class, () -> new ArrivalProcess.Poisson(-2)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> ArrivalProcess.parse("bursty", 1, 1)).getMessage().startsWith("arrival:"));
    }

    @Test
    void arrivalProcessesHaveTheirRateAndVariability() {
        for (ArrivalProcess process : new ArrivalProcess[] {new ArrivalProcess.Poisson(10), new ArrivalProcess.Gamma(10, 3),
                new ArrivalProcess.Gamma(10, 0.5), new ArrivalProcess.Constant(10)}) {
            SplittableRandom random = new SplittableRandom(1);
            int n = 200_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double gap = process.nextGapSeconds(random);
                sum += gap;
                squares += gap * gap;
            }
            double mean = sum / n;
            double cv = Math.sqrt(squares / n - mean * mean) / mean;
            double expectedCv = switch (process) {
                case ArrivalProcess.Gamma g -> g.cv();
                case ArrivalProcess.Constant c -> 0;
                default -> 1;
            };
            assertEquals(0.1, mean, 0.003, process.toString());
            assertEquals(expectedCv, cv, 0.05 * Math.max(1, expectedCv), process.toString());
        }
    }

    @Test
    void aDiurnalLoadAveragesItsRateAndPeaksAtItsHour() {
        ArrivalProcess.Diurnal day = new ArrivalProcess.Diurnal(20, 3, 14);
        assertEquals(60, day.requestsPerSecondAt(14 * 3600), 1e-9);
        // The shape's mean over a day is 1: numerically, the rate averaged over the day is the average asked for.
        double sum = 0;
        for (int s = 0; s < 86_400; s += 10) {
            sum += day.requestsPerSecondAt(s);
        }
        assertEquals(20, sum / 8_640, 1e-6);
        assertEquals(1, ArrivalProcess.Diurnal.peakOverMean(ArrivalProcess.Diurnal.concentrationFor(1)), 1e-9);
        assertEquals(50, ArrivalProcess.Diurnal.peakOverMean(ArrivalProcess.Diurnal.concentrationFor(50)), 1e-6);
        RequestSet requests = RequestSet.forDuration(day, new LengthDistribution.Fixed(100), new LengthDistribution.Fixed(10),
                86_400, 0, 3);
        assertEquals(20 * 86_400, requests.size(), 20 * 86_400 * 0.01);
        int peakHour = 0;
        int nightHour = 0;
        for (double t : requests.arrivalSeconds()) {
            peakHour += t >= 13.5 * 3600 && t < 14.5 * 3600 ? 1 : 0;
            nightHour += t >= 1.5 * 3600 && t < 2.5 * 3600 ? 1 : 0;
        }
        assertEquals(59.3 * 3600, peakHour, 59.3 * 3600 * 0.03);
        assertEquals(day.requestsPerSecondAt(2 * 3600) * 3600, nightHour, 250);
        assertTrue(nightHour < peakHour / 10, nightHour + " at night, " + peakHour + " at the peak");
        assertTrue(assertThrows(InvalidInputException.class, () -> new ArrivalProcess.Diurnal(20, 0.5, 14)).getMessage()
                .startsWith("peak_to_average: must be a number from 1 to 100"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new ArrivalProcess.Diurnal(20, 3, 25)).getMessage()
                .startsWith("peak_hour"));
    }

    @Test
    void quantilesAndStratifiedLengths() {
        assertEquals(1.959963985, io.inferplan.engine.Statistics.normalQuantile(0.975), 1e-8);
        assertEquals(-2.326347874, io.inferplan.engine.Statistics.normalQuantile(0.01), 1e-8);
        assertEquals(0, io.inferplan.engine.Statistics.normalQuantile(0.5), 1e-12);
        LengthDistribution d = LengthDistribution.of("outputTokens", 500, 1000);
        assertEquals(1000, d.quantile(0.9), 1);
        assertEquals(7, new LengthDistribution.Fixed(7).quantile(0.999));
        ArrivalProcess poisson = new ArrivalProcess.Poisson(5);
        RequestSet a = RequestSet.generateStratified(poisson, d, d, 4000, 0.5, 1);
        RequestSet b = RequestSet.generateStratified(poisson, d, d, 4000, 0.5, 2);
        // The same lengths in another order: the mean and the p90 exactly the distribution's, whatever the seed.
        int[] sortedA = a.outputTokens().clone();
        int[] sortedB = b.outputTokens().clone();
        java.util.Arrays.sort(sortedA);
        java.util.Arrays.sort(sortedB);
        assertTrue(java.util.Arrays.equals(sortedA, sortedB));
        assertTrue(!java.util.Arrays.equals(a.outputTokens(), b.outputTokens()));
        assertEquals(500, java.util.Arrays.stream(sortedA).average().orElseThrow(), 5);
        assertEquals(1000, sortedA[3600], 2);
        // Arrivals are generate()'s: the same seed and rate give the same times.
        RequestSet plain = RequestSet.generate(poisson, d, d, 4000, 0.5, 1);
        assertTrue(java.util.Arrays.equals(plain.arrivalSeconds(), a.arrivalSeconds()));
        assertEquals(a.inputTokens()[0] / 2, a.cachedInputTokens()[0]);
        assertThrows(InvalidInputException.class, () -> RequestSet.generateStratified(new ArrivalProcess.ClosedLoop(4), d, d, 10, 0, 1));
    }

    @Test
    void lognormalLengthsMatchTheMeanAndP90() {
        LengthDistribution d = LengthDistribution.of("outputTokens", 500, 1000);
        SplittableRandom random = new SplittableRandom(1);
        int n = 200_000;
        int[] draws = new int[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            draws[i] = d.sample(random);
            sum += draws[i];
        }
        java.util.Arrays.sort(draws);
        assertEquals(500, sum / n, 5);
        assertEquals(1000, draws[(int) (0.9 * n)], 15);
        // No lognormal has p90 = 10 x mean: the mean is kept, the tail is the widest a lognormal has.
        LengthDistribution wide = LengthDistribution.of("outputTokens", 100, 1000);
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            draws[i] = wide.sample(random);
            sum2 += draws[i];
        }
        java.util.Arrays.sort(draws);
        assertEquals(100, sum2 / n, 3);
        assertEquals(227, draws[(int) (0.9 * n)], 10);
    }

    @Test
    void aRequestLargerThanTheCacheIsRefused() {
        RequestSet huge = SimFixtures.poisson(1, 1, 2_000_000, 10, 1);
        String message = assertThrows(InvalidInputException.class,
                () -> SimFixtures.llama8b(ServingStack.VLLM).simulate(huge, 0, null)).getMessage();
        assertTrue(message.startsWith("request 1: 2000000 + 10 tokens need"), message);
    }

    @Test
    void requestsOutOfArrivalOrderAreRefused() {
        RequestSet unsorted = new RequestSet(new double[] {1, 0.5}, new int[] {10, 10}, new int[] {5, 5}, new int[] {0, 0}, 0);
        String message = assertThrows(InvalidInputException.class,
                () -> SimFixtures.llama8b(ServingStack.VLLM).simulate(unsorted, 0, null)).getMessage();
        assertEquals("request 2 arrival: requests must be in arrival order: 0.5 comes after 1.0", message);
    }
}
