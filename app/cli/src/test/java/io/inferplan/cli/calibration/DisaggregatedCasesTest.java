package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.perf.AttentionParallelism;
import io.inferplan.engine.perf.PerformanceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefill_* and decode_* columns of {@code estimate --cases}: a row with prefill_workers set is disaggregated. */
class DisaggregatedCasesTest {
    private final CaseResolver resolver = new CaseResolver(ModelPresets.bundled(), AcceleratorLookup.bundled());

    private static Map<String, String> row() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("case", "ds-disagg");
        row.put("model", "DeepSeek-R1");
        row.put("accelerator", "B200-SXM-180GB");
        row.put("weight_precision", "fp8");
        row.put("input_tokens", "8192");
        row.put("output_tokens", "1024");
        row.put("scenario", "batch");
        row.put("batch", "256");
        row.put("serving_stack", "tensorrt-llm");
        row.put("prefill_workers", "2");
        row.put("prefill_tensor_parallel", "8");
        row.put("prefill_expert_parallel", "8");
        row.put("decode_workers", "1");
        row.put("decode_tensor_parallel", "1");
        row.put("decode_attention_data_parallel", "16");
        row.put("decode_expert_parallel", "16");
        return row;
    }

    @Test
    void poolColumnsMakeADisaggregatedCase() {
        ResolvedCase resolved = resolver.resolve(row());
        assertTrue(resolved.isDisaggregated());
        var pools = resolved.disaggregated();
        assertEquals(2, pools.prefillWorkers());
        assertEquals(8, pools.prefill().gpusPerReplica());
        assertEquals(8, pools.prefill().expertParallel());
        assertEquals(AttentionParallelism.TENSOR, pools.prefill().attentionParallelism());
        assertEquals(16, pools.decode().gpusPerReplica());
        assertEquals(AttentionParallelism.DATA, pools.decode().attentionParallelism());
        assertEquals(32, pools.gpus());

        Map<String, String> aggregated = row();
        aggregated.keySet().removeIf(k -> k.startsWith("prefill_") || k.startsWith("decode_"));
        aggregated.put("tensor_parallel", "8");
        aggregated.put("gpus", "8");
        assertFalse(resolver.resolve(aggregated).isDisaggregated());
        assertNull(resolver.resolve(aggregated).disaggregated());
    }

    @Test
    void aDisaggregatedRowIsEvaluatedWithItsKvTransfer() {
        CaseEvaluator evaluator = new CaseEvaluator(resolver, PerformanceModel.standard());
        Map<String, String> input = row();
        CaseOutcome outcome = evaluator.evaluate(input);
        assertFalse(outcome.failed(), outcome.error());
        Map<String, String> out = CaseEvaluator.predictionRow(input, outcome);
        assertTrue(Double.parseDouble(out.get("predicted_kv_transfer_ms")) > 0);
        assertEquals("256", out.get("predicted_batch"));
        assertTrue(Double.parseDouble(out.get("predicted_ttft_ms")) > Double.parseDouble(out.get("predicted_kv_transfer_ms")));
    }

    @Test
    void badPoolValuesNameTheirColumn() {
        for (var bad : Map.of("prefill_workers", "two", "decode_tensor_parallel", "0", "decode_workers", "1.5",
                "prefill_expert_parallel", "64", "prefill_attention_data_parallel", "-1").entrySet()) {
            Map<String, String> r = row();
            r.put(bad.getKey(), bad.getValue());
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolver.resolve(r), bad.toString());
            assertEquals(bad.getKey(), e.field(), e.getMessage());
        }
        Map<String, String> wrongGpus = row();
        wrongGpus.put("gpus", "24");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolver.resolve(wrongGpus));
        assertEquals("gpus", e.field());
        assertTrue(e.reason().contains("(32)"), e.reason());
    }
}
