package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.PerformanceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the 30 published TensorRT-LLM online-serving points (validation/latency-calibration.csv),
 * through the path of {@code inferplan estimate --cases}. The bounds are where the simulator stands today
 * (docs/simulator.md): the TTFT, ITL and saturation goals are met, the ITL one by a small margin (8.8% against 10%).
 */
class SimLatencyValidationTest {
    static final Path LATENCY = Path.of("..", "..", "validation", "latency-calibration.csv");

    @Test
    void simulatedLatencyMatchesPublishedOnlineServing() throws IOException {
        CaseTable table = CaseTable.read(LATENCY);
        CaseEvaluator evaluator = CaseEvaluator.bundled();
        List<CaseOutcome> outcomes = evaluator.evaluateAll(table);
        CaseTable predicted = new LoadPredictions(PerformanceModel.standard()).addTo(CaseEvaluator.withPredictions(table, outcomes), outcomes);
        System.out.print(LoadPredictions.accuracyMarkdown(predicted));
        assertEquals(30, predicted.rows().size());
        double[] ttft = errors(predicted, "predicted_mean_ttft_ms", "measured_mean_ttft_ms");
        double[] itl = errors(predicted, "predicted_mean_tpot_ms", "measured_mean_itl_ms");
        assertEquals(30, ttft.length);
        // 2026-12-02: decode reads weights and KV at their own fitted bandwidth shares; the simulated ITL went from 12.4% to
        // 8.0%, and the TTFT from 10.0% to 15.3% (too fast: the simulator prices GPU work only, no per-request host time).
        // 2026-12-03, a roofline per kernel class and its refit: TTFT 13.1%, ITL 9.4%. With these points' runtime fitted
        // as its own stack (tensorrt-llm-engine: no eager prefill launches, stated small-batch costs): 11.8%, 8.8%.
        assertTrue(median(ttft) <= 16, "mean TTFT median error " + median(ttft) + "% (goal 20%; 11.8% reached)");
        assertTrue(median(itl) <= 10, "mean ITL median error " + median(itl) + "% (goal 10%: 8.8% reached)");
        int agree = 0;
        for (Map<String, String> row : predicted.rows()) {
            double offered = Double.parseDouble(row.get("requests_per_second"));
            boolean measured = Double.parseDouble(row.get("measured_requests_per_s")) < 0.9 * offered;
            boolean simulated = Double.parseDouble(row.get("predicted_requests_per_s")) < 0.9 * offered;
            agree += measured == simulated ? 1 : 0;
        }
        assertTrue(agree >= 24, "saturation (achieved below 90% of offered) agrees in " + agree + " of 30 rows");
    }

    private static double[] errors(CaseTable table, String predicted, String measured) {
        return table.rows().stream().filter(r -> !r.get(predicted).isEmpty())
                .mapToDouble(r -> Math.abs(Double.parseDouble(r.get(predicted)) / Double.parseDouble(r.get(measured)) - 1) * 100)
                .sorted().toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
