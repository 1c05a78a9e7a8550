package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.ServingStack;
import org.junit.jupiter.api.Test;

/** The schedulers' distinguishing behaviour: reservation, preemption, prefill priority, closed loops, speculation. */
class SimSchedulerTest {

    /** Llama-3.1-70B in BF16 on two H100s leaves about 7 GiB per GPU for KV: a cache that fills. */
    private static SimulatedReplica tight(ServingStack stack) {
        return SimFixtures.replica("Llama-3.1-70B", 2, stack, 2000, 1000);
    }

    @Test
    void vllmPreemptsByRecomputeWhenTheCacheFillsAndEveryRequestStillCompletes() {
        SimulatedReplica replica = tight(ServingStack.VLLM);
        RequestSet requests = SimFixtures.poisson(50, 600, 2000, 1000, 1);
        SimulationResult result = replica.simulate(requests, 0, null);
        assertTrue(result.summary().preemptions() > 0, "a full cache preempts");
        assertTrue(result.summary().peakKvShare() > 0.9, "peak KV share " + result.summary().peakKvShare());
        for (double finish : result.run().finishSeconds()) {
            assertTrue(Double.isFinite(finish));
        }
    }

    @Test
    void tensorRtLlmReservesTheWholeRequestAndNeverPreempts() {
        SimulatedReplica replica = tight(ServingStack.TENSORRT_LLM);
        SimulationResult result = replica.simulate(SimFixtures.poisson(50, 600, 2000, 1000, 1), 0, null);
        assertEquals(0, result.summary().preemptions());
        // Reserving the whole output admits fewer sequences than allocating as tokens arrive.
        SimulationResult vllm = tight(ServingStack.VLLM).simulate(SimFixtures.poisson(50, 600, 2000, 1000, 1), 0, null);
        assertTrue(result.summary().meanRunningSequences() < vllm.summary().meanRunningSequences());
    }

    @Test
    void aClosedLoopKeepsItsUsersInFlight() {
        SimulatedReplica replica = SimFixtures.llama8b(ServingStack.VLLM);
        RequestSet requests = RequestSet.generate(new ArrivalProcess.ClosedLoop(32), new LengthDistribution.Fixed(467),
                new LengthDistribution.Fixed(256), 3_000, 0, 1);
        SimulationSummary s = replica.simulate(requests, 5, null).summary();
        assertEquals(32, s.meanRunningSequences(), 1.5);
        assertTrue(Double.isNaN(s.offeredRequestsPerSecond()));
    }

    @Test
    void sglangRunsPrefillBatchesBeforeDecode() {
        // Prefill priority stalls decoding while prompts arrive: worse TPOT tails, better TTFT than mixed batches.
        SimulatedReplica sglang = SimFixtures.llama8b(ServingStack.SGLANG);
        SimulatedReplica vllm = SimFixtures.llama8b(ServingStack.VLLM);
        RequestSet requests = SimFixtures.poisson(20, 4_000, 467, 256, 3);
        SimulationSummary s = sglang.simulate(requests, 20, null).summary();
        SimulationSummary v = vllm.simulate(requests, 20, null).summary();
        assertTrue(s.tpot().p99Seconds() > v.tpot().p99Seconds(), s.tpot() + " vs " + v.tpot());
    }

    @Test
    void prefixHitsShortenTimeToFirstToken() {
        SimulatedReplica replica = SimFixtures.replica("Llama-3.1-8B", 1, ServingStack.VLLM, 4000, 200);
        LengthDistribution in = new LengthDistribution.Fixed(4000);
        LengthDistribution out = new LengthDistribution.Fixed(200);
        RequestSet cold = RequestSet.generate(new ArrivalProcess.Poisson(5), in, out, 2_000, 0, 1);
        RequestSet warm = RequestSet.generate(new ArrivalProcess.Poisson(5), in, out, 2_000, 0.8, 1);
        double coldTtft = replica.simulate(cold, 10, null).summary().ttft().meanSeconds();
        double warmTtft = replica.simulate(warm, 10, null).summary().ttft().meanSeconds();
        assertTrue(warmTtft < 0.5 * coldTtft, warmTtft + " vs " + coldTtft);
    }

    @Test
    void chunkedPrefillSplitsLongPromptsOverSteps() {
        SimulatedReplica replica = SimFixtures.replica("Llama-3.1-8B", 1, ServingStack.VLLM, 30_000, 100);
        RequestSet one = SimFixtures.poisson(0.01, 1, 30_000, 100, 1);
        SimulationRun run = replica.simulate(one, 0, null).run();
        // 30k prompt tokens at 8192 per step: four prefill steps, then 99 decode steps.
        assertEquals(4 + 99, run.steps());
    }

    @Test
    void speculativeDecodingShortensTimePerOutputToken() {
        SimulatedReplica plain = SimFixtures.llama8b(ServingStack.VLLM);
        SimulationSummary base = plain.simulate(SimFixtures.poisson(5, 1_000, 467, 256, 1), 10, null).summary();
        io.inferplan.engine.perf.Deployment d = plain.deployment();
        io.inferplan.engine.perf.Deployment spec = new io.inferplan.engine.perf.Deployment(d.accelerator(), 1, 1, 1, 1,
                d.weightPrecision(), d.kvPrecision(), null, d.servingStack(), 0,
                new io.inferplan.engine.perf.SpeculativeDecoding(3, 0.7, 0.05));
        SimulatedReplica fast = SimulatedReplica.of(io.inferplan.engine.perf.PerformanceModel.standard(),
                io.inferplan.engine.model.ModelPresets.bundled().require("model", "Llama-3.1-8B"), spec,
                io.inferplan.engine.perf.RequestShape.of(467, 256));
        SimulationSummary s = fast.simulate(SimFixtures.poisson(5, 1_000, 467, 256, 1), 10, null).summary();
        assertTrue(s.tpot().meanSeconds() < 0.7 * base.tpot().meanSeconds(), s.tpot() + " vs " + base.tpot());
    }

    @Test
    void tensorRtLlmTurnsOnChunkedContextForPromptsOverItsBudget() {
        SimulatedReplica replica = SimFixtures.replica("Llama-3.1-8B", 1, ServingStack.TENSORRT_LLM, 20_000, 100);
        RequestSet requests = SimFixtures.poisson(0.1, 20, 20_000, 100, 1);
        assertTrue(replica.policyFor(requests).chunkedPrefill());
        assertTrue(!replica.policyFor(SimFixtures.poisson(0.1, 20, 4_000, 100, 1)).chunkedPrefill());
        SimulationSummary s = replica.simulate(requests, 0, null).summary();
        assertEquals(20, s.requestsMeasured());
    }
}
