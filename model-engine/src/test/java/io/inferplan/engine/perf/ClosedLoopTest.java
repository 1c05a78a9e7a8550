package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The closed-loop serving physics: TTFT with waiting, decoding share, scheduler budgets, collectives, bands. */
class ClosedLoopTest {
    private static final ErrorBand BAND = new ErrorBand(10, 1, "test");
    private final PerformanceModel model = PerformanceModel.standard();
    private final ModelSpec llama70 = ModelPresets.bundled().require("model", "Llama-3.1-70B");
    private final RequestShape request = RequestShape.of(1024, 1024);

    private PerformanceEstimate atConcurrency(int users) {
        Deployment deployment = Deployment.of(TestAccelerators.h100(), 4, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        return model.estimate(llama70, deployment, request, new ServingTarget.FixedBatch(users));
    }

    @Test
    void ttftGrowsWithTheUsersAheadAndNeverUndercutsTheBarePrefill() {
        PerformanceEstimate alone = atConcurrency(1);
        PerformanceEstimate few = atConcurrency(8);
        PerformanceEstimate many = atConcurrency(128);
        assertTrue(alone.timeToFirstTokenSeconds() >= alone.prefillSecondsPerRequest(), "one user still pays its own prefill");
        assertTrue(few.timeToFirstTokenSeconds() > alone.timeToFirstTokenSeconds(), "8 users wait behind each other");
        assertTrue(many.timeToFirstTokenSeconds() > few.timeToFirstTokenSeconds(), "128 users wait longer");
    }

    @Test
    void usersWaitingForTheirFirstTokenDoNotDecode() {
        PerformanceEstimate many = atConcurrency(128);
        double ifAllDecoded = many.batch() / many.timePerOutputTokenSeconds();
        assertTrue(many.outputTokensPerSecond() < ifAllDecoded, many.outputTokensPerSecond() + " vs " + ifAllDecoded);
        assertTrue(many.outputTokensPerSecond() > 0.5 * ifAllDecoded, "most users of 1024-token answers are decoding");
    }

    @Test
    void prefillBudgetsAreEachStacksDefault() {
        assertEquals(8192, SchedulerDefaults.prefillTokenBudget(ServingStack.TENSORRT_LLM, TestAccelerators.h100()));
        assertEquals(8192, SchedulerDefaults.prefillTokenBudget(ServingStack.VLLM, TestAccelerators.h100()));
        assertEquals(2048, SchedulerDefaults.prefillTokenBudget(ServingStack.VLLM, TestAccelerators.a100()));
        assertEquals(8192, SchedulerDefaults.prefillTokenBudget(ServingStack.SGLANG, TestAccelerators.h100()));
        assertEquals(16384, SchedulerDefaults.prefillTokenBudget(ServingStack.SGLANG, TestAccelerators.mi300x()));
    }

    @Test
    void tensorRtLlmHoldsNewPromptsUntilEveryDataParallelAttentionRankHasOne() {
        ModelSpec qwen = ModelPresets.bundled().require("model", "Qwen3-235B-A22B");
        EfficiencyProfile profile = EfficiencyTable.bundled().resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.TENSORRT_LLM).profile();
        Deployment dataParallel = new Deployment(TestAccelerators.h100(), 8, 8, 1, 8, Precision.FP8, Precision.FP8, null,
                ServingStack.TENSORRT_LLM, 0, null, AttentionParallelism.DATA);
        ReplicaLayout layout = new ReplicaLayout(qwen, dataParallel, profile);
        double iteration = 0.02;
        double timeout = SchedulerDefaults.attentionDpBalanceTimeoutIterations(ServingStack.TENSORRT_LLM) * iteration;
        assertEquals(60 * iteration, timeout, 1e-12, "the recipes' timeout_iters");

        // One user per rank, each sending a prompt every 20 s: the others almost never all have one, so a prompt waits
        // for the next timeout, half of it on average.
        double sparse = PerformanceModel.attentionDpBalanceSeconds(layout, 8, iteration, 20.0);
        assertEquals(timeout / 2, sparse, 0.03 * timeout);
        // Prompts arriving at every rank many times per timeout are released as soon as all ranks have one.
        double dense = PerformanceModel.attentionDpBalanceSeconds(layout, 8000, iteration, 1.0);
        assertTrue(dense < 0.05 * timeout, "busy ranks fill at once: " + dense + " s");
        // A lone user's prompt finds no other rank that will receive one: it waits out the counter, half of it on average.
        assertEquals(timeout / 2, PerformanceModel.attentionDpBalanceSeconds(layout, 1, iteration, 0.5), 1e-3 * timeout);
        double between = PerformanceModel.attentionDpBalanceSeconds(layout, 800, iteration, 20.0);
        assertTrue(between > dense && between < sparse, between + " s");

        // Neither tensor-parallel attention nor another stack holds prompts.
        ReplicaLayout tensor = new ReplicaLayout(qwen, dataParallel.withAttentionParallelism(AttentionParallelism.TENSOR), profile);
        assertEquals(0, PerformanceModel.attentionDpBalanceSeconds(tensor, 8, iteration, 20.0));
        Deployment onVllm = new Deployment(TestAccelerators.h100(), 8, 8, 1, 8, Precision.FP8, Precision.FP8, null,
                ServingStack.VLLM, 0, null, AttentionParallelism.DATA);
        assertEquals(0, PerformanceModel.attentionDpBalanceSeconds(new ReplicaLayout(qwen, onVllm, profile), 8, iteration, 20.0));
    }

