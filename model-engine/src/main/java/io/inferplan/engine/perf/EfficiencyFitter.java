package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.model.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the efficiency factors of each (accelerator family, serving stack) jointly to published throughput
 * (offline runs) and to published TTFT and TPOT at fixed concurrency (serving sweeps), by minimising the mean
 * absolute log error of each metric, and derives error bands from cross-validated residuals: each model of the
 * pair left out in turn (leave-one-model-out), so a band is what a model not in the data can expect.
 *
 * <p>Twenty factors per pair (see {@link EfficiencyProfile}): prefill and decode compute efficiency, weight-streaming
 * and KV-read bandwidth efficiency, per-step, per-layer, per-MoE-layer and per-sequence overhead, the overlapped host
 * time per sequence, the admission iterations before a first token, collective bandwidth
 * share and latency, expert all-to-all latency, per-request overhead and host time per prompt token, the expert
 * grouped-GEMM half size, closed-loop prefill queueing share and coherence length, the FP4/INT4 compute factor and the
 * per-layer cost of an iteration that carries prefill.
 * Each is bounded to a physically plausible range, so the fit cannot buy accuracy with absurd values; a factor no row
 * of the pair can inform (the latency factors without latency rows, the FP4 factor without FP4 math, the MoE factors
 * without MoE rows) keeps its stated value.
 */
public final class EfficiencyFitter {
    /*
     * Bounds, in the order of EfficiencyProfile.fittedFactors(). Physical ranges, not curve-fitting room: large GEMMs
     * reach 35-90% of dense peak, decode's skinny ones at least 30% where the roofline lets them bind (a batch large
     * enough to be compute-bound; fitted on batches that hardly are, Blackwell TensorRT-LLM's fell to 0.22 and put
     * large offline batches 2.4x too slow); streaming kernels 55-95% of datasheet bandwidth; NCCL and custom all-reduce kernels
     * 50-90% of NVLink bandwidth on large messages; a launch inside a CUDA graph costs microseconds, a layer at most
     * about 100 us of kernel gaps and latency-bound kernels; what a benchmark client measures before the first token beyond GPU work stays under 0.4 s.
     */
    static final double[] LOWER = {0.35, 0.30, 0.55, 0.0, 0.0, 0.0, 0.5, 2e-6, 0.0, 0.0, 0.3, 5e-6, 0.0, 100, 0.0, 0.0, 0.35, 0.0, 0.0, 0.0};
    static final double[] UPPER = {0.90, 0.95, 0.95, 0.010, 0.0001, 0.00003, 0.9, 4e-5, 0.40, 1.0, 1.0, 3e-4, 1e-4, 20000, 2e-5, 200, 0.95, 5e-4, 2e-4, 30};
    private static final int STEP_OVERHEAD = 3;
    private static final int LAYER_OVERHEAD = 4;
    private static final int REQUEST_OVERHEAD = 8;
    private static final int QUEUE_SHARE = 9;
    private static final int LOW_PRECISION = 10;
    private static final int ALL_TO_ALL_LATENCY = 11;
    private static final int EXPERT_LAYER_OVERHEAD = 12;
    private static final int QUEUE_COHERENCE = 13;
    private static final int PROMPT_TOKEN_OVERHEAD = 14;
    private static final int EXPERT_GEMM_HALF_GFLOPS = 15;
    private static final int PREFILL_LAYER_OVERHEAD = 17;
    private static final int HOST_SEQUENCE = 18;
    private static final int ADMISSION_ITERATIONS = 19;
    /** Fitting compares figures only; the bands are derived afterwards from the residuals. */
    private static final ErrorBand NO_BAND = new ErrorBand(0, 0, "fitting");
    private static final int ITERATIONS = 1500;
    private static final int FOLD_ITERATIONS = 1500;
    /** TTFT counts as much as TPOT: at half weight its fit left the closed-loop factors unconstrained. */
    private static final double TTFT_WEIGHT = 1.0;
    /**
     * Offline throughput rows are few (the calibration set) and clean; the sweeps are many and noisy (TTFT above all).
     * Weighting throughput twice keeps the offline fit from being traded away for sweep rows.
     */
    private static final double THROUGHPUT_WEIGHT = 2.0;
    private static final double[] METRIC_WEIGHTS = {THROUGHPUT_WEIGHT, TTFT_WEIGHT, 1.0};
    /** A metric the first fit misses by more than this factor, and by {@link #OUTLIER_MEDIANS} of its medians, is set aside. */
    static final double OUTLIER_FACTOR = 2.5;
    static final double OUTLIER_MEDIANS = 3.0;
    /** The log error a configuration that fails to evaluate counts as. */
    private static final double FAILURE_LOSS = 3;

