package io.inferplan.engine.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One-at-a-time sensitivity (the data behind a tornado chart): each input of a scenario document is moved down and
 * up by the same share while every other input stays, and the scenario is evaluated again. The inputs whose
 * swing moves the chosen result most come first. Inputs the document does not set (or sets to zero) are left out;
 * a moved value the scenario rejects (a cache hit rate above 100%, say) is reported for that side instead of a
 * number.
 */
public final class Sensitivity {
    /** The smallest and largest step, as a share of each input's value. */
    public static final double MIN_STEP = 0.01;
    public static final double MAX_STEP = 0.9;

    /** What the swings are measured in. */
    public enum Metric {
        OPERATING_PROFIT("operating profit", "USD per month", "per month", r -> r.totals().operatingProfitUsdPerMonth(),
                r -> r.totals().operatingProfitUsdPerMonth()),
        COST_PER_MILLION_OUTPUT_TOKENS("cost per million output tokens", "USD", "per million output tokens",
                r -> r.tokenCosts().costPerMillionOutputTokensUsd(), r -> r.totals().costPerMillionOutputTokensUsd()),
        GPUS_NEEDED("GPUs needed", "GPUs", "GPUs", r -> r.capacity().gpusRequired(), r -> r.totals().gpusTotal());

        private final String label;
        private final String unit;
        private final String suffix;
        private final ToDoubleFunction<ScenarioResult> value;
        private final ToDoubleFunction<RoutedResult> routedValue;

        Metric(String label, String unit, String suffix, ToDoubleFunction<ScenarioResult> value,
               ToDoubleFunction<RoutedResult> routedValue) {
            this.label = label;
            this.unit = unit;
            this.suffix = suffix;
            this.value = value;
            this.routedValue = routedValue;
        }

        /** The whole service's figure of a scenario with routes (all routes together). */
        public double of(RoutedResult result) {
            return routedValue.applyAsDouble(result);
        }

        /** What follows a value in a sentence: "-$164.6k per month", "70 GPUs". */
        public String suffix() {
            return suffix;
        }

        public boolean isMoney() {
            return this != GPUS_NEEDED;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public double of(ScenarioResult result) {
            return value.applyAsDouble(result);
        }
    }

    /** A number in the document, by path ({@code [*]}: every element of an array) and the unit it is in. */
    public record Field(String path, String unit) {
    }

    /**
     * An input: every number at its fields moves by the same share (one input can be written several ways, e.g.
     * requests per second or tokens per day, and can stand for a number in every pricing tier).
     */
    public record Driver(String label, List<Field> fields) {
        public Driver {
            fields = List.copyOf(fields);
        }

        static Driver of(String label, String unit, String... paths) {
            return new Driver(label, java.util.Arrays.stream(paths).map(p -> new Field(p, unit)).toList());
        }
    }

    /**
     * One input's swing. {@code baseInput} is the first value it moves, in {@code baseUnit}; {@code low}/{@code high}
     * are the metric with the input moved down/up, NaN where the moved document was rejected
     * ({@code lowProblem}/{@code highProblem} say why).
     */
    public record Swing(Driver driver, double baseInput, String baseUnit, double low, double high, String lowProblem,
                        String highProblem) {
        /** How far the metric moves between the two sides (one side only when the other was rejected). */
        public double spread(double base) {
            double a = Double.isNaN(low) ? base : low;
            double b = Double.isNaN(high) ? base : high;
            return Math.abs(b - a);
        }
    }

    /** @param base the metric for the unchanged document; swings ordered by spread, largest first */
    public record Result(Metric metric, double step, double base, List<Swing> swings) {
        public Result {
            swings = List.copyOf(swings);
        }
    }

    /** Where a long run reports (evaluations done of the total) and learns that it should stop. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void update(int done, int total) {
        }

        default boolean cancelled() {
            return false;
        }
    }

    /** The inputs a strategist asks about first: demand, request shape, hardware cost, prices, latency targets. */
    public static final List<Driver> STANDARD = List.of(
            new Driver("Average load", List.of(new Field("workload.averageRequestsPerSecond", "requests/s"),
                    new Field("workload.tokensPerDay", "tokens/day"))),
            new Driver("Peak load", List.of(new Field("workload.peakToAverageRatio", "× average"),
                    new Field("workload.peakRequestsPerSecond", "requests/s"))),
            Driver.of("Input tokens", "tokens/request", "workload.inputTokens.mean", "workload.inputTokens.p90"),
            Driver.of("Output tokens", "tokens/request", "workload.outputTokens.mean", "workload.outputTokens.p90"),
            Driver.of("Reasoning tokens", "tokens/request", "workload.reasoningTokens.mean", "workload.reasoningTokens.p90"),
            Driver.of("Prompt cache hit rate", "share", "workload.promptCacheHitRate"),
            Driver.of("TPOT target", "s", "workload.latency.maxTimePerOutputTokenSeconds"),
            Driver.of("Planned utilisation", "share", "deployment.plannedUtilization"),
            Driver.of("GPU rental rate", "USD/GPU-hour", "cost.usdPerGpuHour"),
            Driver.of("GPU purchase price", "USD/GPU", "cost.priceUsdPerGpu", "cost.serverShareUsdPerGpu"),
            Driver.of("Electricity price", "USD/kWh", "cost.usdPerKilowattHour"),
            new Driver("Token prices (all tiers)", List.of(new Field("pricing.tiers[*].usdPerMillionOutputTokens", "USD/M output tokens"),
                    new Field("pricing.tiers[*].usdPerMillionInputTokens", "USD/M input tokens"),
                    new Field("pricing.tiers[*].usdPerMillionCachedInputTokens", "USD/M cached tokens"))),
            Driver.of("Fixed monthly costs", "USD/month", "fixedMonthlyCosts[*].usdPerMonth"));

