package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferplan.engine.model.ModelPresets;
import io.inferplan.engine.model.ModelSpec;
import io.inferplan.engine.model.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refit sets aside only the metrics the first fit misses grossly, row by row, and keeps everything else. */
class OutlierTrimmingTest {
    private final EfficiencyTable table = EfficiencyTable.bundled();
    private final PerformanceModel model = new PerformanceModel(table);
    private final ModelSpec llama70 = ModelPresets.bundled().require("model", "Llama-3.1-70B");
    private final Deployment deployment = Deployment.of(TestAccelerators.h100(), 4, Precision.FP8, Precision.FP8, ServingStack.VLLM);
    private final EfficiencyProfile profile = table.resolve(deployment.accelerator().family(), ServingStack.VLLM).profile();

    /** Rows "measured" as the profile predicts them, TTFT and TPOT scaled by the given factors. */
    private Measurement row(int users, double ttftFactor, double tpotFactor) {
        RequestShape request = RequestShape.of(1024, 1024);
        ServingTarget target = new ServingTarget.FixedBatch(users);
        PerformanceEstimate e = model.estimate(llama70, deployment, request, target);
        return new Measurement("c" + users, llama70, deployment, 1, request, target, 0,
                e.timeToFirstTokenSeconds() * ttftFactor, e.timePerOutputTokenSeconds() * tpotFactor);
    }

    @Test
    void grossMissesAreSetAsideMetricByMetric() {
        List<Measurement> rows = new ArrayList<>();
        int[] users = {1, 2, 4, 8, 16, 32, 64, 128};
        for (int u : users) {
            rows.add(row(u, 1.05, 0.97));
        }
        rows.set(2, row(4, 5.0, 1.0));   // a warm-up TTFT: only its TTFT goes
        rows.set(5, row(32, 1.0, 4.0));  // a mislabelled run: only its TPOT goes
        rows.set(6, row(64, 2.0, 1.5));  // off, but not grossly: kept whole

        List<Measurement> kept = new EfficiencyFitter(table).withoutOutliers(rows, profile);

        assertEquals(users.length, kept.size(), "no row loses every metric");
        assertEquals(0, kept.get(2).measuredTtftSeconds(), "the 5x TTFT is set aside");
        assertEquals(rows.get(2).measuredTpotSeconds(), kept.get(2).measuredTpotSeconds(), "its TPOT stays");
        assertEquals(0, kept.get(5).measuredTpotSeconds(), "the 4x TPOT is set aside");
        assertEquals(rows.get(5).measuredTtftSeconds(), kept.get(5).measuredTtftSeconds(), "its TTFT stays");
        assertEquals(rows.get(6), kept.get(6), "a 2x miss is within the trimming limit");
        assertEquals(rows.get(0), kept.get(0));
    }

    @Test
    void aRowWithNothingLeftIsDropped() {
        List<Measurement> rows = new ArrayList<>(List.of(row(1, 1, 1), row(8, 1, 1), row(16, 1, 1), row(32, 6, 6)));
        List<Measurement> kept = new EfficiencyFitter(table).withoutOutliers(rows, profile);
        assertEquals(3, kept.size());
        assertEquals(List.of("c1", "c8", "c16"), kept.stream().map(Measurement::caseId).toList());
    }
}
