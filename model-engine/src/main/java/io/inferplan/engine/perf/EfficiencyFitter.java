package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the efficiency factors of each (accelerator family, serving stack) to published measurements by minimising
 * the mean absolute log error of predicted throughput, and derives each pair's error band from k-fold
 * cross-validated residuals (so the band is what a configuration not in the data can expect).
 *
 * <p>Seven factors per pair: prefill and decode compute efficiency, memory bandwidth efficiency, per-step,
 * per-layer and per-sequence overhead, and the share of link bandwidth collectives reach. Each is bounded to a physically plausible range, so the fit cannot buy accuracy with
 * absurd values.
 */
public final class EfficiencyFitter {
    static final double[] LOWER = {0.20, 0.10, 0.30, 0.0, 0.0, 0.0, 0.2};
    static final double[] UPPER = {0.95, 0.95, 0.95, 0.020, 0.0001, 0.00003, 0.9};
    private static final int FOLDS = 5;
    /** Fitting compares throughput only; the band is derived afterwards from the residuals. */
    private static final ErrorBand NO_BAND = new ErrorBand(0, 0, "fitting");
    private static final int ITERATIONS = 600;

    private final PerformanceModel model;

    public EfficiencyFitter(EfficiencyTable base) {
        this.model = new PerformanceModel(base);
    }

    /** The result of fitting one (family, stack) pair. */
    public record PairFit(AcceleratorFamily family, ServingStack stack, EfficiencyProfile profile, int measurements,
                          double trainingMedianAbsErrorPercent, double crossValidatedMedianAbsErrorPercent,
                          double crossValidatedP80AbsErrorPercent) {
    }

    public List<PairFit> fit(List<Measurement> measurements) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            Deployment d = m.deployment();
            groups.computeIfAbsent(d.accelerator().family().name() + "/" + d.servingStack().name(), k -> new ArrayList<>()).add(m);
        }
        List<PairFit> fits = new ArrayList<>();
        for (List<Measurement> group : groups.values()) {
            fits.add(fitPair(group));
        }
        return fits;
    }

    /** Entries for an {@link EfficiencyTable}, with the cross-validated residuals as the error band. */
    public static List<EfficiencyTable.Entry> toEntries(List<PairFit> fits, String source) {
        return fits.stream().map(f -> new EfficiencyTable.Entry(f.family(), f.stack().id(), f.profile(), f.measurements(),
                round(f.crossValidatedMedianAbsErrorPercent()), round(f.crossValidatedP80AbsErrorPercent()), source)).toList();
    }

    private PairFit fitPair(List<Measurement> group) {
        Deployment first = group.getFirst().deployment();
        AcceleratorFamily family = first.accelerator().family();
        ServingStack stack = first.servingStack();
        EfficiencyProfile template = model.efficiencies().resolve(family, stack).profile();
        EfficiencyTable.StackTraits traits = model.efficiencies().traits(stack);
        EfficiencyProfile stackTemplate = new EfficiencyProfile(template.prefillComputeEfficiency(), template.decodeComputeEfficiency(),
                template.memoryBandwidthEfficiency(), template.stepOverheadSeconds(), template.layerOverheadSeconds(),
                template.sequenceOverheadSeconds(), template.collectiveEfficiency(), traits.kvMemoryFraction(), traits.kvReservedOutputFraction(), traits.defaultMaxBatch(), template.lowPrecisionComputePenalty());

        EfficiencyProfile fitted = minimise(group, stackTemplate);
        double trainingMedian = Statistics.percentile(absErrorsPercent(group, fitted), 0.5);

        List<Double> heldOut = new ArrayList<>();
        if (group.size() >= FOLDS * 2) {
            for (int fold = 0; fold < FOLDS; fold++) {
                List<Measurement> train = new ArrayList<>();
                List<Measurement> test = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    (i % FOLDS == fold ? test : train).add(group.get(i));
                }
                EfficiencyProfile foldProfile = minimise(train, stackTemplate);
                for (double e : absErrorsPercent(test, foldProfile)) {
                    heldOut.add(e);
                }
            }
        } else {
            for (double e : absErrorsPercent(group, fitted)) {
                heldOut.add(e);
            }
        }
        double[] cv = heldOut.stream().mapToDouble(Double::doubleValue).toArray();
        return new PairFit(family, stack, fitted, group.size(), trainingMedian, Statistics.percentile(cv, 0.5), Statistics.percentile(cv, 0.8));
    }

    /** Absolute percentage error of each measurement under {@code profile}; a configuration that fails counts as 100%. */
    public double[] absErrorsPercent(List<Measurement> rows, EfficiencyProfile profile) {
        double[] errors = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double predicted = predict(rows.get(i), profile);
            double measured = rows.get(i).measuredOutputTokensPerSecond();
            errors[i] = Double.isNaN(predicted) ? 100 : Math.abs(predicted - measured) / measured * 100;
        }
        return errors;
    }

    private double predict(Measurement m, EfficiencyProfile profile) {
        try {
            return m.replicas() * model.estimate(m.model(), m.deployment(), m.request(), m.target(), profile, NO_BAND).outputTokensPerSecond();
        } catch (InvalidInputException e) {
            return Double.NaN;
        }
    }

    private double loss(List<Measurement> rows, EfficiencyProfile profile) {
        double sum = 0;
        for (Measurement m : rows) {
            double predicted = predict(m, profile);
            sum += Double.isNaN(predicted) ? 5 : Math.abs(Math.log(predicted / m.measuredOutputTokensPerSecond()));
        }
        return sum / rows.size();
    }

    private EfficiencyProfile minimise(List<Measurement> rows, EfficiencyProfile template) {
        double[] best = null;
        double bestLoss = Double.MAX_VALUE;
        // A few starts across the box keep Nelder-Mead out of the shallow corners.
        double[][] starts = {{0.6, 0.5, 0.8, 0.3, 0.2, 0.3, 0.6}, {0.4, 0.3, 0.6, 0.1, 0.5, 0.1, 0.3},
                {0.8, 0.7, 0.9, 0.6, 0.1, 0.5, 0.8}};
        for (double[] start : starts) {
            double[] x = NelderMead.minimise(u -> loss(rows, profileAt(template, u)), toUnconstrained(start), ITERATIONS);
            double value = loss(rows, profileAt(template, x));
            if (value < bestLoss) {
                bestLoss = value;
                best = x;
            }
        }
        return profileAt(template, best);
    }

    /** Maps unconstrained coordinates into the bounded box with a logistic function. */
    static EfficiencyProfile profileAt(EfficiencyProfile template, double[] u) {
        double[] v = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            v[i] = LOWER[i] + (UPPER[i] - LOWER[i]) / (1 + Math.exp(-u[i]));
        }
        return new EfficiencyProfile(v[0], v[1], v[2], v[3], v[4], v[5], v[6], template.kvMemoryFraction(), template.kvReservedOutputFraction(),
                template.defaultMaxBatch(), template.lowPrecisionComputePenalty());
    }

    /** Start points are given as shares of each factor's range (0..1). */
    private static double[] toUnconstrained(double[] shares) {
        double[] u = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            double s = Math.min(0.99, Math.max(0.01, shares[i]));
            u[i] = Math.log(s / (1 - s));
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
