package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeightOnlyQuantizationTest {
    private final ModelSpec llama70b = ModelPresets.bundled().require("model", "Llama-3.1-70B");

    @Test
    void fp4WeightsOnHopperAreDequantizedToFp8AndSaySo() {
        Deployment fp4 = Deployment.of(TestAccelerators.h100(), 2, Precision.FP4, Precision.FP8, ServingStack.VLLM);
        WeightOnlyQuantization q = WeightOnlyQuantization.of(fp4).orElseThrow();
        assertEquals(Precision.FP4, q.storedAs());
        assertEquals(Precision.FP8, q.mathPrecision());
        assertTrue(q.describe("H100").contains("dequantized to fp8"), q.describe("H100"));
        assertEquals(Optional.empty(), WeightOnlyQuantization.of(Deployment.of(TestAccelerators.h100(), 2, Precision.FP8, Precision.FP8,
                ServingStack.VLLM)));
    }

    @Test
    void dequantizingCostsMatrixThroughputButSavesBandwidth() {
        PerformanceModel model = PerformanceModel.standard();
        RequestShape request = RequestShape.of(2000, 200);
        Deployment fp8 = Deployment.of(TestAccelerators.h100(), 2, Precision.FP8, Precision.FP8, ServingStack.VLLM);
        Deployment fp4 = Deployment.of(TestAccelerators.h100(), 2, Precision.FP4, Precision.FP8, ServingStack.VLLM);
        // One user: decode reads the weights, so half the bytes make it faster.
        var aloneFp8 = model.estimate(llama70b, fp8, request, new ServingTarget.FixedBatch(1));
        var aloneFp4 = model.estimate(llama70b, fp4, request, new ServingTarget.FixedBatch(1));
        assertTrue(aloneFp4.timePerOutputTokenSeconds() < aloneFp8.timePerOutputTokenSeconds());
        // Prefill is matrix work: the dequantizing kernel makes it slower than native FP8, never faster.
        assertTrue(aloneFp4.prefillSecondsPerRequest() > aloneFp8.prefillSecondsPerRequest(),
                aloneFp4.prefillSecondsPerRequest() + " vs " + aloneFp8.prefillSecondsPerRequest());
    }
}
