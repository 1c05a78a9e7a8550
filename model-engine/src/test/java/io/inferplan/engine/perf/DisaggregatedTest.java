package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disaggregated prefill/decode serving: decode without prefill stalls, TTFT with the KV transfer, rate matching. */
class DisaggregatedTest {
    private final DisaggregatedServing serving = DisaggregatedServing.standard();
    private final ModelSpec llama70 = ModelPresets.bundled().require("model", "Llama-3.1-70B");
    private final RequestShape request = RequestShape.of(4096, 512);

    private static Deployment tp4(AcceleratorSpec accelerator) {
        return Deployment.of(accelerator, 4, Precision.FP8, Precision.FP8, ServingStack.VLLM);
    }

    private static DisaggregatedDeployment pools(AcceleratorSpec accelerator, int prefillWorkers, int decodeWorkers) {
        return new DisaggregatedDeployment(tp4(accelerator), prefillWorkers, tp4(accelerator), decodeWorkers);
    }

    /** An H100 whose scale-out network is {@code bytesPerSecond} per GPU. */
    private static AcceleratorSpec h100WithScaleOut(double bytesPerSecond) {
        AcceleratorSpec h = TestAccelerators.h100();
        return new AcceleratorSpec(h.id(), h.name(), h.vendor(), h.family(), h.memoryBytes(), h.memoryBandwidthBytesPerSecond(),
                h.denseFlopsPerSecond(), h.scaleUpBandwidthBytesPerSecond(), h.scaleUpDomainSize(), h.boardPowerWatts(), h.measured(),
                h.aliases(), bytesPerSecond);
    }

    @Test
    void decodeWithoutPrefillStallsIsNoSlowerThanAggregatedAtTheSameBatch() {
        AcceleratorSpec h100 = TestAccelerators.h100();
        for (int users : List.of(1, 8, 32, 64)) {
            DisaggregatedEstimate split = serving.estimate(llama70, pools(h100, 1, 1), request, users);
            int decodeBatch = Math.max(1, (int) Math.round(split.decodeBatchPerWorker()));
            PerformanceEstimate together = PerformanceModel.standard().estimate(llama70, tp4(h100), request,
                    new ServingTarget.FixedBatch(decodeBatch));
            assertTrue(split.timePerOutputTokenSeconds() <= together.timePerOutputTokenSeconds() * 1.0001,
                    users + " users: disaggregated TPOT " + split.timePerOutputTokenSeconds() + " s against aggregated "
                            + together.timePerOutputTokenSeconds() + " s at a decode batch of " + decodeBatch);
        }
    }

    @Test
    void ttftCarriesTheKvTransferWhichGrowsWithThePromptAndShrinkingBandwidth() {
        AcceleratorSpec fast = h100WithScaleOut(50e9);
        AcceleratorSpec slow = h100WithScaleOut(5e9);
        // 4 + 8 GPUs: more than one HGX board, so the KV crosses the scale-out network.
        DisaggregatedEstimate shortPrompt = serving.estimate(llama70, pools(fast, 1, 2), RequestShape.of(1024, 512), 1);
        DisaggregatedEstimate longPrompt = serving.estimate(llama70, pools(fast, 1, 2), RequestShape.of(8192, 512), 1);
        DisaggregatedEstimate slowLink = serving.estimate(llama70, pools(slow, 1, 2), RequestShape.of(8192, 512), 1);
        assertTrue(longPrompt.kvTransferSeconds() > 7 * shortPrompt.kvTransferSeconds(), "8x the prompt, about 8x the KV");
        assertEquals(10, slowLink.kvTransferSeconds() / longPrompt.kvTransferSeconds(), 1e-6, "a tenth of the bandwidth");
        assertTrue(slowLink.timeToFirstTokenSeconds() - longPrompt.timeToFirstTokenSeconds()
                        >= 0.999 * (slowLink.kvTransferSeconds() - longPrompt.kvTransferSeconds()),
                "the transfer is in the TTFT");
        assertTrue(longPrompt.timeToFirstTokenSeconds() >= longPrompt.prefillSeconds() + longPrompt.kvTransferSeconds());
        // Llama-3.1-70B: 80 layers x 8 KV heads x 128 x 2 (K and V) x 1 byte (FP8) = 160 KiB per token.
        double bytes = KvTransfer.bytes(llama70, tp4(fast), 8192);
        assertEquals(8192 * 80 * 8 * 128 * 2.0, bytes, bytes * 0.01);
    }

