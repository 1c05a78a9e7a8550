package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Tokens per request: fixed, lognormal matched to a mean and a 90th percentile (the scenario format's
 * {@code {"mean": m, "p90": q}}), empirical from a histogram's bins, or normal truncated at 1 token. Draws are whole
 * tokens, at least 1.
 */
public sealed interface LengthDistribution {
    /** 90th percentile of the standard normal. */
    double Z90 = 1.2815515655446004;

    int sample(SplittableRandom random);

    /** The length at cumulative probability {@code u} in (0, 1): what a draw of that rank would be. */
    int quantile(double u);

    double meanTokens();

    record Fixed(int tokens) implements LengthDistribution {
        public Fixed {
            inRange("tokens", tokens, 1, 10_000_000);
        }

        @Override
        public int sample(SplittableRandom random) {
            return tokens;
        }

        @Override
        public int quantile(double u) {
            return tokens;
        }

        @Override
        public double meanTokens() {
            return tokens;
        }
    }

    /**
     * ln X ~ N(mu, sigma); sigma is the smaller root matching the mean and p90 (the lighter of the two tails), or the
     * widest lognormal when the p90 is more than 2.27 times the mean (no lognormal matches both: the mean is kept).
     */
    record Lognormal(double mean, double p90, double mu, double sigma) implements LengthDistribution {
        @Override
        public int sample(SplittableRandom random) {
            return tokensAt(random.nextGaussian());
        }

        @Override
        public int quantile(double u) {
            return tokensAt(Statistics.normalQuantile(u));
        }

        private int tokensAt(double z) {
            double x = Math.exp(mu + sigma * z);
            return (int) Math.max(1, Math.min(10_000_000, Math.round(x)));
        }

        @Override
        public double meanTokens() {
            return mean;
        }
    }

    /**
     * N(mean, sd) conditioned on at least 1 token (truncated, not clamped: the draws below 1 are redrawn, so the mean
     * is the truncated normal's), rounded to whole tokens.
     */
    record Normal(double meanTokensUntruncated, double sdTokens) implements LengthDistribution {
        public Normal {
            inRange("mean", meanTokensUntruncated, 1, 10_000_000);
            inRange("sd", sdTokens, 1e-9, 10_000_000);
        }

        /** Standard-normal probability below the 1-token cut. */
        private double cutProbability() {
            return Statistics.normalCdf((1 - meanTokensUntruncated) / sdTokens);
        }

        @Override
        public int sample(SplittableRandom random) {
            return quantile(random.nextDouble());
        }

        @Override
        public int quantile(double u) {
            double cut = cutProbability();
            double p = Math.min(1 - 1e-16, Math.max(Double.MIN_NORMAL, cut + u * (1 - cut)));
            double x = meanTokensUntruncated + sdTokens * Statistics.normalQuantile(p);
            return (int) Math.max(1, Math.min(10_000_000, Math.round(x)));
        }

        /** The truncated normal's mean: mean + sd phi(a) / (1 - Phi(a)), a the cut in standard units. */
        @Override
        public double meanTokens() {
            double a = (1 - meanTokensUntruncated) / sdTokens;
            double density = Math.exp(-a * a / 2) / Math.sqrt(2 * Math.PI);
            return meanTokensUntruncated + sdTokens * density / (1 - cutProbability());
        }
    }

    /**
     * A histogram drawn exactly: a bin picked by its share, then a length uniform within it, rounded to whole tokens.
     * A scenario bin is a point ({@code share} of requests have about {@code tokens}); each becomes the interval
     * centred on it reaching half-way to its nearer neighbour (the end bins: half-way to their one neighbour), so
     * bins never overlap and every bin's mean is its point: the histogram's mean is kept exactly (only a bin whose
     * interval would reach below 1 token is narrowed to stay at or above 1; a bin below 1 token draws 1). One bin
     * is a fixed length. Sampling is the inverse CDF of a uniform, so {@link #quantile} stratifies like any other.
     */
    final class Empirical implements LengthDistribution {
        private final double[] lowTokens;
        private final double[] highTokens;
        /** Cumulative share up to and including each bin, the last 1. */
        private final double[] cumulativeShare;
        private final double meanTokens;

        private Empirical(double[] lowTokens, double[] highTokens, double[] cumulativeShare, double meanTokens) {
            this.lowTokens = lowTokens;
            this.highTokens = highTokens;
            this.cumulativeShare = cumulativeShare;
            this.meanTokens = meanTokens;
        }

