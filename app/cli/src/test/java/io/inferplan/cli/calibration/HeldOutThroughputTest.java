package io.inferplan.cli.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offline throughput of TensorRT-LLM's PyTorch backend (1.x) on H100, H200, B200 and GB200 with MoE, FP4 and
 * data-parallel attention (validation/heldout-trtllm-1x-offline.csv): rows no factor is fitted on, kept to see how
 * the model generalises beyond the 0.17 engines it is calibrated on. The bounds guard against getting worse; they
 * are not the goals (docs/performance-model.md, *Held-out check*).
 */
class HeldOutThroughputTest {
    static final Path HELD_OUT = Path.of("..", "..", "validation", "heldout-trtllm-1x-offline.csv");

    @Test
    void heldOutOfflineThroughputStaysWhereItWasMeasured() throws IOException {
        CaseTable table = CaseTable.read(HELD_OUT);
        CaseEvaluator evaluator = CaseEvaluator.bundled();
        List<CaseOutcome> outcomes = evaluator.evaluateAll(table);
        AccuracySummary summary = AccuracySummary.of(outcomes);
        System.out.print(summary.toMarkdown());

        assertEquals(111, table.rows().size());
        assertEquals(0, summary.failedRows(), "every published configuration must evaluate");
        // 2026-12-03: median 30.2%, bias +16.7% (gpt-oss predicted 46-81% too fast, DeepSeek-R1 at long outputs 40-60%);
        // with the 1.x backend fitted apart from the 0.17 engines, 23.3% and +12.8% (gpt-oss 37-39%); with the admission
        // iterations in TTFT and decode compute floored at 30%, 22.1% and +18.8% (Blackwell's per-sequence cost is weakly
        // identified: gpt-oss-20b +123% there); with gross misses set aside by the refit, 20.5% and +14.4%.
        assertTrue(summary.overall().medianAbsErrorPercent() <= 25,
                "held-out median absolute error " + summary.overall().medianAbsErrorPercent() + "%");
        long inside = outcomes.stream()
                .filter(o -> Math.abs(o.errorPercent().orElseThrow()) <= o.estimate().errorBand().expectedErrorPercent())
                .count();
        // 75 of 111 (68%) inside the stated band before the runtime split, 89 (80%) after it, 83 (75%) with the admission
        // iterations, 90 (81%) with the trimmed refit.
        assertTrue(inside >= 0.75 * outcomes.size(), inside + " of " + outcomes.size() + " held-out rows inside their band");
    }
}
