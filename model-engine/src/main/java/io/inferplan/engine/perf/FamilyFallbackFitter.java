package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fits the two scales of a family that borrows another family's efficiencies ({@link EfficiencyTable.FamilyFallback}):
 * how much of the borrowed compute efficiency and memory bandwidth efficiency its kernels reach. A family with a few
 * published measurements on a couple of models cannot carry a profile of twenty factors (the pair fit would learn the
 * rows); two scales, everything else as on the family it borrows from, are what such data can identify: the large
 * batches say compute, batch 1 says bandwidth.
 *
 * <p>The error the fallback states comes from leave-one-model-out residuals: each model predicted by the scales fitted
 * on the others. The table widens it further to the borrowed pair's band where that is wider.
 */
public final class FamilyFallbackFitter {
    /** How the reason of a fitted fallback begins (the calibrate command's provenance). */
    public static final String FITTED_PREFIX = "fitted by";
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 2.0;
    private static final int GRID = 40;
    private static final int REFINEMENTS = 3;
    private static final double FAILURE_LOSS = 3;
    /** What a configuration that does not evaluate counts as in the error figures. */
    private static final double FAILED_PERCENT = 100;

    private final EfficiencyTable base;
    private final PerformanceModel model;

    public FamilyFallbackFitter(EfficiencyTable base) {
        this.base = base;
        this.model = new PerformanceModel(base);
    }

    /**
     * The fitted fallback and what it achieves.
     *
     * @param fallback               the fallback with the fitted scales, its stated error and provenance
     * @param measurements           rows fitted (all of the family)
     * @param models                 distinct models among them
     * @param fittedMedianPercent    median absolute error of the rows under the fitted scales
     * @param heldOutMedianPercent   median absolute error of each model predicted by scales fitted without it
     * @param heldOutP80Percent      80th percentile of those held-out errors
     * @param previousMedianPercent  median absolute error under the table's scales before the fit
     */
    public record Fit(EfficiencyTable.FamilyFallback fallback, int measurements, List<String> models, double fittedMedianPercent,
                      double heldOutMedianPercent, double heldOutP80Percent, double previousMedianPercent) {
    }

    /**
     * Fits {@code family}'s scales to {@code rows} (rows of other families are ignored) and states the result with
     * {@code provenance} (the command and date) in its reason.
     */
    public Fit fit(AcceleratorFamily family, List<Measurement> rows, String provenance) {
        if (!provenance.startsWith(FITTED_PREFIX)) {
            throw new IllegalArgumentException("provenance must begin with '" + FITTED_PREFIX + "'");
        }
        EfficiencyTable.FamilyFallback current = base.familyFallback(family).orElseThrow(() -> new InvalidInputException(
                "--family-fallback", family.displayName() + " has its own fitted profiles, not a fallback; refit it with calibrate"));
        List<Measurement> own = rows.stream().filter(m -> m.deployment().accelerator().family() == family).toList();
        if (own.isEmpty()) {
            throw new InvalidInputException("measurements", "no measured row on " + family.displayName() + " accelerators");
        }
        Set<String> models = new LinkedHashSet<>();
        own.forEach(m -> models.add(m.model().id()));
        double[] scales = bestScales(current, own);
        double fitted = median(absErrors(current, scales, own));
        double previous = median(absErrors(current, new double[] {current.computeScale(), current.memoryScale()}, own));
        List<Double> heldOut = new ArrayList<>();
        if (models.size() > 1) {
            for (String left : models) {
                List<Measurement> train = own.stream().filter(m -> !m.model().id().equals(left)).toList();
                List<Measurement> test = own.stream().filter(m -> m.model().id().equals(left)).toList();
                for (double e : absErrors(current, bestScales(current, train), test)) {
                    heldOut.add(e);
                }
            }
        }
        double[] held = heldOut.stream().mapToDouble(Double::doubleValue).toArray();
        double heldMedian = held.length == 0 ? Double.NaN : median(held);
        double heldP80 = held.length == 0 ? Double.NaN : percentile(held, 0.8);
        // One model cannot be held out against another: the stated error then stays what it was.
        double errorPercent = held.length == 0 ? current.errorPercent() : Math.ceil(heldP80);
        String reason = String.format(Locale.ROOT, "%s: compute x %.2f and memory x %.2f of %s's efficiencies fitted to %d published "
                        + "measurements of %s (median error %.1f%%; each model left out in turn %.1f%%, 80th percentile %.1f%%)",
                provenance, scales[0], scales[1], current.borrowFrom().displayName(), own.size(), String.join(", ", models), fitted,
                heldMedian, heldP80);
        EfficiencyTable.FamilyFallback fallback = new EfficiencyTable.FamilyFallback(family, current.borrowFrom(), scales[0], scales[1],
                errorPercent, reason);
        return new Fit(fallback, own.size(), List.copyOf(models), fitted, heldMedian, heldP80, previous);
    }

