package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;

import io.inferplan.engine.InvalidInputException;
import java.util.Locale;
import java.util.SplittableRandom;

/** When requests arrive: an open process at a rate, or a closed loop of users each sending after the last reply. */
public sealed interface ArrivalProcess {
    double MAX_RATE = 1e7;

    /** Seconds to the next arrival (open processes with a constant rate only). */
    double nextGapSeconds(SplittableRandom random);

    /** The next arrival after one at {@code nowSeconds} (open processes; a time-varying rate needs the time). */
    default double nextArrivalSeconds(double nowSeconds, SplittableRandom random) {
        return nowSeconds + nextGapSeconds(random);
    }

    /** Mean requests per second (open processes); 0 for a closed loop. */
    double requestsPerSecond();

    record Poisson(double requestsPerSecond) implements ArrivalProcess {
        public Poisson {
            positive("requests_per_second", requestsPerSecond, MAX_RATE);
        }

        @Override
        public double nextGapSeconds(SplittableRandom random) {
            return -Math.log(1 - random.nextDouble()) / requestsPerSecond;
        }
    }

    record Constant(double requestsPerSecond) implements ArrivalProcess {
        public Constant {
            positive("requests_per_second", requestsPerSecond, MAX_RATE);
        }

        @Override
        public double nextGapSeconds(SplittableRandom random) {
            return 1 / requestsPerSecond;
        }
    }

    /** Bursty: gaps gamma-distributed with coefficient of variation {@code cv} (1 = Poisson, above 1 = bursts). */
    record Gamma(double requestsPerSecond, double cv) implements ArrivalProcess {
        public Gamma {
            positive("requests_per_second", requestsPerSecond, MAX_RATE);
            positive("arrival_cv", cv, 20);
        }

        @Override
        public double nextGapSeconds(SplittableRandom random) {
            double shape = 1 / (cv * cv);
            return gamma(random, shape) / (shape * requestsPerSecond);
        }

        /** Marsaglia and Tsang's method; shapes below 1 by the boost X(k) = X(k+1) U^(1/k). */
        static double gamma(SplittableRandom random, double shape) {
            if (shape < 1) {
                return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
            }
            double d = shape - 1.0 / 3;
            double c = 1 / Math.sqrt(9 * d);
            while (true) {
                double x = random.nextGaussian();
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = random.nextDouble();
                if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                    return d * v;
                }
            }
        }
    }

    /**
     * A day's load: Poisson arrivals whose rate follows a smooth daily cycle with one peak, averaging
     * {@code averageRequestsPerSecond} over 24 hours and reaching {@code peakToAverage} times that at
     * {@code peakHour} (hours from the start). The shape is exp(k cos(2 pi (t - peak) / 1 day)) normalised to a mean of
     * 1 (a von Mises curve: any peak-to-average ratio, never a negative rate), k solved from the ratio; 1 is a flat
     * Poisson load. Drawn by thinning (Lewis and Shedler): candidates at the peak rate, each kept with probability
     * rate(t) / peak rate.
     */
    final class Diurnal implements ArrivalProcess {
        public static final double SECONDS_PER_DAY = 86_400;
        private final double averageRequestsPerSecond;
        private final double peakToAverage;
        private final double peakHour;
        /** The shape's k, solved once (a bisection over a series) rather than per arrival. */
        private final double concentration;

        public Diurnal(double averageRequestsPerSecond, double peakToAverage, double peakHour) {
            this.averageRequestsPerSecond = positive("requests_per_second", averageRequestsPerSecond, MAX_RATE / 100);
            this.peakToAverage = inRange("peak_to_average", peakToAverage, 1.0, 100.0);
            this.peakHour = inRange("peak_hour", peakHour, 0.0, 24.0);
            this.concentration = concentrationFor(peakToAverage);
        }

        public double peakToAverage() {
            return peakToAverage;
        }

        public double peakHour() {
            return peakHour;
        }

        /** k with e^k / I0(k) = ratio (the peak over the mean of exp(k cos)); increasing in k, so bisection. */
        static double concentrationFor(double ratio) {
            double low = 0;
            double high = 1;
            while (peakOverMean(high) < ratio) {
                high *= 2;
            }
            for (int i = 0; i < 100 && high - low > 1e-12 * high; i++) {
                double mid = (low + high) / 2;
                if (peakOverMean(mid) < ratio) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return (low + high) / 2;
        }

        /** e^k / I0(k), with I0 e^-k summed as a series of positive terms (no overflow for large k). */
        static double peakOverMean(double k) {
            // I0(k) = sum (k/2)^(2m) / (m!)^2; scaled by e^-k term by term in logs.
            double sum = 0;
            double logTerm = -k;
            for (int m = 0; m < 10_000; m++) {
                if (m > 0) {
                    logTerm += 2 * Math.log(k / 2) - 2 * Math.log(m);
                }
                double term = Math.exp(logTerm);
                sum += term;
                if (m > k && term < 1e-17 * sum) {
                    break;
                }
            }
            return 1 / sum;
        }

        @Override
        public double requestsPerSecond() {
            return averageRequestsPerSecond;
        }

        /** The rate at {@code seconds} from the start. */
        public double requestsPerSecondAt(double seconds) {
            double phase = 2 * Math.PI * (seconds / SECONDS_PER_DAY - peakHour / 24);
            return averageRequestsPerSecond * peakToAverage * Math.exp(concentration * (Math.cos(phase) - 1));
        }

        @Override
        public double nextGapSeconds(SplittableRandom random) {
            throw new UnsupportedOperationException("a diurnal rate depends on the time: use nextArrivalSeconds");
        }

        @Override
        public double nextArrivalSeconds(double nowSeconds, SplittableRandom random) {
            double peak = averageRequestsPerSecond * peakToAverage;
            double t = nowSeconds;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / peak;
                if (random.nextDouble() * peak <= requestsPerSecondAt(t)) {
                    return t;
                }
            }
        }
    }

    /** {@code users} users each send their next request the moment the previous one completes (no think time). */
    record ClosedLoop(int users) implements ArrivalProcess {
        public ClosedLoop {
            inRange("concurrency", users, 1, 1_000_000);
        }

        @Override
        public double nextGapSeconds(SplittableRandom random) {
            throw new UnsupportedOperationException("a closed loop has no gaps of its own");
        }

        @Override
        public double requestsPerSecond() {
            return 0;
        }
    }

    /** poisson, constant or gamma (with {@code cv}); the field names are the cases columns. */
    static ArrivalProcess parse(String kind, double requestsPerSecond, double cv) {
        String key = kind == null || kind.isBlank() ? "poisson" : kind.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "poisson" -> new Poisson(requestsPerSecond);
            case "constant" -> new Constant(requestsPerSecond);
            case "gamma" -> new Gamma(requestsPerSecond, cv);
            default -> throw new InvalidInputException("arrival", "must be poisson, constant or gamma, was '" + kind + "'");
        };
    }
}