    private final PerformanceModel model;

    public EfficiencyFitter(EfficiencyTable base) {
        this.model = new PerformanceModel(base);
    }

    /** One held-out prediction of one metric, for error bands. */
    public record Residual(String caseId, String modelId, String acceleratorName, PredictedMetric metric, OperatingRegime regime,
                           double absErrorPercent) {
    }

    /**
     * The result of fitting one (family, stack) pair.
     *
     * @param trainingMedianAbsErrorPercent  median absolute error of each metric on the rows it was fitted on
     * @param byModel                        leave-one-model-out held-out residuals
     * @param byAccelerator                  leave-one-accelerator-out held-out residuals (empty with one accelerator)
     * @param setAside                       per metric, the measurements the final fit set aside as outliers
     */
    public record PairFit(AcceleratorFamily family, ServingStack stack, EfficiencyProfile profile, int measurements,
                          Map<PredictedMetric, Double> trainingMedianAbsErrorPercent, List<Residual> byModel,
                          List<Residual> byAccelerator, Map<PredictedMetric, Integer> setAside) {

        public double crossValidatedMedianAbsErrorPercent(PredictedMetric metric) {
            return percentile(byModel, metric, 0.5);
        }

        public double crossValidatedP80AbsErrorPercent(PredictedMetric metric) {
            return percentile(byModel, metric, 0.8);
        }

        public double byAcceleratorMedianAbsErrorPercent(PredictedMetric metric) {
            return percentile(byAccelerator, metric, 0.5);
        }

        public long rows(PredictedMetric metric) {
            return byModel.stream().filter(r -> r.metric() == metric).count();
        }

        private static double percentile(List<Residual> residuals, PredictedMetric metric, double quantile) {
            double[] values = residuals.stream().filter(r -> r.metric() == metric).mapToDouble(Residual::absErrorPercent).toArray();
            return values.length == 0 ? Double.NaN : Statistics.percentile(values, quantile);
        }
    }

    public List<PairFit> fit(List<Measurement> measurements) {
        return fit(measurements, true);
    }

