package io.inferplan.engine.scenario;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import java.util.Locale;

/**
 * What a number may be instead of one value. Drawn by its inverse CDF from a uniform {@code u} in (0, 1), so a
 * seeded stream of {@code u} gives the same draws everywhere. Every distribution has finite support: a normal or
 * lognormal without bounds is cut at its 0.1% and 99.9% points (a price or a growth rate has no infinite tail, and
 * a number's validity can then be checked at both ends once, before any draw).
 *
 * <p>JSON, in place of a number: {@code {"distribution": "triangular", "min": 2.5, "mode": 2.99, "max": 3.6}},
 * {@code {"distribution": "uniform", "min": 0.6, "max": 0.9}}, {@code {"distribution": "normal", "p10": 0.01,
 * "p90": 0.05, "min": -0.02}} or {@code {"distribution": "lognormal", "p10": 0.6, "p90": 1.4}}; each may add
 * {@code "value"}: the number a plain evaluation uses (default {@link #value()}).
 */
public sealed interface Distribution {
    /** Where an unbounded normal or lognormal is cut. */
    double TAIL = 0.001;

    /** The draw for {@code u} in (0, 1). */
    double quantile(double u);

    /** The number a plain (single-value) evaluation uses: the mode, the median or the midpoint. */
    double value();

    /** The smallest value a draw can take. */
    default double lowest() {
        return quantile(0);
    }

    /** The largest value a draw can take. */
    default double highest() {
        return quantile(1);
    }

    /** The JSON name: uniform, triangular, normal, lognormal. */
    String kind();

    /** In words, for tables and reports: "triangular 2.5 / 2.99 / 3.6". */
    String describe();

    /** Every value from {@code min} to {@code max} equally likely. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            finite("min", min);
            finite("max", max);
            if (min > max) {
                throw new InvalidInputException("min", "must be at most max (" + number(max) + "), was " + number(min));
            }
        }

        @Override
        public double quantile(double u) {
            return min + (max - min) * clamp(u);
        }

        @Override
        public double value() {
            return (min + max) / 2;
        }

        @Override
        public String kind() {
            return "uniform";
        }

        @Override
        public String describe() {
            return "uniform " + number(min) + " to " + number(max);
        }
    }

    /** Lowest, most likely and highest: what people can say about a number they are unsure of. */
    record Triangular(double min, double mode, double max) implements Distribution {
        public Triangular {
            finite("min", min);
            finite("mode", mode);
            finite("max", max);
            if (min > max) {
                throw new InvalidInputException("min", "must be at most max (" + number(max) + "), was " + number(min));
            }
            if (mode < min || mode > max) {
                throw new InvalidInputException("mode", "must be from min to max (" + number(min) + " to " + number(max)
                        + "), was " + number(mode));
            }
        }

        @Override
        public double quantile(double u) {
            double p = clamp(u);
            double width = max - min;
            if (width == 0) {
                return min;
            }
            double split = (mode - min) / width;
            return p < split ? min + Math.sqrt(p * width * (mode - min)) : max - Math.sqrt((1 - p) * width * (max - mode));
        }

        @Override
        public double value() {
            return mode;
        }

        @Override
        public String kind() {
            return "triangular";
        }

        @Override
        public String describe() {
            return "triangular " + number(min) + " / " + number(mode) + " / " + number(max);
        }
    }

    /**
     * A normal given by its 10th and 90th percentiles (what a forecaster states), cut at {@code min}/{@code max}
     * (null: at the 0.1% and 99.9% points). Cutting keeps the shape between the bounds: the draws are the normal's
     * own, conditioned on falling between them.
     */
    record Normal(double p10, double p90, Double min, Double max) implements Bounded {
        public Normal {
            finite("p10", p10);
            finite("p90", p90);
            if (p10 > p90) {
                throw new InvalidInputException("p10", "must be at most p90 (" + number(p90) + "), was " + number(p10));
            }
            bounds(min, max, p10, p90);
        }

