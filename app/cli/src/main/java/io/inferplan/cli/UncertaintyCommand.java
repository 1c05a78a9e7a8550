package io.inferplan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.EstimateSource;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.sim.SimulationProgress;
import io.inferplan.engine.uncertainty.MonteCarlo;
import io.inferplan.engine.uncertainty.UncertainInput;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import io.inferplan.engine.uncertainty.UncertaintyResult.MonthBand;
import io.inferplan.engine.uncertainty.UncertaintyResult.Percentiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan uncertainty SCENARIO.json}: Monte Carlo percentiles, break-even chance and what drives the spread. */
@Command(name = "uncertainty", mixinStandardHelpOptions = true,
        description = {"How uncertain a scenario's result is (Monte Carlo).",
                "Draws the scenario's inputs from their distributions (those the file gives in",
                "place of numbers, plus standard ones for demand growth, price and hardware cost",
                "decline, utilisation, cache hit rate, token lengths, GPU price and the engine's",
                "own error band) and evaluates every draw. Prints p10/p50/p90 and the mean of",
                "operating profit, cost per million output tokens, GPUs and break-even month, the",
                "chance of breaking even within the horizon, and which inputs drive the spread",
                "(Spearman rank correlation with operating profit). Same seed, same answer.",
                "Break-even month percentiles are over the draws that break even; the share that",
                "does is the probability (JSON: null percentiles when none does). See docs/uncertainty.md."})
