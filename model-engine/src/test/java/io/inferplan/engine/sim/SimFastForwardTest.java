package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.ServingStack;
import org.junit.jupiter.api.Test;

/** Pure-decode steps run together give exactly the run stepped one step at a time. */
class SimFastForwardTest {

    private static void assertSameRun(SimulatedReplica replica, SchedulerPolicy policy, RequestSet requests) {
        ReplicaSimulator together = simulator(replica, policy);
        ReplicaSimulator oneByOne = simulator(replica, policy);
        oneByOne.fastForward = false;
        SimulationRun a = together.run(requests, 0.5);
        SimulationRun b = oneByOne.run(requests, 0.5);
        assertEquals(b.steps(), a.steps());
        assertEquals(b.preemptions(), a.preemptions());
        assertEquals(b.swapOuts(), a.swapOuts());
        assertEquals(b.prefillTokens(), a.prefillTokens());
        assertEquals(b.endSeconds(), a.endSeconds());
        assertArrayEquals(b.firstScheduledSeconds(), a.firstScheduledSeconds());
        assertArrayEquals(b.firstTokenSeconds(), a.firstTokenSeconds());
        assertArrayEquals(b.finishSeconds(), a.finishSeconds());
        assertArrayEquals(b.preemptionsPerRequest(), a.preemptionsPerRequest());
        assertArrayEquals(b.sampleSeconds(), a.sampleSeconds());
        assertArrayEquals(b.sampleKvShare(), a.sampleKvShare());
        assertArrayEquals(b.sampleRunning(), a.sampleRunning());
        assertArrayEquals(b.sampleWaiting(), a.sampleWaiting());
        assertTrue(a.steps() > requests.size(), "many steps per request");
    }

    private static ReplicaSimulator simulator(SimulatedReplica replica, SchedulerPolicy policy) {
        return replica.withPolicy(policy).simulator();
    }

    @Test
    void mixedBatchesAtModerateLoad() {
        SimulatedReplica replica = SimFixtures.llama8b(ServingStack.VLLM);
        assertSameRun(replica, replica.policy(), SimFixtures.poisson(8, 600, 467, 256, 5));
    }

    @Test
    void prefillFirstBatchesWithOneTokenPagesAndLongReplies() {
        SimulatedReplica replica = SimFixtures.llama8b(ServingStack.SGLANG);
        RequestSet requests = RequestSet.generateStratified(new ArrivalProcess.Poisson(2), LengthDistribution.of("in", 800, 2000),
                LengthDistribution.of("out", 3000, 6000), 300, 0.3, 7);
        assertSameRun(replica, replica.policy(), requests);
    }

    @Test
    void aCacheThatFillsWithRecomputeAndWithSwap() {
        SimulatedReplica replica = SimFixtures.replica("Llama-3.1-70B", 2, ServingStack.VLLM, 2000, 1000);
        RequestSet requests = SimFixtures.poisson(50, 400, 2000, 1000, 1);
        assertSameRun(replica, replica.policy(), requests);
        assertSameRun(replica, replica.policy().withPreemption(SchedulerPolicy.Preemption.SWAP, 1e9), requests);
    }

    @Test
    void overloadedWithAQueueBehindAFullBatchOrAFullCache() {
        SimulatedReplica vllm = SimFixtures.llama8b(ServingStack.VLLM);
        // 16 sequences at most: the queue waits on the sequence limit.
        assertSameRun(vllm, vllm.policy().withMaxSequences(16), SimFixtures.poisson(20, 500, 467, 256, 2));
        // SGLang with long replies far past its capacity: the queue waits on KV headroom (its new-token ratio).
        SimulatedReplica sglang = SimFixtures.llama8b(ServingStack.SGLANG);
        RequestSet requests = RequestSet.generateStratified(new ArrivalProcess.Poisson(30), LengthDistribution.of("in", 1000, 2000),
                LengthDistribution.of("out", 2000, 4000), 400, 0.2, 11);
        SimulationRun run = sglang.simulator().run(requests, 0.5);
        assertTrue(java.util.Arrays.stream(run.sampleWaiting()).max().orElse(0) > 50, "a queue builds");
        assertSameRun(sglang, sglang.policy(), requests);
        assertSameRun(sglang, sglang.policy().withPreemption(SchedulerPolicy.Preemption.SWAP, 1e9), requests);
    }

    @Test
    void aClosedLoop() {
        SimulatedReplica replica = SimFixtures.llama8b(ServingStack.TENSORRT_LLM);
        RequestSet requests = RequestSet.generate(new ArrivalProcess.ClosedLoop(16), new LengthDistribution.Fixed(500),
                LengthDistribution.of("out", 300, 600), 400, 0, 3);
        assertSameRun(replica, replica.policy(), requests);
    }
}