        /**
         * From bins' {@code tokens} and {@code shares} (shares normalised to 1; zero shares dropped, equal token
         * counts merged), every bin moved by {@code shiftTokens} (the context a task adds, reasoning tokens).
         */
        public static Empirical of(String field, double[] tokens, double[] shares, double shiftTokens) {
            if (tokens.length != shares.length || tokens.length == 0) {
                throw new InvalidInputException(field + ".histogram", "needs at least one bin, each with tokens and a share");
            }
            TreeMap<Double, Double> bins = new TreeMap<>();
            double total = 0;
            for (int i = 0; i < tokens.length; i++) {
                inRange(field + ".histogram.tokens", tokens[i], 0, 10_000_000);
                inRange(field + ".histogram.share", shares[i], 0, 1);
                if (shares[i] > 0) {
                    bins.merge(Math.max(0, tokens[i] + shiftTokens), shares[i], Double::sum);
                    total += shares[i];
                }
            }
            if (!(total > 0)) {
                throw new InvalidInputException(field + ".histogram", "needs a bin with a share above 0");
            }
            int n = bins.size();
            double[] centre = new double[n];
            double[] share = new double[n];
            int k = 0;
            for (var e : bins.entrySet()) {
                centre[k] = e.getKey();
                share[k++] = e.getValue() / total;
            }
            double[] low = new double[n];
            double[] high = new double[n];
            double[] cumulative = new double[n];
            double sum = 0;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? centre[i] - centre[i - 1] : Double.POSITIVE_INFINITY;
                double right = i < n - 1 ? centre[i + 1] - centre[i] : Double.POSITIVE_INFINITY;
                double halfWidth = n == 1 ? 0 : Math.min(left, right) / 2;
                double c = Math.max(1, centre[i]);
                halfWidth = Math.min(halfWidth, c - 1);
                low[i] = c - halfWidth;
                high[i] = c + halfWidth;
                sum += share[i];
                cumulative[i] = sum;
                mean += share[i] * c;
            }
            cumulative[n - 1] = 1;
            return new Empirical(low, high, cumulative, mean);
        }

        @Override
        public int sample(SplittableRandom random) {
            return quantile(random.nextDouble());
        }

        @Override
        public int quantile(double u) {
            int i = 0;
            while (i < cumulativeShare.length - 1 && u >= cumulativeShare[i]) {
                i++;
            }
            double before = i == 0 ? 0 : cumulativeShare[i - 1];
            double within = (u - before) / (cumulativeShare[i] - before);
            double x = lowTokens[i] + Math.min(1, Math.max(0, within)) * (highTokens[i] - lowTokens[i]);
            return (int) Math.max(1, Math.min(10_000_000, Math.round(x)));
        }

        @Override
        public double meanTokens() {
            return meanTokens;
        }

        /** The bins' intervals in tokens, ascending: what every draw (rounded) lies in. */
        public double[] lowTokens() {
            return lowTokens.clone();
        }

        public double[] highTokens() {
            return highTokens.clone();
        }

        @Override
        public String toString() {
            return "Empirical" + Arrays.toString(lowTokens) + "-" + Arrays.toString(highTokens) + " cumulative "
                    + Arrays.toString(cumulativeShare);
        }
    }

    /** A normal length; a standard deviation of 0 is a fixed one. */
    static LengthDistribution normal(String field, double meanTokens, double sdTokens) {
        inRange(field + ".mean", meanTokens, 1, 10_000_000);
        inRange(field + ".sd", sdTokens, 0, 10_000_000);
        return sdTokens == 0 ? fixed(meanTokens) : new Normal(meanTokens, sdTokens);
    }

    static LengthDistribution fixed(double tokens) {
        return new Fixed((int) Math.max(1, Math.round(tokens)));
    }

    /** A mean alone, or a p90 equal to it, is a fixed length. */
    static LengthDistribution of(String field, double mean, double p90) {
        inRange(field + ".mean", mean, 1, 10_000_000);
        if (p90 <= mean * (1 + 1e-9)) {
            return fixed(mean);
        }
        // mean = exp(mu + s^2/2), p90 = exp(mu + z s)  =>  s^2/2 - z s + ln(p90/mean) = 0
        double ratio = Math.log(p90 / mean);
        double discriminant = Z90 * Z90 - 2 * ratio;
        // Beyond p90/mean = exp(z^2/2) = 2.27 no lognormal has both; keep the mean (it drives cost and load) and take
        // the widest lognormal whose p90 is nearest the one asked for.
        double sigma = discriminant < 0 ? Z90 : Z90 - Math.sqrt(discriminant);
        double mu = Math.log(mean) - sigma * sigma / 2;
        return new Lognormal(mean, p90, mu, sigma);
    }
}