public final class UncertaintyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file")
    Path file;

    @Option(names = "--draws", defaultValue = "10000", paramLabel = "N",
            description = "Number of draws (" + MonteCarlo.MIN_DRAWS + " to " + MonteCarlo.MAX_DRAWS + "; default 10000)")
    int draws;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the draws (default 1)")
    long seed;

    @Option(names = "--file-only", description = "Draw only the distributions the file gives (no standard ones)")
    boolean fileOnly;

    @Option(names = "--json", description = "Print the result as JSON (with the month-by-month fan)")
    boolean json;

    @Option(names = "--with-draws", description = "With --json: add every draw's operating profit (for a histogram)")
    boolean withDraws;

    private final EstimateSource estimates;
    private final ScenarioResolver resolver;

    public UncertaintyCommand() {
        this(EstimateSource.standard(), null);
    }

    /** For tests: a given estimate source and resolver (null resolver: the user's catalog). */
    UncertaintyCommand(EstimateSource estimates, ScenarioResolver resolver) {
        this.estimates = estimates;
        this.resolver = resolver;
    }

    @Override
    public Integer call() {
        ScenarioResolver names = resolver != null ? resolver : ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec));
        if (draws < MonteCarlo.MIN_DRAWS || draws > MonteCarlo.MAX_DRAWS) {
            throw new InvalidInputException("--draws", "must be from " + MonteCarlo.MIN_DRAWS + " to " + MonteCarlo.MAX_DRAWS
                    + ", was " + draws);
        }
        // Validates the file first, so a bad field is reported with the file's name.
        ScenarioFileLoader.read(file);
        String text = ScenarioFileLoader.readText(file);
        MonteCarlo monteCarlo;
        try {
            monteCarlo = MonteCarlo.of(text, names, estimates, !fileOnly);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file.getFileName() + ": " + e.field(), e.reason());
        }
        if (monteCarlo.inputs().isEmpty()) {
            throw new InvalidInputException(file.getFileName().toString(), "has no distributions to draw (drop --file-only "
                    + "for the standard ones)");
        }
        UncertaintyResult result = monteCarlo.run(draws, seed, SimulationProgress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result, monteCarlo.baseResult(), withDraws));
        } else {
            table(result, monteCarlo.baseResult(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void table(UncertaintyResult r, ScenarioResult base, PrintWriter out) {
        out.printf(Locale.ROOT, "Uncertainty of %s: %,d draws, seed %d%s%n", base.scenarioName(), r.draws(), r.seed(),
                r.rejectedDraws() == 0 ? "" : String.format(Locale.ROOT, " (%,d rejected: %s)", r.rejectedDraws(), r.firstRejection()));
        out.printf(Locale.ROOT, "%-36s %12s %12s %12s %12s %12s%n", "", "p10", "p50", "p90", "mean", "as written");
        row(out, "operating profit per month", r.operatingProfitUsdPerMonth(), base.totals().operatingProfitUsdPerMonth(), Formats::usd);
        row(out, "cost per million output tokens", r.costPerMillionOutputTokensUsd(),
                base.tokenCosts().costPerMillionOutputTokensUsd(), Formats::usd);
        row(out, "GPUs needed", r.gpusRequired(), base.capacity().gpusRequired(), Formats::number);
        Integer baseMonth = base.projection().breakEvenMonth();
        int months = base.projection().months().size();
        if (r.breakEvenMonth() == null) {
            out.printf(Locale.ROOT, "%-36s %12s%n", "break-even month", "never within " + months + " months");
        } else {
            row(out, "break-even month (draws that do)", r.breakEvenMonth(), baseMonth == null ? Double.NaN : baseMonth,
                    v -> String.format(Locale.ROOT, "%.1f", v));
        }
        out.printf(Locale.ROOT, "Chance of breaking even within %d months: %.0f%% (as written: %s)%n", months,
                r.probabilityOfBreakEven() * 100, baseMonth == null ? "never" : "month " + baseMonth);
        out.println("What drives the spread of operating profit (rank correlation, -1 to 1):");
        for (UncertaintyResult.Driver d : r.drivers()) {
            out.printf(Locale.ROOT, "  %-28s %+.2f%n", d.input(), d.rankCorrelation());
        }
        out.println("Inputs drawn:");
        for (UncertainInput input : r.inputs()) {
            out.printf(Locale.ROOT, "  %-28s %s%s; %s%n", input.name(), input.effect() == UncertainInput.Effect.VALUE ? ""
                    : "factor, ", input.distribution().describe(), input.source());
        }
    }

    private static void row(PrintWriter out, String label, Percentiles p, double base, DoubleFunction<String> format) {
        out.printf(Locale.ROOT, "%-36s %12s %12s %12s %12s %12s%n", label, format.apply(p.p10()), format.apply(p.p50()),
                format.apply(p.p90()), format.apply(p.mean()), Double.isNaN(base) ? "never" : format.apply(base));
    }

    static String toJson(UncertaintyResult r, ScenarioResult base, boolean withDraws) {
        ObjectNode root = JsonSupport.mapper().createObjectNode();
        root.put("scenario", base.scenarioName());
        root.put("draws", r.draws());
        root.put("seed", r.seed());
        root.put("validDraws", r.validDraws());
        root.put("rejectedDraws", r.rejectedDraws());
        if (r.firstRejection() != null) {
            root.put("firstRejection", r.firstRejection());
        }
        ObjectNode metrics = root.putObject("metrics");
        percentiles(metrics, "operatingProfitUsdPerMonth", r.operatingProfitUsdPerMonth());
        percentiles(metrics, "costPerMillionOutputTokensUsd", r.costPerMillionOutputTokensUsd());
        percentiles(metrics, "gpusRequired", r.gpusRequired());
        percentiles(metrics, "breakEvenMonth", r.breakEvenMonth());
        root.put("probabilityOfBreakEven", r.probabilityOfBreakEven());
        root.put("horizonMonths", base.projection().months().size());
        ArrayNode drivers = root.putArray("drivers");
        for (UncertaintyResult.Driver d : r.drivers()) {
            drivers.addObject().put("input", d.input()).put("rankCorrelation", d.rankCorrelation());
        }
        ArrayNode inputs = root.putArray("inputs");
        for (UncertainInput input : r.inputs()) {
            ObjectNode row = inputs.addObject();
            row.put("input", input.name());
            row.put("effect", input.effect().name().toLowerCase(Locale.ROOT));
            row.put("distribution", input.distribution().describe());
            ArrayNode paths = row.putArray("paths");
            input.paths().forEach(paths::add);
            row.put("source", input.source());
        }
        ObjectNode fan = root.putObject("fan");
        bands(fan.putArray("monthlyOperatingProfitUsd"), r.monthlyOperatingProfit());
        bands(fan.putArray("cumulativeOperatingProfitUsd"), r.cumulativeOperatingProfit());
        if (withDraws) {
            ArrayNode all = root.putArray("operatingProfitDraws");
            for (double v : r.operatingProfitDraws()) {
                all.add(v);
            }
        }
        return root.toPrettyString();
    }

    private static void percentiles(ObjectNode metrics, String name, Percentiles p) {
        ObjectNode node = metrics.putObject(name);
        if (p == null) {
            // No draw reached it: "never" is a null, not a number.
            node.putNull("p10").putNull("p50").putNull("p90").putNull("mean");
            return;
        }
        node.put("p10", p.p10()).put("p50", p.p50()).put("p90", p.p90()).put("mean", p.mean());
    }

    private static void bands(ArrayNode array, List<MonthBand> bands) {
        for (MonthBand b : bands) {
            array.addObject().put("month", b.month()).put("p10", b.p10()).put("p50", b.p50()).put("p90", b.p90());
        }
    }
}
