package io.inferplan.cli.calibration;

import io.inferplan.engine.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How well predictions match the measurements of the rows that have one, overall and per accelerator. */
public record AccuracySummary(Group overall, List<Group> byAccelerator, int failedRows) {

    /**
     * Accuracy statistics of a set of rows.
     *
     * @param biasPercent median signed error: positive when the model predicts too high
     */
    public record Group(String name, int rows, double medianAbsErrorPercent, double p80AbsErrorPercent,
                        double maxAbsErrorPercent, double biasPercent, double shareWithin20Percent, double shareWithin35Percent) {

        static Group of(String name, List<Double> signedErrors) {
            double[] signed = signedErrors.stream().mapToDouble(Double::doubleValue).toArray();
            double[] absolute = Arrays.stream(signed).map(Math::abs).toArray();
            return new Group(name, signed.length, Statistics.percentile(absolute, 0.5), Statistics.percentile(absolute, 0.8),
                    Arrays.stream(absolute).max().orElse(0), Statistics.percentile(signed, 0.5), shareWithin(absolute, 20),
                    shareWithin(absolute, 35));
        }

        private static double shareWithin(double[] absolute, double percent) {
            return absolute.length == 0 ? 0 : (double) Arrays.stream(absolute).filter(e -> e <= percent).count() / absolute.length;
        }
    }

    public static AccuracySummary of(List<CaseOutcome> outcomes) {
        Builder builder = new Builder();
        outcomes.forEach(builder::add);
        return builder.build();
    }

    /** Keeps only each measured row's error: a streamed run of millions of rows holds a number per row, not the row. */
    public static final class Builder {
        private final List<Double> all = new ArrayList<>();
        private final Map<String, List<Double>> byAccelerator = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private int failed;

        public void add(CaseOutcome outcome) {
            if (outcome.failed()) {
                failed++;
                return;
            }
            if (outcome.measuredOutputTokensPerSecond().isEmpty()) {
                return;
            }
            double error = outcome.errorPercent().orElseThrow();
            all.add(error);
            byAccelerator.computeIfAbsent(outcome.accelerator(), k -> new ArrayList<>()).add(error);
        }

        public AccuracySummary build() {
            List<Group> groups = new ArrayList<>();
            byAccelerator.forEach((name, errors) -> groups.add(Group.of(name, errors)));
            return new AccuracySummary(Group.of("all", all), groups, failed);
        }
    }

    public boolean hasMeasurements() {
        return overall.rows() > 0;
    }

    /** A Markdown table, as published in docs/performance-model.md. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| accelerator | rows | median abs error | p80 abs error | max abs error | bias (median signed) | within 20% | within 35% |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Group group : byAccelerator) {
            appendRow(out, group);
        }
        appendRow(out, overall);
        return out.toString();
    }

    private static void appendRow(StringBuilder out, Group g) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% | %.1f%% | %+.1f%% | %.0f%% | %.0f%% |%n", g.name(),
                g.rows(), g.medianAbsErrorPercent(), g.p80AbsErrorPercent(), g.maxAbsErrorPercent(), g.biasPercent(),
                g.shareWithin20Percent() * 100, g.shareWithin35Percent() * 100));
    }

}
