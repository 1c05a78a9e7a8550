package io.inferplan.engine.perf;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.util.ArrayList;
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
    /** Throughput, TTFT and TPOT count alike: the few rows of a borrowing family are all of one kind or two. */
    private static final double[] METRIC_WEIGHTS = {1, 1, 1};

    private final EfficiencyTable base;
    private final EfficiencyFitter estimator;

    public FamilyFallbackFitter(EfficiencyTable base) {
        this.base = base;
        this.estimator = new EfficiencyFitter(base);
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
        double heldP80 = held.length == 0 ? Double.NaN : Statistics.percentile(held, 0.8);
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
        return EfficiencyFitter.weightedLogLoss(rows, estimates(current, scales), METRIC_WEIGHTS);
    }

    /** Absolute percentage error of every metric every row measures. */
    private double[] absErrors(EfficiencyTable.FamilyFallback current, double[] scales, List<Measurement> rows) {
        return EfficiencyFitter.residualsOf(rows, estimates(current, scales)).stream()
                .mapToDouble(EfficiencyFitter.Residual::absErrorPercent).toArray();
    }

    /** Each row estimated under the borrowed profile of its stack, scaled by {@code scales}. */
    private java.util.function.Function<Measurement, PerformanceEstimate> estimates(EfficiencyTable.FamilyFallback current,
                                                                                  double[] scales) {
        EfficiencyTable.FamilyFallback trial = new EfficiencyTable.FamilyFallback(current.family(), current.borrowFrom(), scales[0],
                scales[1], current.errorPercent(), current.reason());
        return m -> estimator.estimate(m, trial.apply(base.resolve(current.borrowFrom(), m.deployment().servingStack()).profile()));
    }

    private static double median(double[] values) {
        return Statistics.percentile(values, 0.5);
    }
}