    @Test
    void onePartInOneNvlinkDomainMovesTheKvOverNvlink() {
        AcceleratorSpec h100 = h100WithScaleOut(50e9);
        // 4 + 4 GPUs fit in an HGX board's NVLink domain of 8; 4 + 8 do not.
        double inside = KvTransfer.bytesPerSecond(pools(h100, 1, 1));
        double across = KvTransfer.bytesPerSecond(new DisaggregatedDeployment(tp4(h100), 1, tp4(h100), 2));
        assertEquals(h100.scaleUpBandwidthBytesPerSecond() / 50e9, inside / across, 1e-9);
    }

    @Test
    void throughputIsTheSmallerPoolsRateAndRateMatchingSizesBothPools() {
        AcceleratorSpec h100 = TestAccelerators.h100();
        // Many users on one prefill worker: prompts of 4,096 tokens cap the loop at the prefill pool's rate.
        DisaggregatedEstimate starved = serving.estimate(llama70, pools(h100, 1, 4), request, 512);
        double prefillRate = starved.prefillCapacityRequestsPerSecond();
        assertTrue(starved.prefillLimited());
        assertTrue(starved.outputTokensPerSecond() / request.outputTokens() <= prefillRate * 1.0001,
                "no more requests per second than the prefill pool serves");
        DisaggregatedEstimate fed = serving.estimate(llama70, pools(h100, 4, 4), request, 512);
        assertTrue(fed.outputTokensPerSecond() > 1.5 * starved.outputTokensPerSecond(), "more prefill workers, more throughput");

        double rate = 20;
        DisaggregatedDeployment sized = serving.sizedFor(llama70, pools(h100, 1, 1), request, rate, 2.0, 0.05);
        DisaggregatedEstimate atRate = serving.atRate(llama70, sized, request, rate);
        assertTrue(atRate.prefillCapacityRequestsPerSecond() >= rate && atRate.decodeCapacityRequestsPerSecond() >= rate,
                "both pools carry the rate: " + sized.describe());
        assertTrue(atRate.timeToFirstTokenSeconds() <= 2.0 + 1e-9 && atRate.timePerOutputTokenSeconds() <= 0.05 + 1e-9,
                "within the targets it was sized for: " + sized.describe() + " TTFT " + atRate.timeToFirstTokenSeconds()
                        + " s, TPOT " + atRate.timePerOutputTokenSeconds() + " s");
        DisaggregatedDeployment smaller = sized.withWorkers(Math.max(1, sized.prefillWorkers() - 1), sized.decodeWorkers());
        if (smaller.prefillWorkers() < sized.prefillWorkers()) {
            DisaggregatedEstimate fewer = serving.atRate(llama70, smaller, request, rate);
            // Missing means over the TTFT target or beyond the highest prefill load pools are sized for (queueing
            // is only modelled up to it).
            assertTrue(fewer.timeToFirstTokenSeconds() > 2.0
                            || rate > PerformanceModel.MAX_PREFILL_LOAD * fewer.prefillCapacityRequestsPerSecond(),
                    "one prefill worker fewer misses: the pool is no larger than needed");
        }
        DisaggregatedDeployment doubled = serving.sizedFor(llama70, pools(h100, 1, 1), request, 2 * rate, 2.0, 0.05);
        assertTrue(doubled.gpus() > sized.gpus() && doubled.gpus() <= 2 * sized.gpus() + 8, "pools grow with the rate");
    }

    @Test
    void unreachableTargetsAndBandsSayWhy() {
        AcceleratorSpec h100 = TestAccelerators.h100();
        InvalidInputException tooFast = assertThrows(InvalidInputException.class,
                () -> serving.sizedFor(llama70, pools(h100, 1, 1), request, 10, 0, 0.0001));
        assertEquals("latency", tooFast.field());
        DisaggregatedEstimate e = serving.estimate(llama70, pools(h100, 1, 1), request, 8);
        ErrorBands bands = serving.errorBands(llama70, e);
        assertTrue(bands.ttft().expectedErrorPercent() > 0 && bands.tpot().expectedErrorPercent() > 0);
        assertTrue(bands.ttft().basis().contains("disaggregated"), bands.ttft().basis());
    }
}