    @Test
    void crossingTheNvlinkDomainGoesHierarchicalNotOverPcie() {
        EfficiencyProfile profile = EfficiencyTable.bundled().resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.TENSORRT_LLM).profile();
        AcceleratorSpec h100 = TestAccelerators.h100();
        AcceleratorSpec pcieOnly = new AcceleratorSpec("PCIe-80GB", "PCIe card", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER,
                80 * TestAccelerators.GIB, 2e12, Map.of(Precision.FP8, 1500e12, Precision.BF16, 750e12), 0, 8, 350, false, List.of());
        double bytes = 8192 * 8192 * 2.0;
        double inside = layout(h100, 8, profile).allReduceSeconds(bytes, 8);
        double across = layout(h100, 16, profile).allReduceSeconds(bytes, 16);
        double pcie = layout(pcieOnly, 8, profile).allReduceSeconds(bytes, 8);
        assertTrue(across > inside, "two domains cost more than one");
        assertTrue(across < pcie, "the NICs carry only a domain's share: " + across + " s vs " + pcie + " s over PCIe");
    }

    @Test
    void latencyBandsWidenWhereNothingWasMeasured() {
        Deployment measured = Deployment.of(TestAccelerators.h100(), 4, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        PerformanceEstimate e = atConcurrency(8);
        ErrorBands bands = model.errorBands(llama70, measured, e);
        assertTrue(bands.tpot().measurementCount() > 0, bands.tpot().basis());
        assertTrue(bands.tpot().expectedErrorPercent() < bands.ttft().expectedErrorPercent(), "TTFT is the less certain figure");

        Deployment amd = Deployment.of(TestAccelerators.mi300x(), 4, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        PerformanceEstimate onAmd = model.estimate(llama70, amd, request, new ServingTarget.FixedBatch(8));
        ErrorBands unmeasured = model.errorBands(llama70, amd, onAmd);
        assertEquals(0, unmeasured.ttft().measurementCount());
        assertTrue(unmeasured.ttft().expectedErrorPercent() >= bands.ttft().expectedErrorPercent(), unmeasured.ttft().basis());
    }

    @Test
    void aBorrowedLatencyBandCarriesItsWideningAsData() {
        int borrowed = 0;
        for (AcceleratorSpec part : List.of(TestAccelerators.h100(), TestAccelerators.a100(), TestAccelerators.mi300x())) {
            for (ServingStack stack : ServingStack.values()) {
                for (int users : new int[] {1, 16, 256}) {
                    Deployment deployment = Deployment.of(part, 4, Precision.FP8, Precision.FP8, stack);
                    PerformanceEstimate e;
                    try {
                        e = model.estimate(llama70, deployment, request, new ServingTarget.FixedBatch(users));
                    } catch (io.inferplan.engine.InvalidInputException doesNotFit) {
                        continue;
                    }
                    ErrorBands bands = model.errorBands(llama70, deployment, e);
                    for (ErrorBand band : List.of(bands.ttft(), bands.tpot())) {
                        if (band.basis().contains("widest")) {
                            borrowed++;
                            assertEquals(1, band.widenings().size(), band.basis());
                            ErrorBand.Widening widening = band.widenings().get(0);
                            assertTrue(widening.points() > 0, band.basis());
                            assertTrue(band.basis().endsWith(widening.describe()), band.basis());
                        } else {
                            assertTrue(band.widenings().isEmpty(), band.basis());
                        }
                    }
                }
            }
        }
        assertTrue(borrowed > 0, "no borrowed band among the deployments tried");
    }

    /** Indices into {@link EfficiencyProfile#fittedFactors()}. */
    private static final int HOST_SEQUENCE = 18;
    private static final int ADMISSION_ITERATIONS = 19;

    /** The bundled Hopper TensorRT-LLM profile with one fitted factor replaced. */
    private static EfficiencyProfile hopperTensorRtWith(int factor, double value) {
        EfficiencyProfile base = EfficiencyTable.bundled().resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.TENSORRT_LLM).profile();
        double[] factors = base.fittedFactors();
        factors[factor] = value;
        return base.withFitted(factors);
    }

    @Test
    void admissionIterationsAddThatManyIterationsToTheFirstTokenAndNothingToTheDecode() {
        EfficiencyProfile none = hopperTensorRtWith(ADMISSION_ITERATIONS, 0);
        EfficiencyProfile ten = hopperTensorRtWith(ADMISSION_ITERATIONS, 10);
        Deployment deployment = Deployment.of(TestAccelerators.h100(), 4, Precision.FP8, Precision.FP8, ServingStack.TENSORRT_LLM);
        for (int users : new int[] {1, 16, 128}) {
            PerformanceEstimate without = model.estimate(llama70, deployment, request, new ServingTarget.FixedBatch(users), none, BAND);
            PerformanceEstimate with = model.estimate(llama70, deployment, request, new ServingTarget.FixedBatch(users), ten, BAND);
            double added = with.timeToFirstTokenSeconds() - without.timeToFirstTokenSeconds();
            // Ten iterations of the running batch, and a little more: the longer wait moves the closed loop's point.
            assertTrue(added >= 9.5 * with.timePerOutputTokenSeconds() && added <= 11 * with.timePerOutputTokenSeconds(),
                    users + " users: " + added + " s added, TPOT " + with.timePerOutputTokenSeconds());
            assertTrue(with.timePerOutputTokenSeconds() <= without.timePerOutputTokenSeconds() * 1.0001,
                    "waiting users do not decode, so the batch decoding is no larger");
        }
    }

    @Test
    void anOverlappedHostFloorBindsOnlyWhereTheGpuStepIsShorter() {
        EfficiencyProfile noHost = hopperTensorRtWith(HOST_SEQUENCE, 0);
        EfficiencyProfile host = hopperTensorRtWith(HOST_SEQUENCE, 100e-6);
        ModelSpec llama8 = ModelPresets.bundled().require("model", "Llama-3.1-8B");
        Deployment tp8 = Deployment.of(TestAccelerators.h100(), 8, Precision.FP8, Precision.FP8, ServingStack.TENSORRT_LLM);

        // Eight GPUs on an 8B model: a step of 256 sequences takes a few ms on the GPU, less than 256 x 100 us on the host.
        PerformanceModel.Step many = PerformanceModel.step(new ReplicaLayout(llama8, tp8, host), 256, 2048);
        PerformanceModel.Step manyGpu = PerformanceModel.step(new ReplicaLayout(llama8, tp8, noHost), 256, 2048);
        assertTrue(manyGpu.seconds() < 256 * 100e-6, "the GPU step is the shorter one: " + manyGpu.seconds());
        assertEquals(256 * 100e-6, many.seconds(), 1e-12, "the iteration waits for the host");
        assertEquals(many.seconds() - manyGpu.seconds(), many.overheadSeconds() - manyGpu.overheadSeconds(), 1e-12,
                "the wait is overhead, not compute or memory");

        // One GPU on a 70B model: the GPU step is far longer than the host's work, which hides behind it.
        Deployment tp1 = Deployment.of(TestAccelerators.h100(), 1, Precision.FP8, Precision.FP8, ServingStack.TENSORRT_LLM);
        ModelSpec qwen = ModelPresets.bundled().require("model", "Qwen3-32B");
        double hidden = PerformanceModel.step(new ReplicaLayout(qwen, tp1, host), 16, 2048).seconds();
        assertEquals(PerformanceModel.step(new ReplicaLayout(qwen, tp1, noHost), 16, 2048).seconds(), hidden, 1e-15);
    }

    @Test
    void aPrefillChunkPaysItsEagerLaunchesOncePerChunkAndShortPromptsShareIt() {
        EfficiencyProfile graphed = EfficiencyTable.bundled().resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.VLLM).profile();
        double[] factors = graphed.fittedFactors();
        factors[17] = 0;
        EfficiencyProfile none = graphed.withFitted(factors);
        factors[17] = 200e-6;
        EfficiencyProfile eager = graphed.withFitted(factors);
        Deployment deployment = Deployment.of(TestAccelerators.h100(), 4, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        double perChunk = 200e-6 * llama70.layers();

        // One user alone: its own prefill runs in ceil(input / 8192) iterations, each paying the launches once.
        for (int input : new int[] {1024, 8192, 20000}) {
            RequestShape shape = RequestShape.of(input, 256);
            double extra = ttft(none, eager, deployment, shape);
            double chunks = Math.ceil(input / 8192.0);
            assertEquals(chunks * perChunk, extra, 0.02 * chunks * perChunk, input + " prompt tokens");
        }
        // Offline, a 1024-token prompt shares its chunk's iteration with seven others: an eighth of the cost each.
        ServingTarget offline = new ServingTarget.Offline();
        PerformanceEstimate plain = model.estimate(llama70, deployment, request, offline, none, BAND);
        PerformanceEstimate launched = model.estimate(llama70, deployment, request, offline, eager, BAND);
        assertEquals(perChunk / 8, launched.prefillSecondsPerRequest() - plain.prefillSecondsPerRequest(), 1e-9);
    }

    @Test
    void aSaturatedLoopSettlesOnAPointLittlesLawAgreesWith() {
        // 128 users of 2048-token prompts and 128-token answers on two H100s: prefill takes most of the replica's
        // time. The plain fixed-point iteration alternated between two inconsistent points here and stopped on one
        // whose throughput was 1.7x below what its own TTFT and TPOT imply.
        ModelSpec qwen = ModelPresets.bundled().require("model", "Qwen3-32B");
        Deployment deployment = Deployment.of(TestAccelerators.h100(), 2, Precision.BF16, Precision.BF16, ServingStack.SGLANG);
        RequestShape shape = RequestShape.of(2048, 128);
        for (int users : new int[] {16, 64, 128}) {
            PerformanceEstimate estimate = model.estimate(qwen, deployment, shape, new ServingTarget.FixedBatch(users));
            double userCycleSeconds = estimate.timeToFirstTokenSeconds() + (shape.outputTokens() - 1) * estimate.timePerOutputTokenSeconds();
            double impliedOutputTokensPerSecond = users * shape.outputTokens() / userCycleSeconds;
            assertEquals(impliedOutputTokensPerSecond, estimate.outputTokensPerSecond(), 0.03 * impliedOutputTokensPerSecond,
                    users + " users");
        }
    }

    @Test
    void expertParallelismBehindTensorParallelAttentionAddsNoAllToAll() {
        // Every rank holds every token after the attention all-reduce: the experts run where they live and the MoE
        // layer's all-reduce combines them, the same traffic as tensor-parallel experts.
        ModelSpec deepSeek = ModelPresets.bundled().require("model", "DeepSeek-R1");
        EfficiencyProfile profile = EfficiencyTable.bundled().resolve(AcceleratorFamily.NVIDIA_HOPPER, ServingStack.TENSORRT_LLM).profile();
        AcceleratorSpec h100 = TestAccelerators.h100();
        Deployment slicedExperts = new Deployment(h100, 8, 8, 1, 1, Precision.FP8, Precision.FP8, null, ServingStack.TENSORRT_LLM, 0, null,
                AttentionParallelism.TENSOR);
        Deployment wholeExperts = new Deployment(h100, 8, 8, 1, 8, Precision.FP8, Precision.FP8, null, ServingStack.TENSORRT_LLM, 0, null,
                AttentionParallelism.TENSOR);
        Deployment dataParallel = wholeExperts.withAttentionParallelism(AttentionParallelism.DATA);
        double tokens = 64;
        double sliced = new ReplicaLayout(deepSeek, slicedExperts, profile).communicationSeconds(tokens);
        assertEquals(sliced, new ReplicaLayout(deepSeek, wholeExperts, profile).communicationSeconds(tokens), 1e-12);
        double allToAll = 2.0 * deepSeek.moe().moeLayers() * profile.allToAllLatencySeconds();
        assertTrue(new ReplicaLayout(deepSeek, dataParallel, profile).communicationSeconds(tokens) >= allToAll,
                "data-parallel attention dispatches and combines every MoE layer's tokens");
    }

    private double ttft(EfficiencyProfile none, EfficiencyProfile eager, Deployment deployment, RequestShape shape) {
        ServingTarget alone = new ServingTarget.FixedBatch(1);
        return model.estimate(llama70, deployment, shape, alone, eager, BAND).timeToFirstTokenSeconds()
                - model.estimate(llama70, deployment, shape, alone, none, BAND).timeToFirstTokenSeconds();
    }

    private static ReplicaLayout layout(AcceleratorSpec accelerator, int tensorParallel, EfficiencyProfile profile) {
        Deployment deployment = Deployment.of(accelerator, tensorParallel, Precision.FP8, Precision.FP8, ServingStack.TENSORRT_LLM);
        return new ReplicaLayout(ModelPresets.bundled().require("model", "Llama-3.1-70B"), deployment, profile);
    }
}
