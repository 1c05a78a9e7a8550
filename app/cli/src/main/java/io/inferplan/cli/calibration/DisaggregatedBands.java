package io.inferplan.cli.calibration;

import io.inferplan.engine.Statistics;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.perf.EfficiencyTable;
import io.inferplan.engine.perf.PerformanceModel;
import io.inferplan.engine.perf.PredictedMetric;
import io.inferplan.engine.perf.ServingStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Error bands of disaggregated serving from published disaggregated rows: per (family, stack, metric), the 80th
 * percentile of the absolute TTFT and TPOT errors. No factor is fitted on these rows (the model reuses the profiles
 * fitted on aggregated rows), so every residual is already a held-out one, as the aggregated bands'
 * leave-one-model-out residuals are. Rows marked {@code workers_stated} 0 are left out.
 */
public final class DisaggregatedBands {
    private DisaggregatedBands() {
    }

    /** The bands {@code model} earns on the disaggregated rows among {@code rows} (others are ignored). */
    public static List<EfficiencyTable.BandEntry> of(PerformanceModel model, CaseResolver resolver, List<Map<String, String>> rows) {
        CaseEvaluator evaluator = new CaseEvaluator(resolver, model);
        Map<String, List<Double>> errors = new TreeMap<>();
        Map<String, Boolean> moe = new TreeMap<>();
        for (Map<String, String> row : rows) {
            CaseOutcome outcome = evaluator.evaluate(row);
            // A published row without its worker counts (workers_stated 0) was read as one worker per pool: its error
            // says how ambiguous the row is, not how far the model is off.
            if (outcome.failed() || !outcome.resolved().isDisaggregated() || "0".equals(row.get("workers_stated"))) {
                continue;
            }
            ResolvedCase resolved = outcome.resolved();
            String pair = resolved.deployment().accelerator().family().name() + "/" + resolved.deployment().servingStack().name();
            moe.merge(pair, resolved.model().isMoe(), Boolean::logicalOr);
            add(errors, pair + "/" + PredictedMetric.TTFT, outcome.estimate().timeToFirstTokenSeconds(), resolved.measuredTtftSeconds());
            add(errors, pair + "/" + PredictedMetric.TPOT, outcome.estimate().timePerOutputTokenSeconds(), resolved.measuredTpotSeconds());
        }
        List<EfficiencyTable.BandEntry> bands = new ArrayList<>();
        errors.forEach((key, list) -> {
            String[] parts = key.split("/");
            double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
            String pair = parts[0] + "/" + parts[1];
            bands.add(new EfficiencyTable.BandEntry(AcceleratorFamily.valueOf(parts[0]), ServingStack.valueOf(parts[1]).id(),
                    PredictedMetric.valueOf(parts[2]), false, moe.get(pair), values.length, Statistics.percentile(values, 0.5),
                    Statistics.percentile(values, 0.8)));
        });
        return bands;
    }

    private static void add(Map<String, List<Double>> errors, String key, double predicted, double measured) {
        if (measured > 0 && predicted > 0) {
            errors.computeIfAbsent(key, k -> new ArrayList<>()).add(Math.abs(predicted / measured - 1) * 100);
        }
    }
}