        @Override
        public double quantile(double u) {
            double mean = (p10 + p90) / 2;
            double sd = (p90 - p10) / (2 * Z90);
            if (sd == 0) {
                return mean;
            }
            double low = min == null ? TAIL : Statistics.normalCdf((min - mean) / sd);
            double high = max == null ? 1 - TAIL : Statistics.normalCdf((max - mean) / sd);
            double value = mean + sd * Statistics.normalQuantile(inside(low + (high - low) * clamp(u)));
            return clampTo(value, min, max);
        }

        @Override
        public double value() {
            return clampTo((p10 + p90) / 2, min, max);
        }

        @Override
        public String kind() {
            return "normal";
        }

        @Override
        public String describe() {
            return "normal p10 " + number(p10) + ", p90 " + number(p90) + boundsText(min, max);
        }
    }

    /** A lognormal by its 10th and 90th percentiles (both above 0), for numbers that go wrong by a factor. */
    record LogNormal(double p10, double p90, Double min, Double max) implements Bounded {
        public LogNormal {
            finite("p10", p10);
            finite("p90", p90);
            if (!(p10 > 0)) {
                throw new InvalidInputException("p10", "must be greater than 0 for a lognormal, was " + number(p10));
            }
            if (p10 > p90) {
                throw new InvalidInputException("p10", "must be at most p90 (" + number(p90) + "), was " + number(p10));
            }
            if (min != null && !(min > 0)) {
                throw new InvalidInputException("min", "must be greater than 0 for a lognormal, was " + number(min));
            }
            bounds(min, max, p10, p90);
        }

        @Override
        public double quantile(double u) {
            Normal log = new Normal(Math.log(p10), Math.log(p90), min == null ? null : Math.log(min),
                    max == null ? null : Math.log(max));
            return clampTo(Math.exp(log.quantile(u)), min, max);
        }

        @Override
        public double value() {
            return clampTo(Math.sqrt(p10 * p90), min, max);
        }

        @Override
        public String kind() {
            return "lognormal";
        }

        @Override
        public String describe() {
            return "lognormal p10 " + number(p10) + ", p90 " + number(p90) + boundsText(min, max);
        }
    }

    /** A distribution given by percentiles with optional bounds: it reaches its bounds exactly where it has them. */
    sealed interface Bounded extends Distribution permits Normal, LogNormal {
        Double min();

        Double max();

        @Override
        default double lowest() {
            return min() != null ? min() : quantile(0);
        }

        @Override
        default double highest() {
            return max() != null ? max() : quantile(1);
        }
    }

    /** The standard normal's 90th percentile. */
    double Z90 = 1.2815515655446004;

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "must be a finite number, was " + value);
        }
    }

    private static void bounds(Double min, Double max, double p10, double p90) {
        if (min != null) {
            finite("min", min);
        }
        if (max != null) {
            finite("max", max);
        }
        if (min != null && max != null && min > max) {
            throw new InvalidInputException("min", "must be at most max (" + number(max) + "), was " + number(min));
        }
        // Bounds that cut away everything between p10 and p90 describe a different number than the percentiles do.
        if (min != null && min > p90) {
            throw new InvalidInputException("min", "must be at most p90 (" + number(p90) + "), was " + number(min));
        }
        if (max != null && max < p10) {
            throw new InvalidInputException("max", "must be at least p10 (" + number(p10) + "), was " + number(max));
        }
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }

    /** Keeps a probability off 0 and 1, where the normal quantile is infinite. */
    private static double inside(double p) {
        return Math.max(1e-12, Math.min(1 - 1e-12, p));
    }

    private static double clampTo(double value, Double min, Double max) {
        double v = min != null ? Math.max(min, value) : value;
        return max != null ? Math.min(max, v) : v;
    }

    private static String boundsText(Double min, Double max) {
        return (min == null ? "" : ", min " + number(min)) + (max == null ? "" : ", max " + number(max));
    }

    /** A number as the messages print it: six significant digits, no trailing zeros. */
    public static String describeNumber(double value) {
        return number(value);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
