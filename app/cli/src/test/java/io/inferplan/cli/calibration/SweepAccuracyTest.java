package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.Statistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published closed-loop serving sweeps (validation/concurrency-sweeps-cases.csv: TTFT and TPOT at fixed
 * concurrency, TensorRT-LLM, vLLM and SGLang on H100, H200, B200 and GB200) through {@code estimate --cases}.
 * Rows whose model or accelerator name the catalog does not know yet are left out; the thresholds hold on the rest.
 */
class SweepAccuracyTest {
    static final Path SWEEPS = Path.of("..", "..", "validation", "concurrency-sweeps-cases.csv");

    @Test
    void predictedTtftAndTpotStayWithinTheReachedAccuracy() throws IOException {
        CaseTable table = CaseTable.read(SWEEPS);
        CaseEvaluator evaluator = CaseEvaluator.bundled();
        List<Double> ttft = new ArrayList<>();
        List<Double> tpot = new ArrayList<>();
        int insideTtftBand = 0;
        int insideTpotBand = 0;
        List<Double> ttftBands = new ArrayList<>();
        List<Double> tpotBands = new ArrayList<>();
        long aggregatedRows = table.rows().stream().filter(r -> r.getOrDefault("prefill_workers", "").isEmpty()).count();
        for (Map<String, String> row : table.rows()) {
            // Disaggregated rows have their own test (DisaggregatedSweepAccuracyTest); these figures are the aggregated ones.
            if (!row.getOrDefault("prefill_workers", "").isEmpty()) {
                continue;
            }
            CaseOutcome outcome = evaluator.evaluate(row);
            if (outcome.failed()) {
                continue;
            }
            double ttftError = percentError(outcome.estimate().timeToFirstTokenSeconds() * 1e3, row.get("measured_ttft_ms"));
            double tpotError = percentError(outcome.estimate().timePerOutputTokenSeconds() * 1e3, row.get("measured_tpot_ms"));
            ttft.add(ttftError);
            tpot.add(tpotError);
            insideTtftBand += ttftError <= outcome.errorBands().ttft().expectedErrorPercent() ? 1 : 0;
            insideTpotBand += tpotError <= outcome.errorBands().tpot().expectedErrorPercent() ? 1 : 0;
            ttftBands.add(outcome.errorBands().ttft().expectedErrorPercent());
            tpotBands.add(outcome.errorBands().tpot().expectedErrorPercent());
        }
        double medianTtft = Statistics.percentile(ttft.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        double medianTpot = Statistics.percentile(tpot.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        double medianTtftBand = Statistics.percentile(ttftBands.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        double medianTpotBand = Statistics.percentile(tpotBands.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        System.out.printf(java.util.Locale.ROOT, "sweeps: %d of %d rows predicted, median TTFT error %.1f%%, median TPOT error %.1f%%, "
                        + "inside bands %d / %d, median bands %.1f%% / %.1f%%%n", ttft.size(), aggregatedRows, medianTtft,
                medianTpot, insideTtftBand, insideTpotBand, medianTtftBand, medianTpotBand);

        // Reached on 2026-12-02 (fourth refit: the closed loop's damped fixed point, no all-to-all without
        // data-parallel attention, see docs/performance-model.md): 3,044 of 3,086 rows, TTFT 22.1%, TPOT 11.7%, 90% / 90%
        // of the errors inside bands whose medians are 67% / 31% (the third refit: 22.8%, 11.6%, bands 65% / 33%).
        // With users beyond what a replica holds queued (all 3,086 rows predicted): TTFT 22.3%, TPOT 11.8%, bands 67% / 32%.
        // 2026-12-03, TensorRT-LLM's two runtimes as two stacks with an overlapped host floor: TTFT 22.4%, TPOT 11.3%,
        // bands 60% / 31%; with the admission iterations in TTFT and decode compute floored
        // at 30%, 21.6%, 11.3%, bands 61% / 32%; with gross misses set aside, 21.0%, 11.1%, bands 53% / 33%; with
        // TensorRT-LLM's attention-DP hold, 20.9%, 11.1%. Then the cross-validation folds were started from the stated
        // defaults instead of the full fit (which had seen the model each fold leaves out): the bands widened to 59% /
        // 36% (92% of TPOT errors inside) with the factors unchanged; the bounds follow, the honest bands being the
        // point. A little room for refit noise only.
        assertTrue(ttft.size() >= 3080, "only " + ttft.size() + " sweep rows could be evaluated");
        assertTrue(medianTpot <= 11.6, "median TPOT error " + medianTpot + "% exceeds 11.6%");
        assertTrue(medianTtft <= 21.6, "median TTFT error " + medianTtft + "% exceeds 21.6%");
        assertTrue(insideTtftBand >= 0.85 * ttft.size(), insideTtftBand + " of " + ttft.size() + " TTFT errors inside their band");
        assertTrue(insideTpotBand >= 0.85 * tpot.size(), insideTpotBand + " of " + tpot.size() + " TPOT errors inside their band");
        // Bands come from cross-validated residuals; a band that widened (or a prediction that got worse) shows here.
        assertTrue(medianTtftBand <= 62, "median TTFT band " + medianTtftBand + "%");
        assertTrue(medianTpotBand <= 38, "median TPOT band " + medianTpotBand + "%");
    }

    private static double percentError(double predicted, String measured) {
        double value = Double.parseDouble(measured);
        return Math.abs(predicted / value - 1) * 100;
    }
}
