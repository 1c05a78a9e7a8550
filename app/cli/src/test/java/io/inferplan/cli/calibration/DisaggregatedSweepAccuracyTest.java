package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.Statistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The disaggregated rows of the published sweeps (validation/concurrency-sweeps-cases.csv, prefill_workers set)
 * through {@code estimate --cases}: the closed-loop TTFT and TPOT of prefill and decode pools, from the aggregated
 * profiles with no factor of their own. Rows that state their worker counts and rows that do not (read as one worker
 * per pool) are held to separate figures; tools/score-disagg.py prints the same per system and backend.
 */
class DisaggregatedSweepAccuracyTest {

    @Test
    void disaggregatedTtftAndTpotStayWithinTheReachedAccuracy() throws IOException {
        CaseTable table = CaseTable.read(SweepAccuracyTest.SWEEPS);
        CaseEvaluator evaluator = CaseEvaluator.bundled();
        List<Double> statedTtft = new ArrayList<>();
        List<Double> statedTpot = new ArrayList<>();
        List<Double> allTtft = new ArrayList<>();
        List<Double> allTpot = new ArrayList<>();
        int rows = 0;
        for (Map<String, String> row : table.rows()) {
            if (row.getOrDefault("prefill_workers", "").isEmpty()) {
                continue;
            }
            rows++;
            CaseOutcome outcome = evaluator.evaluate(row);
            if (outcome.failed()) {
                continue;
            }
            double ttft = percentError(outcome.estimate().timeToFirstTokenSeconds() * 1e3, row.get("measured_ttft_ms"));
            double tpot = percentError(outcome.estimate().timePerOutputTokenSeconds() * 1e3, row.get("measured_tpot_ms"));
            allTtft.add(ttft);
            allTpot.add(tpot);
            if (!"0".equals(row.get("workers_stated"))) {
                statedTtft.add(ttft);
                statedTpot.add(tpot);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "disaggregated sweeps: %d of %d rows predicted; workers stated (%d rows): median TTFT "
                        + "error %.1f%%, TPOT %.1f%%; all: TTFT %.1f%%, TPOT %.1f%%%n", allTtft.size(), rows, statedTtft.size(),
                median(statedTtft), median(statedTpot), median(allTtft), median(allTpot));

        // Reached on 2026-12-02 (first disaggregated model): 1,131 of 1,175 rows; workers stated (213): TTFT 52.0%, TPOT 22.8%;
        // all: TTFT 60.1%, TPOT 55.5%. After the fourth refit (no all-to-all without data-parallel attention): workers
        // stated TTFT 47.0%, TPOT 26.5%; all: TTFT 57.0%, TPOT 44.7%. Loose: the model is young and these pins only catch
        // a regression.
        assertTrue(rows >= 1100, "only " + rows + " disaggregated rows in the sweeps");
        assertTrue(allTtft.size() >= 1100, "only " + allTtft.size() + " disaggregated rows could be evaluated");
        assertTrue(median(statedTpot) <= 28, "median TPOT error " + median(statedTpot) + "% (workers stated)");
        assertTrue(median(statedTtft) <= 56, "median TTFT error " + median(statedTtft) + "% (workers stated)");
        assertTrue(median(allTpot) <= 60, "median TPOT error " + median(allTpot) + "% (all)");
        assertTrue(median(allTtft) <= 65, "median TTFT error " + median(allTtft) + "% (all)");
    }

    private static double median(List<Double> values) {
        return Statistics.percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
    }

    private static double percentError(double predicted, String measured) {
        return Math.abs(predicted / Double.parseDouble(measured) - 1) * 100;
    }
}
