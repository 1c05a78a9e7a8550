package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.ServingStack;
import org.junit.jupiter.api.Test;

/** Properties any queueing simulation must have, checked on Llama-3.1-8B on one H100 (467 in, 256 out). */
class SimPropertiesTest {
    private static final SimulatedReplica TRT = SimFixtures.llama8b(ServingStack.TENSORRT_LLM);
    private static final SimulatedReplica VLLM = SimFixtures.llama8b(ServingStack.VLLM);

    private static SimulationResult run(SimulatedReplica replica, double rate, int count, long seed) {
        RequestSet requests = SimFixtures.poisson(rate, count, 467, 256, seed);
        return replica.simulate(requests, requests.arrivalSeconds()[count - 1] * 0.1, null);
    }

    @Test
    void littlesLawHolds() {
        for (SimulatedReplica replica : new SimulatedReplica[] {TRT, VLLM}) {
            SimulationResult result = run(replica, 12, 20_000, 1);
            SimulationRun run = result.run();
            SimulationSummary s = result.summary();
            assertFalse(s.overloaded(), s.overloadReason());
            // L = time-average of requests in the system over the measured window; lambda W from the requests.
            double start = s.warmupSeconds();
            double end = run.requests().arrivalSeconds()[run.requests().size() - 1];
            double sum = 0;
            int samples = 0;
            for (int i = 0; i < run.sampleSeconds().length; i++) {
                if (run.sampleSeconds()[i] >= start && run.sampleSeconds()[i] <= end) {
                    sum += run.sampleRunning()[i] + run.sampleWaiting()[i];
                    samples++;
                }
            }
            double inSystem = sum / samples;
            double lambdaW = s.offeredRequestsPerSecond() * s.e2e().meanSeconds();
            assertEquals(lambdaW, inSystem, 0.05 * lambdaW, "Little's law: L " + inSystem + " vs lambda W " + lambdaW);
        }
    }

    @Test
    void throughputNeverExceedsTheSteadyStateMaximum() {
        for (SimulatedReplica replica : new SimulatedReplica[] {TRT, VLLM}) {
            double max = replica.steadyStateMaxRequestsPerSecond();
            SimulationSummary s = run(replica, 2 * max, 20_000, 2).summary();
            assertTrue(s.overloaded(), "twice the steady-state maximum must overload");
            assertTrue(s.achievedRequestsPerSecond() <= max * 1.02,
                    s.achievedRequestsPerSecond() + " requests/s achieved, steady-state maximum " + max);
            assertTrue(s.achievedRequestsPerSecond() >= max * 0.6, "a saturated replica still serves near its maximum: "
                    + s.achievedRequestsPerSecond() + " of " + max);
        }
    }

    @Test
    void percentilesAreOrdered() {
        SimulationSummary s = run(TRT, 10, 5_000, 3).summary();
        for (LatencyStats stats : new LatencyStats[] {s.queue(), s.ttft(), s.tpot(), s.e2e()}) {
            assertTrue(stats.p50Seconds() <= stats.p90Seconds());
            assertTrue(stats.p90Seconds() <= stats.p99Seconds());
            assertTrue(stats.p99Seconds() <= stats.p999Seconds());
            assertTrue(stats.p999Seconds() <= stats.maxSeconds());
        }
        assertTrue(s.ttft().p50Seconds() > 0);
    }

    @Test
    void aLowerRateNeverGivesAWorseP99() {
        double[] rates = {2, 5, 10, 15, 20};
        double previousTtft = 0;
        double previousTpot = 0;
        for (double rate : rates) {
            SimulationSummary s = run(VLLM, rate, 6_000, 4).summary();
            assertFalse(s.overloaded(), "rate " + rate + ": " + s.overloadReason());
            assertTrue(s.ttft().p99Seconds() >= previousTtft * 0.95, "p99 TTFT fell from " + previousTtft + " at rate " + rate);
            assertTrue(s.tpot().p99Seconds() >= previousTpot * 0.95, "p99 TPOT fell from " + previousTpot + " at rate " + rate);
            previousTtft = s.ttft().p99Seconds();
            previousTpot = s.tpot().p99Seconds();
        }
    }

    @Test
    void theSameSeedGivesTheSameAnswer() {
        assertEquals(run(VLLM, 10, 3_000, 7).summary(), run(VLLM, 10, 3_000, 7).summary());
        SimulationSummary other = run(VLLM, 10, 3_000, 8).summary();
        assertTrue(other.ttft().meanSeconds() != run(VLLM, 10, 3_000, 7).summary().ttft().meanSeconds());
    }

    @Test
    void tokensAreConserved() {
        SimulationResult result = run(VLLM, 30, 5_000, 9);
        SimulationRun run = result.run();
        for (int i = 0; i < run.requests().size(); i++) {
            double arrival = run.requests().arrivalSeconds()[i];
            assertTrue(run.firstScheduledSeconds()[i] >= arrival);
            assertTrue(run.firstTokenSeconds()[i] > run.firstScheduledSeconds()[i]);
            assertTrue(run.finishSeconds()[i] >= run.firstTokenSeconds()[i]);
        }
    }
}
