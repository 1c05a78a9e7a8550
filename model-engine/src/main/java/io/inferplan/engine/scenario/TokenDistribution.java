package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.nonNegative;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferplan.engine.InvalidInputException;
import java.util.List;

/**
 * Tokens per request as a distribution: a mean with an optional 90th percentile, or a small histogram (the mean
 * and p90 then follow from it). Costs are linear in tokens, so the mean drives cost; the p90 is carried for
 * sizing memory and latency and shown beside it.
 *
 * <p>JSON: {@code {"mean": 1200, "p90": 3000}} or {@code {"histogram": [{"tokens": 500, "share": 0.7}, ...]}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenDistribution(Double mean, Double p90, List<HistogramBin> histogram) {
    public static final double MAX_TOKENS = 10_000_000;

    public TokenDistribution {
        if (histogram != null && !histogram.isEmpty()) {
            if (mean != null || p90 != null) {
                throw new InvalidInputException("histogram", "give either a histogram or mean (and p90), not both");
            }
            histogram = List.copyOf(histogram);
            double total = histogram.stream().mapToDouble(HistogramBin::share).sum();
            if (Math.abs(total - 1) > 0.001) {
                throw new InvalidInputException("histogram", "the shares must add up to 1, they add up to " + Math.round(total * 1000) / 1000.0);
            }
        } else {
            histogram = null;
            if (mean == null) {
                throw new InvalidInputException("mean", "is required (or give a histogram)");
            }
            nonNegative("mean", mean, MAX_TOKENS);
            if (p90 != null) {
                nonNegative("p90", p90, MAX_TOKENS);
                if (p90 < mean) {
                    throw new InvalidInputException("p90", "must be at least the mean (" + mean + "), was " + p90);
                }
            }
        }
    }

    public static TokenDistribution ofMean(double mean) {
        return new TokenDistribution(mean, null, null);
    }

    public static TokenDistribution of(double mean, double p90) {
        return new TokenDistribution(mean, p90, null);
    }

    /** The mean tokens per request. */
    public double meanTokens() {
        return histogram == null ? mean : histogram.stream().mapToDouble(b -> b.tokens() * b.share()).sum();
    }

    /** The 90th percentile: given, read off the histogram, or the mean when neither says more. */
    public double p90Tokens() {
        if (histogram == null) {
            return p90 == null ? mean : p90;
        }
        List<HistogramBin> sorted = histogram.stream().sorted(java.util.Comparator.comparingDouble(HistogramBin::tokens)).toList();
        double cumulative = 0;
        for (HistogramBin bin : sorted) {
            cumulative += bin.share();
            if (cumulative >= 0.9 - 1e-9) {
                return bin.tokens();
            }
        }
        return sorted.getLast().tokens();
    }
}
