package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;

import io.inferplan.engine.Statistics;
import java.util.SplittableRandom;

/**
 * Tokens per request: fixed, or lognormal matched to a mean and a 90th percentile (the scenario format's
 * {@code {"mean": m, "p90": q}}). Draws are whole tokens, at least 1.
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
