package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;

import io.inferplan.engine.InvalidInputException;
import java.util.Locale;
import java.util.SplittableRandom;

/** When requests arrive: an open process at a rate, or a closed loop of users each sending after the last reply. */
public sealed interface ArrivalProcess {
    double MAX_RATE = 1e7;

    /** Seconds to the next arrival (open processes only). */
    double nextGapSeconds(SplittableRandom random);

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