    /**
     * A grid over both scales in log space, refined around the best cell: two factors and a loss with plateaus (a
     * batch limit, a bound that switches) make a grid surer than a simplex, and it costs a few thousand estimates.
     */
    private double[] bestScales(EfficiencyTable.FamilyFallback current, List<Measurement> rows) {
        double lowLog = Math.log(MIN_SCALE);
        double highLog = Math.log(MAX_SCALE);
        double[] lows = {lowLog, lowLog};
        double[] highs = {highLog, highLog};
        double[] best = {current.computeScale(), current.memoryScale()};
        double bestLoss = loss(current, best, rows);
        for (int round = 0; round <= REFINEMENTS; round++) {
            double[] step = {(highs[0] - lows[0]) / GRID, (highs[1] - lows[1]) / GRID};
            double[] roundBest = best.clone();
            for (int i = 0; i <= GRID; i++) {
                for (int j = 0; j <= GRID; j++) {
                    double[] candidate = {Math.exp(lows[0] + i * step[0]), Math.exp(lows[1] + j * step[1])};
                    double value = loss(current, candidate, rows);
                    if (value < bestLoss) {
                        bestLoss = value;
                        roundBest = candidate;
                    }
                }
            }
            best = roundBest;
            for (int k = 0; k < 2; k++) {
                double centre = Math.log(best[k]);
                lows[k] = Math.max(lowLog, centre - 2 * step[k]);
                highs[k] = Math.min(highLog, centre + 2 * step[k]);
            }
        }
        return new double[] {round(best[0]), round(best[1])};
    }

    private static double round(double scale) {
        return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * 1000) / 1000.0));
    }

    /** Mean absolute log error of each metric the rows measure, summed over the metrics. */
    private double loss(EfficiencyTable.FamilyFallback current, double[] scales, List<Measurement> rows) {
        double[] sum = new double[3];
        int[] count = new int[3];
        for (Measurement m : rows) {
            double[] errors = EfficiencyFitter.logErrors(m, estimate(current, scales, m), FAILURE_LOSS);
            for (int i = 0; i < 3; i++) {
                if (!Double.isNaN(errors[i])) {
                    sum[i] += errors[i];
                    count[i]++;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < 3; i++) {
            total += count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return total;
    }

    /** Absolute percentage error of every metric every row measures, |predicted - measured| / measured. */
    private double[] absErrors(EfficiencyTable.FamilyFallback current, double[] scales, List<Measurement> rows) {
        List<Double> out = new ArrayList<>();
        for (Measurement m : rows) {
            PerformanceEstimate e = estimate(current, scales, m);
            if (m.hasThroughput()) {
                out.add(e == null ? FAILED_PERCENT : percent(m.replicas() * e.outputTokensPerSecond(), m.measuredOutputTokensPerSecond()));
            }
            if (m.measuredTtftSeconds() > 0) {
                out.add(e == null ? FAILED_PERCENT : percent(e.timeToFirstTokenSeconds(), m.measuredTtftSeconds()));
            }
            if (m.measuredTpotSeconds() > 0) {
                out.add(e == null ? FAILED_PERCENT : percent(e.timePerOutputTokenSeconds(), m.measuredTpotSeconds()));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double percent(double predicted, double measured) {
        return Math.abs(predicted - measured) / measured * 100;
    }

    private PerformanceEstimate estimate(EfficiencyTable.FamilyFallback current, double[] scales, Measurement m) {
        EfficiencyTable.FamilyFallback trial = new EfficiencyTable.FamilyFallback(current.family(), current.borrowFrom(), scales[0],
                scales[1], current.errorPercent(), current.reason());
        EfficiencyProfile borrowed = base.resolve(current.borrowFrom(), m.deployment().servingStack()).profile();
        try {
            return model.estimate(m.model(), m.deployment(), m.request(), m.target(), trial.apply(borrowed),
                    new ErrorBand(0, 0, "fitting"));
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = quantile * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