    /**
     * As {@link #fit(List)}, or, with {@code refit} false, keeping each pair's bundled factors and recomputing only what
     * is measured against them: the gross misses set aside, the training errors and the cross-validated residuals
     * (whose folds are fitted as always). For a change to how the folds are fitted, without the factors' refit drift.
     */
    public List<PairFit> fit(List<Measurement> measurements, boolean refit) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            Deployment d = m.deployment();
            groups.computeIfAbsent(d.accelerator().family().name() + "/" + d.servingStack().name(), k -> new ArrayList<>()).add(m);
        }
        List<PairFit> fits = new ArrayList<>();
        for (List<Measurement> group : groups.values()) {
            fits.add(fitPair(group, refit));
        }
        return fits;
    }

    /** Entries for an {@link EfficiencyTable}; the throughput band is the held-out throughput error where there is one. */
    public static List<EfficiencyTable.Entry> toEntries(List<PairFit> fits, String source) {
        return fits.stream().map(f -> {
            PredictedMetric main = f.rows(PredictedMetric.THROUGHPUT) > 0 ? PredictedMetric.THROUGHPUT : PredictedMetric.TPOT;
            return new EfficiencyTable.Entry(f.family(), f.stack().id(), f.profile(), f.measurements(),
                    round(f.crossValidatedMedianAbsErrorPercent(main)), round(f.crossValidatedP80AbsErrorPercent(main)), source);
        }).toList();
    }

    /** Error bands per metric and regime from the leave-one-model-out residuals. */
    public static List<EfficiencyTable.BandEntry> toBands(List<PairFit> fits) {
        List<EfficiencyTable.BandEntry> bands = new ArrayList<>();
        for (PairFit f : fits) {
            Map<String, List<Residual>> byKey = new LinkedHashMap<>();
            for (Residual r : f.byModel()) {
                byKey.computeIfAbsent(r.metric() + "/" + r.regime(), k -> new ArrayList<>()).add(r);
            }
            for (List<Residual> cell : byKey.values()) {
                double[] errors = cell.stream().mapToDouble(Residual::absErrorPercent).toArray();
                Residual first = cell.getFirst();
                bands.add(new EfficiencyTable.BandEntry(f.family(), f.stack().id(), first.metric(), first.regime().latencyBound(),
                        first.regime().moe(), errors.length, round(Statistics.percentile(errors, 0.5)),
                        round(Statistics.percentile(errors, 0.8))));
            }
        }
        return bands;
    }

    private PairFit fitPair(List<Measurement> group, boolean refit) {
        Deployment first = group.getFirst().deployment();
        AcceleratorFamily family = first.accelerator().family();
        ServingStack stack = first.servingStack();
        EfficiencyProfile resolved = model.efficiencies().resolve(family, stack).profile();
        EfficiencyTable.StackTraits traits = model.efficiencies().traits(stack);
        EfficiencyProfile template = new EfficiencyProfile(resolved.prefillComputeEfficiency(), resolved.decodeComputeEfficiency(),
                resolved.memoryBandwidthEfficiency(), resolved.stepOverheadSeconds(), resolved.layerOverheadSeconds(),
                resolved.sequenceOverheadSeconds(), resolved.collectiveEfficiency(), traits.kvMemoryFraction(),
                traits.kvReservedOutputFraction(), traits.defaultMaxBatch(), resolved.lowPrecisionComputePenalty(),
                resolved.collectiveLatencySeconds(), resolved.requestOverheadSeconds(), resolved.prefillTokenBudget(),
                resolved.prefillQueueShare(), resolved.allToAllLatencySeconds(), resolved.expertLayerOverheadSeconds(),
                resolved.queueCoherenceOutputTokens(), resolved.promptTokenOverheadSeconds(), resolved.expertGemmHalfGflops(),
                resolved.kvBandwidthEfficiency(), resolved.prefillLayerOverheadSeconds(), resolved.hostSequenceSeconds(),
                resolved.admissionIterations());
        boolean[] free = freeFactors(group);

        EfficiencyProfile firstFit = refit ? minimise(group, template, free, ITERATIONS, true) : template;
        List<Measurement> trimmed = withoutOutliers(group, firstFit);
        Map<PredictedMetric, Integer> setAside = setAside(group, trimmed);
        boolean nothingSetAside = setAside.values().stream().allMatch(n -> n == 0);
        EfficiencyProfile fitted = !refit || nothingSetAside ? firstFit : minimise(trimmed, firstFit, free, ITERATIONS, true);
        Map<PredictedMetric, Double> training = new java.util.EnumMap<>(PredictedMetric.class);
        List<Residual> trainingResiduals = residuals(group, fitted);
        for (PredictedMetric metric : PredictedMetric.values()) {
            double[] e = trainingResiduals.stream().filter(r -> r.metric() == metric).mapToDouble(Residual::absErrorPercent).toArray();
            if (e.length > 0) {
                training.put(metric, Statistics.percentile(e, 0.5));
            }
        }
        List<Residual> byModel = crossValidate(trimmed, group, fitted, free, m -> m.model().id());
        List<Residual> byAccelerator = crossValidate(trimmed, group, fitted, free, m -> m.deployment().accelerator().name());
        return new PairFit(family, stack, fitted, group.size(), training, byModel.isEmpty() ? trainingResiduals : byModel, byAccelerator,
                setAside);
    }

    /** A factor is fitted only where some row of the group depends on it. */
    private static boolean[] freeFactors(List<Measurement> group) {
        boolean[] free = new boolean[LOWER.length];
        java.util.Arrays.fill(free, true);
        boolean latency = group.stream().anyMatch(m -> m.measuredTtftSeconds() > 0);
        // Offline rows run at the largest batch, where a step's fixed costs and a host floor are a sliver of its time:
        // fitted on them alone, these drift to a bound and predict small batches badly (a TensorRT engine's layer
        // cost went to 100 us, putting the simulator's ITL 9% too slow).
        free[STEP_OVERHEAD] = latency;
        free[LAYER_OVERHEAD] = latency;
        free[HOST_SEQUENCE] = latency;
        free[ADMISSION_ITERATIONS] = latency;
        free[REQUEST_OVERHEAD] = latency;
        free[QUEUE_SHARE] = latency;
        free[QUEUE_COHERENCE] = latency;
        free[PROMPT_TOKEN_OVERHEAD] = latency;
        // Offline rows see it only as a share of a chunk per request; TTFT sees a whole chunk's worth.
        free[PREFILL_LAYER_OVERHEAD] = latency;
        free[EXPERT_GEMM_HALF_GFLOPS] = latency && group.stream().anyMatch(m -> m.model().isMoe());
        free[LOW_PRECISION] = group.stream().anyMatch(m -> {
            Precision math = ReplicaLayout.mathPrecision(m.deployment());
            return (math == Precision.FP4 || math == Precision.INT4) && m.deployment().accelerator().supports(math);
        });
        free[EXPERT_LAYER_OVERHEAD] = group.stream().anyMatch(m -> m.model().isMoe());
        // Only data-parallel attention dispatches tokens all-to-all; an expert-parallel layer under tensor-parallel
        // attention combines through the all-reduce. Left free without such rows, the factor drifted to its bound
        // (Hopper SGLang: 37 -> 300 us) and made wide expert-parallel searches miss their latency targets.
        free[ALL_TO_ALL_LATENCY] = group.stream().anyMatch(m -> m.model().isMoe() && m.deployment().gpusPerReplica() > 1
                && (m.deployment().attentionParallelism() == AttentionParallelism.DATA
                        || m.deployment().attentionParallelism() == AttentionParallelism.AUTO
                                && PerformanceModel.prefersDataParallelAttention(m.model(), m.deployment())));
        return free;
    }

    /**
     * Held-out residuals with each group of {@code key} left out in turn; empty when there is only one group. Each fold
     * trains on {@code training} (outliers set aside) and is judged on every row of {@code all}, outliers included, so
     * the bands keep the rows the fit ignores. {@code pair} gives only the factors no row informs (they are not fitted).
     */
    private List<Residual> crossValidate(List<Measurement> training, List<Measurement> all, EfficiencyProfile pair, boolean[] free,
                                         java.util.function.Function<Measurement, String> key) {
        Map<String, List<Measurement>> folds = new LinkedHashMap<>();
        for (Measurement m : all) {
            folds.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(m);
        }
        List<Residual> heldOut = new ArrayList<>();
        if (folds.size() < 2) {
            return heldOut;
        }
        // Each fold starts where no row of the fold has been: the stated defaults for the factors it fits (the pair's
        // values for those it cannot), and the spread starts. Started from the full fit, a fold that had not
        // converged stayed near a fit that had seen the model it leaves out.
        double[] cold = pair.fittedFactors();
        double[] defaults = model.efficiencies().defaultProfile().fittedFactors();
        for (int i = 0; i < cold.length; i++) {
            if (free[i]) {
                cold[i] = Math.min(UPPER[i], Math.max(LOWER[i], defaults[i]));
            }
        }
        EfficiencyProfile coldStart = pair.withFitted(cold);
        for (Map.Entry<String, List<Measurement>> fold : folds.entrySet()) {
            List<Measurement> train = training.stream().filter(m -> !key.apply(m).equals(fold.getKey())).toList();
            EfficiencyProfile foldProfile = minimise(train, coldStart, free, FOLD_ITERATIONS, true);
            heldOut.addAll(residuals(fold.getValue(), foldProfile));
        }
        return heldOut;
    }

    /**
     * The rows with each metric that the first fit misses by more than {@link #OUTLIER_FACTOR} (and by more than
     * {@link #OUTLIER_MEDIANS} times that metric's median log error) set aside; a row with no metric left is dropped.
     * The median-based loss already caps how far one such row pulls, but not in which direction: a set of runs
     * measured under conditions no case row names (a 7-9 s TTFT from a warm-up, a mislabelled parallelism) all pull
     * one factor the same way, and the rows the physics does describe pay for it.
     */
    List<Measurement> withoutOutliers(List<Measurement> rows, EfficiencyProfile profile) {
        List<double[]> logErrors = new ArrayList<>();
        double[][] byMetric = new double[3][rows.size()];
        int[] counts = new int[3];
        for (Measurement m : rows) {
            // A configuration the first fit cannot evaluate is kept: another profile may evaluate it.
            double[] errors = logErrors(m, estimate(m, profile), Double.NaN);
            for (int i = 0; i < 3; i++) {
                if (!Double.isNaN(errors[i])) {
                    byMetric[i][counts[i]++] = errors[i];
                }
            }
            logErrors.add(errors);
        }
        double[] limit = new double[3];
        for (int i = 0; i < 3; i++) {
            double median = counts[i] == 0 ? 0 : Statistics.percentile(java.util.Arrays.copyOf(byMetric[i], counts[i]), 0.5);
            limit[i] = Math.max(Math.log(OUTLIER_FACTOR), OUTLIER_MEDIANS * median);
        }
        List<Measurement> kept = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Measurement m = rows.get(r);
            double[] errors = logErrors.get(r);
            double throughput = errors[0] > limit[0] ? 0 : m.measuredOutputTokensPerSecond();
            double ttft = errors[1] > limit[1] ? 0 : m.measuredTtftSeconds();
            double tpot = errors[2] > limit[2] ? 0 : m.measuredTpotSeconds();
            if (throughput == 0 && ttft == 0 && tpot == 0) {
                continue;
            }
            kept.add(new Measurement(m.caseId(), m.model(), m.deployment(), m.replicas(), m.request(), m.target(), throughput, ttft, tpot));
        }
        return kept;
    }

    /** Per metric, how many measurements of {@code all} the trimmed rows no longer carry. */
    private static Map<PredictedMetric, Integer> setAside(List<Measurement> all, List<Measurement> trimmed) {
        Map<PredictedMetric, Integer> counts = new java.util.EnumMap<>(PredictedMetric.class);
        for (PredictedMetric metric : PredictedMetric.values()) {
            counts.put(metric, (int) (all.stream().filter(m -> m.measures(metric)).count()
                    - trimmed.stream().filter(m -> m.measures(metric)).count()));
        }
        return counts;
    }

    /** The absolute percentage error of every measured metric of every row; a configuration that fails counts as 100%. */
    public List<Residual> residuals(List<Measurement> rows, EfficiencyProfile profile) {
        return residualsOf(rows, m -> estimate(m, profile));
    }

    /** The residuals of {@code rows} under {@code estimates} (null where a configuration does not evaluate). */
    static List<Residual> residualsOf(List<Measurement> rows, java.util.function.Function<Measurement, PerformanceEstimate> estimates) {
        List<Residual> out = new ArrayList<>();
        for (Measurement m : rows) {
            PerformanceEstimate e = estimates.apply(m);
            OperatingRegime regime = OperatingRegime.of(m.model(), e == null ? batchOf(m) : e.batch());
            String accelerator = m.deployment().accelerator().name();
            if (m.hasThroughput()) {
                out.add(new Residual(m.caseId(), m.model().id(), accelerator, PredictedMetric.THROUGHPUT, regime,
                        e == null ? 100 : percent(m.replicas() * e.outputTokensPerSecond(), m.measuredOutputTokensPerSecond())));
            }
            if (m.measuredTtftSeconds() > 0) {
                out.add(new Residual(m.caseId(), m.model().id(), accelerator, PredictedMetric.TTFT, regime,
                        e == null ? 100 : percent(e.timeToFirstTokenSeconds(), m.measuredTtftSeconds())));
            }
            if (m.measuredTpotSeconds() > 0) {
                out.add(new Residual(m.caseId(), m.model().id(), accelerator, PredictedMetric.TPOT, regime,
                        e == null ? 100 : percent(e.timePerOutputTokenSeconds(), m.measuredTpotSeconds())));
            }
        }
        return out;
    }

    /** Absolute percentage throughput error of each row under {@code profile} (throughput rows only). */
    public double[] absErrorsPercent(List<Measurement> rows, EfficiencyProfile profile) {
        return residuals(rows, profile).stream().filter(r -> r.metric() == PredictedMetric.THROUGHPUT)
                .mapToDouble(Residual::absErrorPercent).toArray();
    }

    private static int batchOf(Measurement m) {
        return m.target() instanceof ServingTarget.FixedBatch fixed ? fixed.concurrentRequests() : Integer.MAX_VALUE;
    }

    private static double percent(double predicted, double measured) {
        return Math.abs(predicted - measured) / measured * 100;
    }

    /** The estimate of {@code m} under {@code profile}; null where the configuration does not evaluate. */
    PerformanceEstimate estimate(Measurement m, EfficiencyProfile profile) {
        try {
            return model.estimate(m.model(), m.deployment(), m.request(), m.target(), profile, NO_BAND);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Mean absolute log error of each metric, averaged over the metrics the rows measure. */
    private double loss(List<Measurement> rows, EfficiencyProfile profile) {
        return weightedLogLoss(rows, m -> estimate(m, profile), METRIC_WEIGHTS);
    }

    /**
     * The mean absolute log error of throughput, TTFT and TPOT over the rows that measure each, weighted by
     * {@code weights} (in that order) and summed; a configuration that does not evaluate counts as {@link #FAILURE_LOSS}.
     */
    static double weightedLogLoss(List<Measurement> rows, java.util.function.Function<Measurement, PerformanceEstimate> estimates,
                                  double[] weights) {
        double[] sum = new double[3];
        int[] count = new int[3];
        for (Measurement m : rows) {
            double[] errors = logErrors(m, estimates.apply(m), FAILURE_LOSS);
            for (int i = 0; i < 3; i++) {
                if (!Double.isNaN(errors[i])) {
                    sum[i] += errors[i];
                    count[i]++;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < 3; i++) {
            total += count[i] == 0 ? 0 : weights[i] * sum[i] / count[i];
        }
        return total;
    }

    /**
     * The absolute log errors of throughput, TTFT and TPOT ({@code NaN} where the row does not measure one), each
     * {@code failure} where the configuration did not evaluate.
     */
    private static double[] logErrors(Measurement m, PerformanceEstimate e, double failure) {
        double[] errors = {Double.NaN, Double.NaN, Double.NaN};
        if (m.hasThroughput()) {
            errors[0] = e == null ? failure : Math.abs(Math.log(m.replicas() * e.outputTokensPerSecond() / m.measuredOutputTokensPerSecond()));
        }
        if (m.measuredTtftSeconds() > 0) {
            errors[1] = e == null ? failure : Math.abs(Math.log(e.timeToFirstTokenSeconds() / m.measuredTtftSeconds()));
        }
        if (m.measuredTpotSeconds() > 0) {
            errors[2] = e == null ? failure : Math.abs(Math.log(e.timePerOutputTokenSeconds() / m.measuredTpotSeconds()));
        }
        return errors;
    }

    private EfficiencyProfile minimise(List<Measurement> rows, EfficiencyProfile template, boolean[] free, int iterations,
                                       boolean restarts) {
        double[] fixed = template.fittedFactors();
        List<double[]> starts = new ArrayList<>();
        starts.add(shares(fixed));
        if (restarts) {
            // A couple of starts across the box keep Nelder-Mead out of the shallow corners.
            starts.add(new double[] {0.6, 0.5, 0.85, 0.1, 0.1, 0.1, 0.6, 0.2, 0.2, 0.2, 0.7, 0.1, 0.2, 0.1, 0.3, 0.2, 0.8});
            starts.add(new double[] {0.4, 0.3, 0.7, 0.3, 0.3, 0.3, 0.4, 0.4, 0.3, 0.4, 0.5, 0.3, 0.4, 0.3, 0.1, 0.05, 0.5});
        }
        double[] best = null;
        double bestLoss = Double.MAX_VALUE;
        for (double[] start : starts) {
            double[] x = NelderMead.minimise(u -> loss(rows, profileAt(template, fixed, free, u)), toUnconstrained(start, free), iterations);
            double value = loss(rows, profileAt(template, fixed, free, x));
            if (value < bestLoss) {
                bestLoss = value;
                best = x;
            }
        }
        return profileAt(template, fixed, free, best);
    }

    /** Maps the unconstrained coordinates of the free factors into their bounded box with a logistic function. */
    static EfficiencyProfile profileAt(EfficiencyProfile template, double[] fixed, boolean[] free, double[] u) {
        double[] v = fixed.clone();
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (free[i]) {
                v[i] = LOWER[i] + (UPPER[i] - LOWER[i]) / (1 + Math.exp(-u[k++]));
            }
        }
        return template.withFitted(v);
    }

    /** Where each factor sits in its range (0..1). */
    private static double[] shares(double[] values) {
        double[] s = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = (values[i] - LOWER[i]) / (UPPER[i] - LOWER[i]);
        }
        return s;
    }

    /** Start points are given as shares of each free factor's range (0..1). */
    private static double[] toUnconstrained(double[] shares, boolean[] free) {
        int n = 0;
        for (boolean f : free) {
            n += f ? 1 : 0;
        }
        double[] u = new double[n];
        int k = 0;
        for (int i = 0; i < shares.length; i++) {
            if (free[i]) {
                double s = Math.min(0.99, Math.max(0.01, shares[i]));
                u[k++] = Math.log(s / (1 - s));
            }
        }
        return u;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Compact Nelder-Mead simplex search; the loss is cheap and smooth enough for it. */
    static final class NelderMead {
        interface Function {
            double value(double[] x);
        }

        private NelderMead() {
        }

        static double[] minimise(Function f, double[] start, int iterations) {
            int n = start.length;
            double[][] simplex = new double[n + 1][];
            double[] values = new double[n + 1];
            simplex[0] = start.clone();
            for (int i = 0; i < n; i++) {
                double[] point = start.clone();
                point[i] += 1.0;
                simplex[i + 1] = point;
            }
            for (int i = 0; i <= n; i++) {
                values[i] = f.value(simplex[i]);
            }
            Integer[] order = new Integer[n + 1];
            for (int iteration = 0; iteration < iterations; iteration++) {
                for (int i = 0; i <= n; i++) {
                    order[i] = i;
                }
                final double[] v = values;
                Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
                double[][] sortedSimplex = new double[n + 1][];
                double[] sortedValues = new double[n + 1];
                for (int i = 0; i <= n; i++) {
                    sortedSimplex[i] = simplex[order[i]];
                    sortedValues[i] = values[order[i]];
                }
                simplex = sortedSimplex;
                values = sortedValues;
                if (Math.abs(values[n] - values[0]) < 1e-7) {
                    break;
                }
                double[] centroid = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        centroid[j] += simplex[i][j] / n;
                    }
                }
                double[] reflected = blend(centroid, simplex[n], -1.0);
                double reflectedValue = f.value(reflected);
                if (reflectedValue < values[0]) {
                    double[] expanded = blend(centroid, simplex[n], -2.0);
                    double expandedValue = f.value(expanded);
                    if (expandedValue < reflectedValue) {
                        simplex[n] = expanded;
                        values[n] = expandedValue;
                    } else {
                        simplex[n] = reflected;
                        values[n] = reflectedValue;
                    }
                } else if (reflectedValue < values[n - 1]) {
                    simplex[n] = reflected;
                    values[n] = reflectedValue;
                } else {
                    double[] contracted = blend(centroid, simplex[n], 0.5);
                    double contractedValue = f.value(contracted);
                    if (contractedValue < values[n]) {
                        simplex[n] = contracted;
                        values[n] = contractedValue;
                    } else {
                        for (int i = 1; i <= n; i++) {
                            simplex[i] = blend(simplex[0], simplex[i], 0.5);
                            values[i] = f.value(simplex[i]);
                        }
                    }
                }
            }
            int bestIndex = 0;
            for (int i = 1; i <= n; i++) {
                if (values[i] < values[bestIndex]) {
                    bestIndex = i;
                }
            }
            return simplex[bestIndex];
        }

        /** centroid + t * (point - centroid). */
        private static double[] blend(double[] centroid, double[] point, double t) {
            double[] result = new double[centroid.length];
            for (int i = 0; i < centroid.length; i++) {
                result[i] = centroid[i] + t * (point[i] - centroid[i]);
            }
            return result;
        }
    }
}
