package io.inferplan.engine.uncertainty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.Statistics;
import io.inferplan.engine.economics.ProjectionMonth;
import io.inferplan.engine.scenario.Distribution;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.scenario.UncertainNumbers;
import io.inferplan.engine.scenario.Workload;
import io.inferplan.engine.uncertainty.UncertaintyResult.Driver;
import io.inferplan.engine.uncertainty.UncertaintyResult.MonthBand;
import io.inferplan.engine.uncertainty.UncertaintyResult.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scenario's uncertainty by Monte Carlo: prepared once from the document ({@link #of}: distributions read and
 * checked, the scenario evaluated as written, the standard inputs added), then {@link #run} as often as wanted.
 *
 * <p>Each draw moves the inputs of a copy of the document by path and evaluates it with the plain evaluator, so a
 * draw means exactly what editing the file would. What does not change between draws is done once: the document
 * is parsed once, names are resolved once (unless a draw moves the deployment itself), and performance estimates
 * come from a grid of request shapes shared by all draws ({@link GridEstimates}). Draw {@code i} takes its
 * random numbers from a stream seeded by the seed and {@code i} alone, so the result does not depend on how many
 * threads ran it. Thread-safe: runs may overlap.
 */
public final class MonteCarlo {
    public static final int MIN_DRAWS = 10;
    public static final int MAX_DRAWS = 1_000_000;
    public static final int DEFAULT_DRAWS = 10_000;
    private static final int CHUNK = 64;

    private final ObjectNode point;
    private final ResolvedScenario base;
    private final ScenarioResult baseResult;
    private final List<UncertainInput> inputs;
    private final ScenarioResolver resolver;
    private final GridEstimates estimates;
    private final boolean resolveEachDraw;

    private MonteCarlo(ObjectNode point, ResolvedScenario base, ScenarioResult baseResult, List<UncertainInput> inputs,
                       ScenarioResolver resolver, GridEstimates estimates) {
        this.point = point;
        this.base = base;
        this.baseResult = baseResult;
        this.inputs = List.copyOf(inputs);
        this.resolver = resolver;
        this.estimates = estimates;
        this.resolveEachDraw = inputs.stream().anyMatch(UncertainInput::movesDeployment);
    }

    /**
     * @param scenarioJson   the scenario document, distributions and all
     * @param estimates      where performance estimates come from (normally {@link EstimateSource#standard()})
     * @param standardInputs whether to add the standard uncertainty ({@link StandardInputs}) to what the file declares
     * @throws InvalidInputException naming the field (path) when the document is not a valid scenario, a
     *                               distribution is impossible, or a distribution reaches values the field does not allow
     */
    public static MonteCarlo of(String scenarioJson, ScenarioResolver resolver, EstimateSource estimates, boolean standardInputs) {
        ObjectNode point = ScenarioJson.tree(scenarioJson);
        List<UncertainNumbers.Declared> declared = UncertainNumbers.extract(point);
        if (!point.has("projection")) {
            point.putObject("projection");
        }
        ResolvedScenario base = resolver.resolve(ScenarioJson.read(point));
        GridEstimates grid = new GridEstimates(estimates, base.model(), base.scenario().workload().servingTarget(), Workload.shapeOf(base.scenario().workload().requestTokens()),
                base.newGeneration() == null ? new io.inferplan.engine.perf.Deployment[]{base.deployment()}
                        : new io.inferplan.engine.perf.Deployment[]{base.deployment(), base.newGeneration()});
        ScenarioResult baseResult = new ScenarioEvaluator(grid).evaluate(base);
        List<UncertainInput> inputs = new ArrayList<>();
        for (UncertainNumbers.Declared d : declared) {
            inputs.add(new UncertainInput(d.path(), List.of(d.path()), d.distribution(), UncertainInput.Effect.VALUE, "scenario file"));
        }
        if (standardInputs) {
            for (UncertainInput standard : StandardInputs.of(point, baseResult)) {
                boolean overlaps = standard.paths().stream().anyMatch(p -> declared.stream().anyMatch(d -> sameNumber(d.path(), p)));
                if (!overlaps) {
                    inputs.add(standard);
                }
            }
        }
        for (UncertainInput input : inputs) {
            checkReach(point, input, input.distribution().lowest());
            checkReach(point, input, input.distribution().highest());
        }
        return new MonteCarlo(point, base, baseResult, inputs, resolver, grid);
    }

    /** What the draws move, in the order they are drawn. */
    public List<UncertainInput> inputs() {
        return inputs;
    }

    /** The scenario evaluated as written (every distribution at its value). */
    public ScenarioResult baseResult() {
        return baseResult;
    }

    /** {@link #run(int, long, int, SimulationProgress)} on as many threads as there are cores. */
    public UncertaintyResult run(int draws, long seed, SimulationProgress progress) {
        return run(draws, seed, Runtime.getRuntime().availableProcessors(), progress);
    }

    /**
     * @param threads worker threads (1 to 64); the result is the same for any number
     * @throws InvalidInputException when draws are out of range, or every draw is rejected
     * @throws CancellationException when {@code progress} says to stop
     */
    public UncertaintyResult run(int draws, long seed, int threads, SimulationProgress progress) {
        io.inferplan.engine.Checks.inRange("draws", draws, MIN_DRAWS, MAX_DRAWS);
        io.inferplan.engine.Checks.inRange("threads", threads, 1, 64);
        Draws out = new Draws(draws, inputs.size(), baseResult.projection().months().size());
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        progress.report(0);
        int workers = Math.min(threads, (draws + CHUNK - 1) / CHUNK);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "monte-carlo");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> work(draws, seed, out, nextChunk, done, progress)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.report(1);
        return summarise(draws, seed, out);
    }

    /** Every draw's numbers, by draw index (workers write disjoint indices). */
    private static final class Draws {
        final double[][] inputValues;
        final boolean[] valid;
        final String[] rejection;
        final double[] profit;
        final double[] cost;
        final double[] gpus;
        final double[] breakEven;
        final double[][] monthly;

        Draws(int draws, int inputs, int months) {
            inputValues = new double[inputs][draws];
            valid = new boolean[draws];
            rejection = new String[draws];
            profit = new double[draws];
            cost = new double[draws];
            gpus = new double[draws];
            breakEven = new double[draws];
            monthly = new double[draws][];
        }
    }

    private void work(int draws, long seed, Draws out, AtomicInteger nextChunk, AtomicInteger done, SimulationProgress progress) {
        ScaledEstimates scaled = new ScaledEstimates(estimates);
        ScenarioEvaluator evaluator = new ScenarioEvaluator(scaled);
        for (int chunk = nextChunk.getAndIncrement(); chunk * CHUNK < draws; chunk = nextChunk.getAndIncrement()) {
            int end = Math.min(draws, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                progress.checkCancelled();
                draw(i, seed, out, scaled, evaluator);
            }
            int finished = done.addAndGet(end - chunk * CHUNK);
            synchronized (progress) {
                progress.report(Math.min(1, (double) finished / draws));
            }
        }
    }

    private void draw(int index, long seed, Draws out, ScaledEstimates scaled, ScenarioEvaluator evaluator) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        ObjectNode document = point.deepCopy();
        double throughput = 1;
        for (int k = 0; k < inputs.size(); k++) {
            UncertainInput input = inputs.get(k);
            double value = input.distribution().quantile(random.nextDouble());
            out.inputValues[k][index] = value;
            if (input.effect() == UncertainInput.Effect.THROUGHPUT) {
                throughput *= value;
            } else {
                input.apply(document, value);
            }
        }
        try {
            Scenario scenario = ScenarioJson.read(document);
            ResolvedScenario resolved = resolveEachDraw ? resolver.resolve(scenario)
                    : new ResolvedScenario(scenario, base.model(), base.deployment(), base.newGeneration());
            scaled.factor(throughput);
            ScenarioResult result = evaluator.evaluate(resolved);
            out.profit[index] = result.totals().operatingProfitUsdPerMonth();
            out.cost[index] = result.tokenCosts().costPerMillionOutputTokensUsd();
            out.gpus[index] = result.capacity().gpusRequired();
            Integer month = result.projection().breakEvenMonth();
            out.breakEven[index] = month == null ? Double.NaN : month;
            List<ProjectionMonth> months = result.projection().months();
            double[] monthly = new double[months.size()];
            for (int m = 0; m < monthly.length; m++) {
                monthly[m] = months.get(m).operatingProfitUsd();
            }
            out.monthly[index] = monthly;
            out.valid[index] = Double.isFinite(out.profit[index]) && Double.isFinite(out.cost[index]);
            if (!out.valid[index]) {
                out.rejection[index] = "no finite result";
            }
        } catch (InvalidInputException e) {
            out.rejection[index] = e.getMessage();
        }
    }

    private UncertaintyResult summarise(int draws, long seed, Draws out) {
        int[] valid = java.util.stream.IntStream.range(0, draws).filter(i -> out.valid[i]).toArray();
        if (valid.length == 0) {
            String why = Arrays.stream(out.rejection).filter(java.util.Objects::nonNull).findFirst().orElse("no result");
            throw new InvalidInputException("draws", "no draw made a valid scenario; the first failed with " + why);
        }
        double[] profit = pick(out.profit, valid);
        double[] breakEvens = Arrays.stream(pick(out.breakEven, valid)).filter(Double::isFinite).toArray();
        List<Driver> drivers = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            drivers.add(new Driver(inputs.get(k).name(), RankCorrelation.of(pick(out.inputValues[k], valid), profit)));
        }
        drivers.sort(Comparator.comparingDouble((Driver d) -> Math.abs(d.rankCorrelation())).reversed());
        int months = Arrays.stream(valid).map(i -> out.monthly[i].length).min().orElse(0);
        List<MonthBand> monthly = new ArrayList<>();
        List<MonthBand> cumulative = new ArrayList<>();
        double[] running = new double[valid.length];
        for (int m = 0; m < months; m++) {
            double[] column = new double[valid.length];
            for (int j = 0; j < valid.length; j++) {
                column[j] = out.monthly[valid[j]][m];
                running[j] += column[j];
            }
            monthly.add(band(m + 1, column));
            cumulative.add(band(m + 1, running));
        }
        String firstRejection = Arrays.stream(out.rejection).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new UncertaintyResult(draws, seed, valid.length, draws - valid.length, firstRejection,
                percentiles(profit), percentiles(pick(out.cost, valid)), percentiles(pick(out.gpus, valid)),
                breakEvens.length == 0 ? null : percentiles(breakEvens), (double) breakEvens.length / valid.length,
                drivers, monthly, cumulative, profit, inputs);
    }

    /** The percentiles of a metric: linear interpolation between order statistics, the mean beside them. */
    static Percentiles percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 0.1), at(sorted, 0.5), at(sorted, 0.9), Arrays.stream(values).average().orElse(0));
    }

    private static MonthBand band(int month, double[] values) {
        Percentiles p = percentiles(values);
        return new MonthBand(month, p.p10(), p.p50(), p.p90());
    }

    private static double at(double[] sorted, double quantile) {
        double position = quantile * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] picked = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            picked[j] = values[indices[j]];
        }
        return picked;
    }

    /** A well-mixed seed for draw {@code index} (SplitMix64's finaliser). */
    private static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Whether a declared path and a standard input's path name the same number ({@code [*]} matching any index). */
    private static boolean sameNumber(String declared, String standard) {
        return declared.replaceAll("\\[\\d+]", "[*]").equals(standard) || declared.equals(standard);
    }

    /** Refuses a distribution that reaches a value the scenario does not allow, naming the field and its range. */
    private static void checkReach(ObjectNode point, UncertainInput input, double extreme) {
        if (input.effect() == UncertainInput.Effect.THROUGHPUT) {
            return;
        }
        ObjectNode moved = point.deepCopy();
        input.apply(moved, extreme);
        try {
            ScenarioJson.read(moved);
        } catch (InvalidInputException e) {
            String where = input.paths().stream().filter(p -> sameNumber(e.field(), p)).findFirst().orElse(input.paths().getFirst());
            Distribution d = input.distribution();
            String reach = (input.effect() == UncertainInput.Effect.FACTOR ? "a factor of " : "") + Distribution.describeNumber(extreme);
            throw new InvalidInputException(where, "the distribution (" + d.describe() + ") reaches " + reach + ", which "
                    + (e.field().equals(where) ? "the field does not allow: " + e.reason() : "makes " + e.getMessage())
                    + "; narrow it or bound it with min and max");
        }
    }
}
