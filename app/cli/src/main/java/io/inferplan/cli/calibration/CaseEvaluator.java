package io.inferplan.cli.calibration;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.perf.DisaggregatedEstimate;
import io.inferplan.engine.perf.DisaggregatedServing;
import io.inferplan.engine.perf.ErrorBands;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.perf.PerformanceEstimate;
import io.inferplan.engine.perf.PerformanceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates every row of a cases table; a row that cannot be evaluated gets its reason in the {@code error}
 * column instead of stopping the run.
 */
public final class CaseEvaluator {
    public static final List<String> OUTPUT_COLUMNS = List.of(
            "predicted_output_tokens_per_s", "predicted_output_tokens_per_s_per_gpu", "predicted_ttft_ms",
            "predicted_tpot_ms", "predicted_batch", "predicted_error_band_percent", "predicted_error_band_ttft_percent",
            "predicted_error_band_tpot_percent", "predicted_limited_by", "prediction_error_percent", "resolved_model",
            "resolved_weight_precision", "weight_precision_from", "predicted_kv_transfer_ms", "error");

    private final CaseResolver resolver;
    private final PerformanceModel model;
    private final DisaggregatedServing disaggregated;

    public CaseEvaluator(CaseResolver resolver, PerformanceModel model) {
        this.resolver = resolver;
        this.model = model;
        this.disaggregated = new DisaggregatedServing(model);
    }

    /** Names resolved from the bundled models and catalog alone (no user entries), with the bundled profiles. */
    public static CaseEvaluator bundled() {
        return new CaseEvaluator(new CaseResolver(io.inferplan.engine.model.ModelPresets.bundled(),
                io.inferplan.catalog.store.AcceleratorLookup.bundled()), PerformanceModel.standard());
    }

    public CaseOutcome evaluate(Map<String, String> row) {
        String caseId = row.getOrDefault("case", "");
        String accelerator = row.getOrDefault("accelerator", "");
        ResolvedCase resolved = null;
        try {
            resolved = resolver.resolve(row);
            if (resolved.isDisaggregated()) {
                return evaluateDisaggregated(caseId, accelerator, resolved);
            }
            PerformanceEstimate estimate = model.estimate(resolved.model(), resolved.deployment(), resolved.request(), resolved.target());
            return new CaseOutcome(caseId, accelerator, resolved, estimate, null,
                    model.errorBands(resolved.model(), resolved.deployment(), estimate));
        } catch (InvalidInputException e) {
            return new CaseOutcome(caseId, accelerator, resolved, null, e.getMessage(), null);
        }
    }

    /** A closed loop of {@code batch} users over the row's prefill and decode pools. */
    private CaseOutcome evaluateDisaggregated(String caseId, String accelerator, ResolvedCase resolved) {
        if (!(resolved.target() instanceof ServingTarget.FixedBatch fixed)) {
            throw new InvalidInputException("scenario", "a disaggregated row (prefill_workers set) must be scenario batch");
        }
        DisaggregatedEstimate d = disaggregated.estimate(resolved.model(), resolved.disaggregated(), resolved.request(),
                fixed.concurrentRequests());
        PerformanceEstimate decode = d.decodeWorker();
        // The whole deployment's figures in the aggregated estimate's shape, so every column reads the same.
        PerformanceEstimate whole = new PerformanceEstimate(d.concurrency(), d.outputTokensPerSecond(), d.outputTokensPerSecondPerGpu(),
                d.outputTokensPerSecond() / resolved.request().outputTokens(), d.timeToFirstTokenSeconds(),
                d.timePerOutputTokenSeconds(), 1 / d.timePerOutputTokenSeconds(), 0, decode.decodeStepSeconds(), 0,
                decode.limitedBy(), decode.memory(), decode.errorBand(), decode.attentionParallelism());
        return new CaseOutcome(caseId, accelerator, resolved, whole, null, disaggregated.errorBands(resolved.model(), d),
                d.kvTransferSeconds());
    }

    public List<CaseOutcome> evaluateAll(CaseTable table) {
        List<CaseOutcome> outcomes = new ArrayList<>(table.rows().size());
        for (Map<String, String> row : table.rows()) {
            outcomes.add(evaluate(row));
        }
        return outcomes;
    }

    /** The input table with the prediction columns added to every row (input columns kept as they were). */
    public static CaseTable withPredictions(CaseTable input, List<CaseOutcome> outcomes) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            rows.add(predictionRow(input.rows().get(i), outcomes.get(i)));
        }
        return new CaseTable(columnsWithPredictions(input.columns()), rows);
    }

    /** The input columns, then the prediction columns the input does not already have. */
    public static List<String> columnsWithPredictions(List<String> inputColumns) {
        List<String> columns = new ArrayList<>(inputColumns);
        for (String column : OUTPUT_COLUMNS) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** One input row with its prediction cells (or its error) added. */
    public static Map<String, String> predictionRow(Map<String, String> input, CaseOutcome outcome) {
        Map<String, String> row = new LinkedHashMap<>(input);
        OUTPUT_COLUMNS.forEach(column -> row.put(column, ""));
        if (outcome.failed()) {
            row.put("error", outcome.error());
            return row;
        }
        PerformanceEstimate e = outcome.estimate();
        double total = outcome.predictedOutputTokensPerSecond();
        row.put("predicted_output_tokens_per_s", format(total, 1));
        row.put("predicted_output_tokens_per_s_per_gpu", format(e.outputTokensPerSecondPerGpu(), 1));
        row.put("predicted_ttft_ms", format(e.timeToFirstTokenSeconds() * 1e3, 1));
        row.put("predicted_tpot_ms", format(e.timePerOutputTokenSeconds() * 1e3, 2));
        row.put("predicted_batch", Integer.toString(e.batch() * outcome.replicas()));
        row.put("predicted_error_band_percent", format(e.errorBand().expectedErrorPercent(), 0));
        ErrorBands bands = outcome.errorBands();
        row.put("predicted_error_band_ttft_percent", format(bands.ttft().expectedErrorPercent(), 0));
        row.put("predicted_error_band_tpot_percent", format(bands.tpot().expectedErrorPercent(), 0));
        row.put("predicted_limited_by", e.limitedBy().name().toLowerCase(Locale.ROOT));
        if (outcome.resolved().isDisaggregated()) {
            row.put("predicted_kv_transfer_ms", format(outcome.kvTransferSeconds() * 1e3, 2));
        }
        outcome.errorPercent().ifPresent(p -> row.put("prediction_error_percent", format(p, 1)));
        // Names are read generously (Hugging Face ids, "-FP8" suffixes): say what each row was taken to mean.
        ResolvedCase resolved = outcome.resolved();
        row.put("resolved_model", resolved.model().id());
        row.put("resolved_weight_precision", resolved.deployment().weightPrecision().id());
        row.put("weight_precision_from", resolved.weightPrecisionOrigin() == WeightPrecisionOrigin.MODEL_NAME
                ? "model name suffix " + resolved.modelName().precisionSuffix() : resolved.weightPrecisionOrigin().id());
        return row;
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
