package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.perf.ServingStack;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Preemption by swap to host memory beside recompute: completions kept, prefill work saved, copies timed, space bounded. */
class SimSwapTest {

    /** Llama-3.1-70B in BF16 on two H100s: a KV cache that fills at 50 requests/s of 2000 + 1000 tokens. */
    private static SimulatedReplica tight() {
        return SimFixtures.replica("Llama-3.1-70B", 2, ServingStack.VLLM, 2000, 1000);
    }

    private static SimulationRun run(SimulatedReplica replica, SchedulerPolicy policy) {
        return replica.withPolicy(policy).simulate(SimFixtures.poisson(50, 600, 2000, 1000, 1), 0, null).run();
    }

    private static long promptTokens(SimulationRun run) {
        return Arrays.stream(run.requests().inputTokens()).asLongStream().sum();
    }

    @Test
    void everyStackRecomputesByDefault() {
        for (ServingStack stack : ServingStack.values()) {
            assertEquals(SchedulerPolicy.Preemption.RECOMPUTE, SchedulerPolicy.defaults(stack, 256, 80e9).preemption(), stack.name());
        }
    }

    @Test
    void swapKeepsEveryCompletionAndComputesLessPrefillThanRecompute() {
        SimulatedReplica replica = tight();
        SchedulerPolicy recomputePolicy = replica.policy();
        SchedulerPolicy swapPolicy = recomputePolicy.withPreemption(SchedulerPolicy.Preemption.SWAP,
                SchedulerPolicy.DEFAULT_SWAP_SPACE_BYTES_PER_GPU);
        SimulationRun recompute = run(replica, recomputePolicy);
        SimulationRun swap = run(replica, swapPolicy);
        assertTrue(recompute.preemptions() > 0 && swap.preemptions() > 0, "the cache fills under both");
        assertEquals(0, recompute.swapOuts());
        assertTrue(swap.swapOuts() > 0, "swap outs " + swap.swapOuts());
        for (double finish : swap.finishSeconds()) {
            assertTrue(Double.isFinite(finish), "every request completes");
        }
        // Each prompt is computed once at least; recompute repeats preempted prompts and generated tokens, swap not.
        assertTrue(recompute.prefillTokens() > promptTokens(recompute), "recompute re-prefills");
        assertTrue(swap.prefillTokens() >= promptTokens(swap));
        assertTrue(swap.prefillTokens() < recompute.prefillTokens(),
                "swap prefill " + swap.prefillTokens() + " vs recompute " + recompute.prefillTokens());
        assertTrue(swap.swapSeconds() > 0, "copies over the host link take time");
    }

    /** A constant-time engine: one step is 10 ms whatever it holds, so only the copies differ between two runs. */
    private static SimulationRun constantSteps(double secondsPerBlock, long swapBlocks) {
        SchedulerPolicy policy = new SchedulerPolicy("test", 64, 4096, true, true, 16, 0, 0, "test")
                .withPreemption(SchedulerPolicy.Preemption.SWAP, 1);
        ReplicaSimulator simulator = new ReplicaSimulator((p, pc, d, dc) -> 0.010, policy, 16 * 200, 1,
                swapBlocks, secondsPerBlock);
        return simulator.run(SimFixtures.poisson(20, 200, 1000, 400, 3), 1);
    }

    @Test
    void transferTimeShowsInLatency() {
        SimulationRun free = constantSteps(0, 10_000);
        SimulationRun slow = constantSteps(0.002, 10_000);
        assertTrue(free.swapOuts() > 0, "the 200-block cache fills");
        assertEquals(0, free.swapSeconds());
        // Every swap-out and swap-in copies its blocks: at least 2 ms per block each way.
        assertTrue(slow.swapSeconds() >= 0.002 * 2 * slow.swapOuts() * (1000 / 16), "swap seconds " + slow.swapSeconds());
        double freeE2e = meanE2e(free);
        double slowE2e = meanE2e(slow);
        assertTrue(slowE2e > freeE2e * 1.05, "E2E " + slowE2e + " s with copies vs " + freeE2e + " s without");
        assertTrue(meanTtft(slow) > meanTtft(free), "arrivals wait behind steps that copy");
    }

    @Test
    void aFullSwapSpaceFallsBackToRecompute() {
        SimulationRun none = constantSteps(0.001, 0);
        SchedulerPolicy recompute = new SchedulerPolicy("test", 64, 4096, true, true, 16, 0, 0, "test");
        SimulationRun plain = new ReplicaSimulator((p, pc, d, dc) -> 0.010, recompute, 16 * 200, 1)
                .run(SimFixtures.poisson(20, 200, 1000, 400, 3), 1);
        // No swap space: exactly recompute.
        assertEquals(0, none.swapOuts());
        assertEquals(plain.preemptions(), none.preemptions());
        assertEquals(plain.prefillTokens(), none.prefillTokens());
        assertArrayEquals(plain.finishSeconds(), none.finishSeconds());
        // Room for 64 blocks (a preempted sequence holds 63 to 88): some preemptions swap, the rest recompute.
        SimulationRun small = constantSteps(0.001, 64);
        assertTrue(small.swapOuts() > 0 && small.swapOuts() < small.preemptions(),
                small.swapOuts() + " swapped of " + small.preemptions());
        assertTrue(small.prefillTokens() > promptTokens(small), "the fallback recomputes");
        for (double finish : small.finishSeconds()) {
            assertTrue(Double.isFinite(finish));
        }
    }

    @Test
    void swapSpaceIsValidated() {
        SchedulerPolicy policy = tight().policy();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> policy.withPreemption(SchedulerPolicy.Preemption.SWAP, -1));
        assertTrue(e.getMessage().contains("scheduler.swapSpaceBytesPerGpu"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> policy.withPreemption(null, 1));
    }

    @Test
    void swapSpaceInBlocksFollowsTheKvShardAndTheHostLinkThePart() {
        SimulatedReplica replica = tight();
        SchedulerPolicy swap = replica.policy().withPreemption(SchedulerPolicy.Preemption.SWAP, 4.0 * (1L << 30));
        double blockBytes = replica.kvBytesPerTokenPerGpu() * 16;
        assertEquals(Math.floor(4.0 * (1L << 30) / blockBytes), replica.swapSpaceBlocks(swap), 0.0);
        assertEquals(0, replica.swapSpaceBlocks(replica.policy()));
        assertEquals(HostLink.PCIE5_X16_BYTES_PER_SECOND, replica.hostLinkBytesPerSecondPerGpu(), 0.0);
    }

    private static double meanE2e(SimulationRun run) {
        double sum = 0;
        for (int i = 0; i < run.requests().size(); i++) {
            sum += run.e2eSeconds(i);
        }
        return sum / run.requests().size();
    }

    private static double meanTtft(SimulationRun run) {
        double sum = 0;
        for (int i = 0; i < run.requests().size(); i++) {
            sum += run.ttftSeconds(i);
        }
        return sum / run.requests().size();
    }
}