    private Sensitivity() {
    }

    /**
     * @param scenarioJson the scenario document, as saved
     * @param step         the share each input moves down and up, from {@value #MIN_STEP} to {@value #MAX_STEP}
     * @param evaluate     evaluates a document (resolving its accelerator and model names)
     * @throws InvalidInputException when the step is out of range or the unchanged document is not a valid scenario
     */
    public static Result of(String scenarioJson, Metric metric, double step, List<Driver> drivers,
                            Function<String, ScenarioResult> evaluate) {
        return of(scenarioJson, metric, step, drivers, evaluate, Progress.NONE);
    }

    /**
     * As {@link #of(String, Metric, double, List, Function)}, reporting each evaluation to {@code progress}.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} says to stop
     */
    public static Result of(String scenarioJson, Metric metric, double step, List<Driver> drivers,
                            Function<String, ScenarioResult> evaluate, Progress progress) {
        return measured(scenarioJson, metric, step, drivers, document -> metric.of(evaluate.apply(document)), progress);
    }

    /**
     * As {@link #of(String, Metric, double, List, Function, Progress)} with the metric measured by {@code measure}
     * (e.g. on a scenario with routes, {@link Metric#of(RoutedResult)} of the routed evaluation).
     */
    public static Result measured(String scenarioJson, Metric metric, double step, List<Driver> drivers,
                                  ToDoubleFunction<String> measure, Progress progress) {
        if (!(step >= MIN_STEP && step <= MAX_STEP)) {
            throw new InvalidInputException("step", "must be from " + MIN_STEP * 100 + "% to " + MAX_STEP * 100 + "%, was " + step * 100 + "%");
        }
        JsonNode document = parse(scenarioJson);
        List<Driver> set = new ArrayList<>();
        List<Field> setFields = new ArrayList<>();
        List<Double> baseInputs = new ArrayList<>();
        for (Driver driver : drivers) {
            for (Field field : driver.fields()) {
                Optional<Double> baseInput = DocumentPaths.firstNonZero(document, field.path());
                if (baseInput.isPresent()) {
                    set.add(driver);
                    setFields.add(field);
                    baseInputs.add(baseInput.get());
                    break;
                }
            }
        }
        int total = 1 + 2 * set.size();
        progress.update(0, total);
        double base = measure.applyAsDouble(scenarioJson);
        List<Swing> swings = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            stopIfCancelled(progress);
            progress.update(1 + 2 * i, total);
            Side low = side(document, set.get(i), 1 - step, measure);
            stopIfCancelled(progress);
            progress.update(2 + 2 * i, total);
            Side high = side(document, set.get(i), 1 + step, measure);
            swings.add(new Swing(set.get(i), baseInputs.get(i), setFields.get(i).unit(), low.value, high.value, low.problem, high.problem));
        }
        progress.update(total, total);
        swings.sort(Comparator.comparingDouble((Swing s) -> s.spread(base)).reversed());
        return new Result(metric, step, base, swings);
    }

    private static void stopIfCancelled(Progress progress) {
        if (progress.cancelled()) {
            throw new java.util.concurrent.CancellationException("sensitivity cancelled");
        }
    }

    private record Side(double value, String problem) {
    }

    private static Side side(JsonNode document, Driver driver, double factor, ToDoubleFunction<String> measure) {
        JsonNode moved = document.deepCopy();
        for (Field field : driver.fields()) {
            DocumentPaths.scale(moved, field.path(), factor);
            RouteDrivers.rebalanceShares(document, moved, field.path());
        }
        try {
            double value = measure.applyAsDouble(moved.toString());
            return Double.isFinite(value) ? new Side(value, null) : new Side(Double.NaN, "no finite result");
        } catch (InvalidInputException e) {
            return new Side(Double.NaN, e.getMessage());
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JsonSupport.mapper().readTree(json);
            if (!(node instanceof ObjectNode)) {
                throw new InvalidInputException("scenario", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JsonSupport.translate(e, "scenario");
        }
    }
}
