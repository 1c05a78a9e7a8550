package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.Bottleneck;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every tokens/s per user a published system reached (each aggregated row of the sweeps: 1000 / its measured TPOT) asked
 * of the same configuration as an interactivity target: the engine must find throughput there, not declare it
 * unreachable, wherever the configuration is one the cases columns describe.
 */
class SweepInteractivityReachTest {

    @Test
    void interactivityFindsThroughputAtTheSpeedsPublishedSystemsReach() throws IOException {
        CaseTable table = CaseTable.read(SweepAccuracyTest.SWEEPS);
        CaseEvaluator evaluator = CaseEvaluator.bundled();
        int rows = 0;
        int reached = 0;
        int atTheEdge = 0;
        for (Map<String, String> published : table.rows()) {
            if (!published.getOrDefault("prefill_workers", "").isEmpty()) {
                continue;
            }
            rows++;
            Map<String, String> row = new HashMap<>(published);
            row.put("scenario", "interactivity");
            row.put("batch", "");
            row.put("min_tokens_per_s_per_user",
                    String.format(Locale.ROOT, "%.3f", 1000 / Double.parseDouble(published.get("measured_tpot_ms"))));
            CaseOutcome outcome = evaluator.evaluate(row);
            if (outcome.failed()) {
                continue;
            }
            assertTrue(outcome.estimate().outputTokensPerSecond() > 0, outcome.caseId());
            reached++;
            atTheEdge += outcome.estimate().limitedBy() == Bottleneck.LATENCY_TARGET_WITHIN_BAND ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "interactivity at published speeds: %d of %d rows reached, %d of them at one user within "
                + "the TPOT band%n", reached, rows, atTheEdge);
        // Reached on 2026-12-03: 3,060 of 3,086 (222 at the edge; 3,051 before the runtime split); 3,065 with gross misses
        // set aside, 3,062 (191 at the edge) with bands from folds started from the stated defaults. The others are
        // rows the cases columns cannot describe (tensor parallel 16-64 on DeepSeek, likely multi-token prediction), the
        // fastest runs of their kind or a KV cache too small for the row's own batch; before the band was allowed for,
        // 274 rows (9%) were declared unreachable.
        assertTrue(reached >= 0.98 * rows, reached + " of " + rows + " published speeds reached");
    }
}
