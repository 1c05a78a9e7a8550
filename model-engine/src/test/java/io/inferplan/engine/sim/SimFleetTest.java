package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.ServingStack;
import org.junit.jupiter.api.Test;

/** Replicas behind a router, simulated together. */
class SimFleetTest {
    private static final SimulatedReplica VLLM = SimFixtures.llama8b(ServingStack.VLLM);

    @Test
    void aFleetOfOneIsTheReplica() {
        RequestSet requests = SimFixtures.poisson(12, 4_000, 467, 256, 5);
        SimulationSummary alone = VLLM.simulate(requests, 30, null).summary();
        SimulationSummary fleet = VLLM.simulateFleet(requests, 1, ReplicaSimulator.Router.ROUND_ROBIN, 30, null).summary();
        assertEquals(alone.ttft(), fleet.ttft());
        assertEquals(alone.tpot(), fleet.tpot());
        assertEquals(alone.steps(), fleet.steps());
    }

    @Test
    void leastOutstandingWorkBeatsRoundRobinOnVariedRequests() {
        LengthDistribution input = LengthDistribution.of("input", 1500, 3000);
        LengthDistribution output = LengthDistribution.of("output", 300, 600);
        RequestSet requests = RequestSet.generate(new ArrivalProcess.Gamma(40, 2), input, output, 12_000, 0, 3);
        double warmup = requests.arrivalSeconds()[requests.size() - 1] * 0.1;
        SimulationSummary rr = VLLM.simulateFleet(requests, 4, ReplicaSimulator.Router.ROUND_ROBIN, warmup, null).summary();
        SimulationSummary low = VLLM.simulateFleet(requests, 4, ReplicaSimulator.Router.LEAST_OUTSTANDING_TOKENS, warmup, null).summary();
        assertTrue(low.ttft().p99Seconds() < rr.ttft().p99Seconds(), low.ttft() + " vs " + rr.ttft());
        assertEquals(rr.requestsMeasured(), low.requestsMeasured());
    }

    @Test
    void fourReplicasServeFourTimesTheRate() {
        RequestSet one = SimFixtures.poisson(10, 4_000, 467, 256, 1);
        RequestSet four = SimFixtures.poisson(40, 16_000, 467, 256, 1);
        SimulationSummary single = VLLM.simulate(one, 40, null).summary();
        SimulationSummary fleet = VLLM.simulateFleet(four, 4, ReplicaSimulator.Router.ROUND_ROBIN, 40, null).summary();
        assertEquals(4 * single.achievedRequestsPerSecond(), fleet.achievedRequestsPerSecond(), 0.1 * fleet.achievedRequestsPerSecond());
        // Round robin smooths each replica's arrivals (Erlang-4 gaps, not exponential): no worse a tail than one Poisson replica.
        assertTrue(fleet.ttft().p99Seconds() <= single.ttft().p99Seconds() * 1.1, fleet.ttft() + " vs " + single.ttft());
    }
}
