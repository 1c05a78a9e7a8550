package io.inferplan.engine.optimize;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.GpuHourCost;
import io.inferplan.engine.model.Precision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cost per million output tokens at a chosen speed per user, per part and weight precision, from the search's Pareto
 * frontier: the frontier point with the most throughput per GPU that still gives every user at least that speed,
 * priced at the part's GPU-hour cost with every GPU busy (the figure InferenceX draws beside its curves). It charges
 * all GPU time to output tokens and assumes full utilisation, so it ranks parts at one interactivity; the ranked
 * configurations are what a fleet at the scenario's load and utilisation costs.
 */
public final class CostAtInteractivity {
    public static final double MAX_TOKENS_PER_SECOND_PER_USER = 10_000;

    private CostAtInteractivity() {
    }

    /**
     * One part and precision at the chosen speed.
     *
     * @param batch the frontier point's concurrent sequences per replica
     */
    public record Row(String accelerator, Precision weightPrecision, String configuration, int batch,
                      double outputTokensPerSecondPerUser, double outputTokensPerSecondPerGpu, double usdPerGpuHour,
                      double costPerMillionOutputTokensUsd) {
    }

    /** Cheapest first; parts whose frontier never reaches the speed are left out (their fastest point is below it). */
    public static List<Row> at(double tokensPerSecondPerUser, List<FrontierPoint> frontier, List<Candidate> candidates) {
        checkSpeed("tokensPerSecondPerUser", tokensPerSecondPerUser);
        List<Row> rows = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String id = candidate.accelerator().id();
            double usdPerGpuHour = GpuHourCost.of(candidate.cost(), candidate.accelerator().boardPowerWatts(), 1.0).totalUsdPerGpuHour();
            for (Precision precision : Precision.values()) {
                best(frontier, id, precision, tokensPerSecondPerUser).ifPresent(point -> rows.add(new Row(id, precision,
                        point.configuration(), point.batch(), point.outputTokensPerSecondPerUser(),
                        point.outputTokensPerSecondPerGpu(), usdPerGpuHour,
                        usdPerGpuHour / (point.outputTokensPerSecondPerGpu() * 3600) * 1e6)));
            }
        }
        rows.sort(Comparator.comparingDouble(Row::costPerMillionOutputTokensUsd));
        return rows;
    }

    /** A speed per user this can price, or an error naming {@code field} (a caller's own name for it) and the range. */
    public static void checkSpeed(String field, double tokensPerSecondPerUser) {
        if (!(tokensPerSecondPerUser > 0 && tokensPerSecondPerUser <= MAX_TOKENS_PER_SECOND_PER_USER)) {
            throw new InvalidInputException(field, String.format(Locale.ROOT,
                    "must be above 0 and at most %.0f tokens/s per user, was %s", MAX_TOKENS_PER_SECOND_PER_USER, tokensPerSecondPerUser));
        }
    }

    private static Optional<FrontierPoint> best(List<FrontierPoint> frontier, String accelerator, Precision precision,
                                                double tokensPerSecondPerUser) {
        return frontier.stream()
                .filter(p -> p.accelerator().equals(accelerator) && p.weightPrecision() == precision)
                .filter(p -> p.outputTokensPerSecondPerUser() >= tokensPerSecondPerUser && p.outputTokensPerSecondPerGpu() > 0)
                .max(Comparator.comparingDouble(FrontierPoint::outputTokensPerSecondPerGpu));
    }
}
