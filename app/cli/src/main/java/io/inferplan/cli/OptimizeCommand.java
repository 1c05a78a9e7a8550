package io.inferplan.cli;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.cli.search.CatalogCandidates;
import io.inferplan.cli.search.SimulatedCells;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.optimize.ConfigurationSearch;
import io.inferplan.engine.optimize.CostAtInteractivity;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.engine.optimize.SearchOptions;
import io.inferplan.engine.optimize.SearchResult;
import io.inferplan.engine.optimize.TailSimulation;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.RouteScenarios;
import io.inferplan.engine.scenario.RoutedEvaluator;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferplan optimize SCENARIO.json}: the scenario's workload on every priced part of the catalog, in every
 * configuration the engine's search covers, cheapest per output token first among those meeting the targets.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Searches accelerators, parallelism, precisions, serving stacks and speculative decoding for the",
                "scenario's workload and ranks the configurations by cost per million output tokens among those that",
                "meet its latency targets. Parts are priced at your --price, else the catalog's cheapest on-demand",
                "rate (own basis: its purchase price with the system share and host power the catalog gives); the",
                "scenario's own part at the scenario's own price.",
                "See docs/optimize.md."})
public final class OptimizeCommand implements Callable<Integer> {
    static final int DEFAULT_TOP = 10;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file")
    Path file;

    @Option(names = "--accelerators", split = ",", paramLabel = "ID", description = "Only these parts (catalog ids or aliases)")
    List<String> accelerators;

    @Option(names = "--vendors", split = ",", paramLabel = "VENDOR", description = "Only parts of these vendors (e.g. nvidia,amd)")
    List<String> vendors;

    @Option(names = "--precision-floor", paramLabel = "FORMAT", description = "Narrowest weight and KV format allowed: bf16, fp8 or fp4 (default fp4: all)")
    String precisionFloor;

    @Option(names = "--max-gpus", paramLabel = "N", description = "Largest replica in GPUs, 1-" + SearchOptions.MAX_GPUS_PER_REPLICA + " (default "
            + SearchOptions.MAX_GPUS_PER_REPLICA + ")")
    Integer maxGpus;

    @Option(names = "--disaggregated", description = {"Also try disaggregated prefill/decode pools built from the cheapest "
            + "configurations (off by default: that model is far less accurate; docs/optimize.md)"})
    private boolean disaggregated;

    @Option(names = "--top", paramLabel = "N", description = "Configurations to print (default " + DEFAULT_TOP + ")")
    Integer top;

    @Option(names = "--simulate-top", paramLabel = "N", description = {"Run the serving simulator on the first N rows for "
            + "their p99 TTFT and TPOT at the peak and the fleet it needs within the targets (aggregated rows meeting them), 0-" + TailSimulation.MAX_ROWS
            + " (default " + TailSimulation.DEFAULT_ROWS + "; 0: off)"})
    Integer simulateTop;

    @Option(names = "--route", paramLabel = "NAME", description = {"Search one route's deployment (a scenario with routes): "
            + "its share of the requests, its request shape and GPU cost; the other routes stay as they are"})
    String route;

    @Option(names = "--rank-by", paramLabel = "COST", description = {"output (default): cost per million output tokens; "
            + "blended: per million tokens of the scenario's own mix of input, cached input and output"})
    String rankBy;

    @Option(names = "--at-tokens-per-user", paramLabel = "N", description = {"Also price each part at N output tokens/s per "
            + "user from its throughput-interactivity frontier (full utilisation, all GPU time charged to output tokens)"})
    Double atTokensPerUser;

    @Option(names = "--price", paramLabel = "ID=USD", description = "Your own rental price per GPU-hour for a part (repeatable)")
    Map<String, String> prices;

    static final class Format {
        @Option(names = "--json", description = "Print the ranked configurations as JSON")
        boolean json;
        @Option(names = "--csv", description = "Print the ranked configurations as CSV")
        boolean csv;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final List<String> CSV_COLUMNS = List.of("accelerator", "gpusPerReplica", "replicas", "gpusTotal", "tensorParallel",
            "pipelineParallel", "expertParallel", "attentionParallelism", "weightPrecision", "kvPrecision", "servingStack",
            "speculative", "disaggregated", "costPerMillionOutputTokensUsd", "costPerMillionInputTokensUsd",
            "meetsLatencyTargets", "ttftSeconds", "tpotSeconds", "grossMarginPercent", "errorBandPercent", "priceSource",
            "prefillWorkers", "decodeWorkers", "ttftP99Seconds", "tpotP99Seconds", "simulatedReplicas", "simulatedGpusTotal", "prefillAccelerator",
            "prefillGpusPerWorker", "prefillWorker", "decodeAccelerator", "decodeGpusPerWorker", "decodeWorker",
            "costPerMillionTokensBlendedUsd", "powerKilowatts");

    @Override
    public Integer call() throws Exception {
        SearchOptions options = options();
        int shown = top == null ? DEFAULT_TOP : top;
        if (shown < 1 || shown > 100_000) {
            throw new InvalidInputException("--top", "must be a whole number from 1 to 100000, was " + shown);
        }
        int simulated = simulateTop == null ? TailSimulation.DEFAULT_ROWS : simulateTop;
        if (simulated < 0 || simulated > TailSimulation.MAX_ROWS) {
            throw new InvalidInputException("--simulate-top", "must be a whole number from 0 to " + TailSimulation.MAX_ROWS
                    + " (rows to simulate), was " + simulated);
        }
        Map<String, Double> own = ownPrices(prices);
        AcceleratorCatalog catalog = UserCatalog.catalog(spec);
        var names = ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec));
        ResolvedScenario resolved = ScenarioFileLoader.load(file, names);
        String routeName = null;
        Scenario routed = resolved.scenario();
        int routeIndex = -1;
        if (route != null) {
            routeIndex = RouteScenarios.indexOf(routed, route, "--route");
            routeName = routed.routes().get(routeIndex).name();
            // The rest of the routes are fixed, so the cheapest deployment for this route's share is the cheapest whole.
            resolved = ScenarioFileLoader.loadRoute(file, resolved.scenario(), route, "--route", names);
        }
        CatalogCandidates.Parts parts = CatalogCandidates.parts(catalog, resolved, own, accelerators, vendors);
        if (parts.candidates().isEmpty()) {
            throw new InvalidInputException("--accelerators", "no part with a price to search"
                    + (parts.unpriced().isEmpty() ? "" : "; no price: " + String.join(", ", parts.unpriced()) + " (set one with --price ID=USD)"));
        }
        boolean blended = rankedByBlendedCost();
        if (atTokensPerUser != null) {
            // Before the search, so a bad value costs no search.
            CostAtInteractivity.checkSpeed("--at-tokens-per-user", atTokensPerUser);
        }
        SearchResult result = ConfigurationSearch.standard().search(resolved, parts.candidates(),
                options.withFrontier(atTokensPerUser != null), null);
        List<RankedConfiguration> all = result.configurations();
        if (blended) {
            all = new java.util.ArrayList<>(all);
            all.sort(ConfigurationSearch.BY_BLENDED_COST);
        }
        List<RankedConfiguration> ranked = all.subList(0, Math.min(shown, all.size()));
        List<CostAtInteractivity.Row> atSpeed = atTokensPerUser == null ? List.of()
                : CostAtInteractivity.at(atTokensPerUser, result.frontier(), parts.candidates());
        // The simulator after the search, on the rows printed only: seconds for a few, not for the thousands ranked.
        TailSimulation.Result tails = TailSimulation.standard().simulate(resolved, parts.candidates(), ranked, simulated, null);
        ranked = tails.ranked();
        WholeService whole = route == null || ranked.isEmpty() ? null : wholeService(routed, routeIndex, ranked.getFirst(), parts, names);
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (route != null) {
                json.put("route", routeName);
                json.put("routeAverageRequestsPerSecond", resolved.scenario().workload().averageRps());
                if (whole != null) {
                    json.put("wholeServiceNow", whole.now());
                    json.put("wholeServiceWithBest", whole.withBest());
                }
            }
            json.put("searched", result.searched());
            json.put("elapsedMs", result.elapsedMillis());
            json.put("simulatedRows", tails.simulated());
            json.put("simulationMs", tails.elapsedMillis());
            json.put("rankedBy", blended ? "blended" : "output");
            json.put("configurations", ranked.stream().map(OptimizeCommand::row).toList());
            if (atTokensPerUser != null) {
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("tokensPerSecondPerUser", atTokensPerUser);
                at.put("parts", atSpeed.stream().map(OptimizeCommand::atSpeedRow).toList());
                json.put("atTokensPerUser", at);
            }
            json.put("unpriced", parts.unpriced());
            out.println(JsonSupport.mapper().writeValueAsString(json));
        } else if (format != null && format.csv) {
            out.println(String.join(",", CSV_COLUMNS));
            for (RankedConfiguration c : ranked) {
                out.println(row(c).values().stream().map(OptimizeCommand::csvCell).collect(Collectors.joining(",")));
            }
        } else {
            if (route != null) {
                out.printf(Locale.ROOT, "Route %s: %.3g requests/s on average of %s, the other routes as they are; ranked by this route's cost.%n",
                        routeName, resolved.scenario().workload().averageRps(), resolved.model().id());
            }
            summary(result, ranked, parts, tails, blended, out);
            if (atTokensPerUser != null) {
                atSpeed(atTokensPerUser, atSpeed, out);
            }
            if (whole != null) {
                out.printf(Locale.ROOT, "%nWith #1 on route %s, the whole service: %d GPUs, %s a month, %s per M output tokens "
                                + "(now %d GPUs, %s, %s).%n", routeName, whole.withBest().gpusTotal(),
                        ScenarioReport.usd(whole.withBest().totalCostUsdPerMonth()),
                        ScenarioReport.usd(whole.withBest().costPerMillionOutputTokensUsd()), whole.now().gpusTotal(),
                        ScenarioReport.usd(whole.now().totalCostUsdPerMonth()), ScenarioReport.usd(whole.now().costPerMillionOutputTokensUsd()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The routed totals as the file has them, and with the search's best on the route (the other routes unchanged). */
    record WholeService(RoutedResult.Totals now, RoutedResult.Totals withBest) {
    }

    private WholeService wholeService(Scenario scenario, int index, RankedConfiguration best, CatalogCandidates.Parts parts,
                                      ScenarioResolver names) {
        var candidate = parts.candidates().stream().filter(c -> c.accelerator().id().equals(best.plan().accelerator()))
                .findFirst();
        if (candidate.isEmpty()) {
            return null;
        }
        ScenarioEvaluator evaluator = ScenarioEvaluator.standard();
        RoutedResult.Totals now = ScenarioFileLoader.evaluateRoutes(file, scenario, names, evaluator).totals();
        try {
            Scenario moved = RouteScenarios.withRouteDeployment(scenario, index, best.plan(), candidate.get().cost());
            return new WholeService(now, new RoutedEvaluator(names, evaluator).evaluate(moved).totals());
        } catch (InvalidInputException e) {
            // The search evaluated this configuration on the route already; a whole that does not evaluate is left out.
            return null;
        }
    }

    private boolean rankedByBlendedCost() {
        if (rankBy == null) {
            return false;
        }
        return switch (rankBy.strip().toLowerCase(Locale.ROOT)) {
            case "output" -> false;
            case "blended" -> true;
            default -> throw new InvalidInputException("--rank-by", "must be output or blended, was '" + rankBy + "'");
        };
    }

    private static Map<String, Object> atSpeedRow(CostAtInteractivity.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accelerator", r.accelerator());
        row.put("weightPrecision", r.weightPrecision().id());
        row.put("configuration", r.configuration());
        row.put("batch", r.batch());
        row.put("outputTokensPerSecondPerUser", round(r.outputTokensPerSecondPerUser()));
        row.put("outputTokensPerSecondPerGpu", round(r.outputTokensPerSecondPerGpu()));
        row.put("usdPerGpuHour", round(r.usdPerGpuHour()));
        row.put("costPerMillionOutputTokensUsd", round(r.costPerMillionOutputTokensUsd()));
        return row;
    }

    private static void atSpeed(double tokensPerUser, List<CostAtInteractivity.Row> rows, PrintWriter out) {
        out.printf(Locale.ROOT, "%nAt %.0f output tokens/s per user (each part's frontier; every GPU busy, all GPU time charged to "
                + "output tokens):%n", tokensPerUser);
        if (rows.isEmpty()) {
            out.println("  no part reaches that speed per user.");
            return;
        }
        out.printf(Locale.ROOT, "  %-22s %-5s %-44s %6s %10s %10s %8s %9s%n", "part", "wts", "configuration", "batch", "tok/s/user",
                "tok/s/GPU", "$/GPU-h", "$/M out");
        for (CostAtInteractivity.Row r : rows) {
            out.printf(Locale.ROOT, "  %-22s %-5s %-44s %6d %10.1f %10.0f %8.2f %9.3f%n", r.accelerator(), r.weightPrecision().id(),
                    r.configuration(), r.batch(), r.outputTokensPerSecondPerUser(), r.outputTokensPerSecondPerGpu(), r.usdPerGpuHour(),
                    r.costPerMillionOutputTokensUsd());
        }
    }

    private SearchOptions options() {
        SearchOptions options = SearchOptions.defaults();
        if (precisionFloor != null) {
            String key = precisionFloor.strip().toLowerCase(Locale.ROOT);
            Precision floor = switch (key) {
                case "bf16" -> Precision.BF16;
                case "fp8" -> Precision.FP8;
                case "fp4", "nvfp4", "mxfp4" -> Precision.FP4;
                default -> throw new InvalidInputException("--precision-floor", "must be one of bf16, fp8, fp4, was '" + precisionFloor + "'");
            };
            options = options.withPrecisionFloor(floor);
        }
        if (maxGpus != null) {
            if (maxGpus < 1 || maxGpus > SearchOptions.MAX_GPUS_PER_REPLICA) {
                throw new InvalidInputException("--max-gpus", "must be a whole number from 1 to " + SearchOptions.MAX_GPUS_PER_REPLICA
                        + " (GPUs per replica), was " + maxGpus);
            }
            options = options.withMaxGpusPerReplica(maxGpus);
        }
        return options.withDisaggregated(disaggregated);
    }

    private static Map<String, Double> ownPrices(Map<String, String> given) {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (given == null) {
            return rates;
        }
        given.forEach((id, text) -> {
            double rate;
            try {
                rate = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                rate = Double.NaN;
            }
            if (!(rate > 0 && rate <= 10_000)) {
                throw new InvalidInputException("--price", "must be ID=USD per GPU-hour with USD above 0 and at most 10000, was '"
                        + id + "=" + text + "'");
            }
            rates.put(id.strip(), rate);
        });
        return rates;
    }

    static Map<String, Object> row(RankedConfiguration c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accelerator", c.accelerator());
        row.put("gpusPerReplica", c.gpusPerReplica());
        row.put("replicas", c.replicas());
        row.put("gpusTotal", c.gpusTotal());
        row.put("tensorParallel", c.tensorParallel());
        row.put("pipelineParallel", c.pipelineParallel());
        row.put("expertParallel", c.expertParallel());
        row.put("attentionParallelism", c.attentionParallelism().id());
        row.put("weightPrecision", c.weightPrecision().id());
        row.put("kvPrecision", c.kvPrecision().id());
        row.put("servingStack", c.servingStack().id());
        row.put("speculative", c.speculative());
        row.put("disaggregated", c.disaggregated());
        row.put("costPerMillionOutputTokensUsd", round(c.costPerMillionOutputTokensUsd()));
        row.put("costPerMillionInputTokensUsd", round(c.costPerMillionInputTokensUsd()));
        row.put("meetsLatencyTargets", c.meetsLatencyTargets());
        row.put("ttftSeconds", round(c.ttftSeconds()));
        row.put("tpotSeconds", round(c.tpotSeconds()));
        row.put("grossMarginPercent", c.grossMarginPercent() == null ? null : round(c.grossMarginPercent()));
        row.put("errorBandPercent", round(c.errorBandPercent()));
        row.put("priceSource", c.priceSource());
        row.put("prefillWorkers", c.prefillWorkers());
        row.put("decodeWorkers", c.decodeWorkers());
        row.put("ttftP99Seconds", c.ttftP99Seconds() == null ? null : round(c.ttftP99Seconds()));
        row.put("tpotP99Seconds", c.tpotP99Seconds() == null ? null : round(c.tpotP99Seconds()));
        row.put("simulatedReplicas", c.simulatedReplicas());
        row.put("simulatedGpusTotal", c.simulatedGpusTotal());
        // A disaggregated row's pools, each laid out as one aggregated configuration (null for aggregated rows).
        var pools = c.pools();
        row.put("prefillAccelerator", pools == null ? null : pools.prefillWorker().accelerator());
        row.put("prefillGpusPerWorker", pools == null ? null : pools.prefillWorker().gpusPerReplica());
        row.put("prefillWorker", pools == null ? null : pools.prefillWorker().describe());
        row.put("decodeAccelerator", pools == null ? null : pools.decodeWorker().accelerator());
        row.put("decodeGpusPerWorker", pools == null ? null : pools.decodeWorker().gpusPerReplica());
        row.put("decodeWorker", pools == null ? null : pools.decodeWorker().describe());
        row.put("costPerMillionTokensBlendedUsd", round(c.costPerMillionTokensBlendedUsd()));
        row.put("powerKilowatts", round(c.powerKilowatts()));
        return row;
    }

    /** Six significant digits: more than the model's accuracy, and no binary noise in the output. */
    private static double round(double value) {
        return Double.isFinite(value) ? new java.math.BigDecimal(value).round(new java.math.MathContext(6)).doubleValue() : value;
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? java.math.BigDecimal.valueOf(d).toPlainString() : value.toString();
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void summary(SearchResult result, List<RankedConfiguration> ranked, CatalogCandidates.Parts parts,
                                TailSimulation.Result tails, boolean blended, PrintWriter out) {
        out.printf(Locale.ROOT, "Searched %,d configurations on %d parts in %d ms (%,d pruned by memory before evaluation, %,d infeasible).%n",
                result.searched(), parts.candidates().size(), result.elapsedMillis(), result.pruned(), result.infeasible());
        if (tails.simulated() > 0) {
            out.printf(Locale.ROOT, "Simulated %d rows, the first aggregated ones meeting the targets, in %,d ms (serving simulator,"
                    + " fixed seed).%n", tails.simulated(), tails.elapsedMillis());
        }
        long meeting = result.configurations().stream().filter(RankedConfiguration::meetsLatencyTargets).count();
        out.printf(Locale.ROOT, "%,d feasible, %,d of them meet the latency targets; cheapest per %s first:%n%n",
                result.configurations().size(), meeting, blended ? "token of the scenario's mix (blended)" : "output token");
        out.printf(Locale.ROOT, "%4s  %-58s %14s %9s %9s %9s %8s %7s %10s %10s %8s %7s %7s %5s  %s%n", "#", "configuration", "GPUs", "$/M out",
                "$/M in", "$/M blend", "TTFT ms", "TPOT ms", "p99 TTFT", "p99 TPOT", "sim GPUs", "kW", "margin", "±err", "targets");
        int rank = 0;
        for (RankedConfiguration c : ranked) {
            out.printf(Locale.ROOT, "%4d  %-58s %14s %9.3f %9.3f %9.3f %8.0f %7.1f %10s %10s %8s %7.1f %7s %4.0f%%  %s%n", ++rank,
                    c.describe(), gpusCell(c), c.costPerMillionOutputTokensUsd(),
                    c.costPerMillionInputTokensUsd(), c.costPerMillionTokensBlendedUsd(), c.ttftSeconds() * 1e3, c.tpotSeconds() * 1e3,
                    p99Cell(c, c.ttftP99Seconds(), "%.0f"), p99Cell(c, c.tpotP99Seconds(), "%.1f"), simulatedGpusCell(c),
                    c.powerKilowatts(),
                    c.grossMarginPercent() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", c.grossMarginPercent()),
                    c.errorBandPercent(), c.meetsLatencyTargets() ? "met" : "MISSED");
        }
        if (!parts.unpriced().isEmpty()) {
            out.println();
            out.println("No price: set one (--price ID=USD per GPU-hour, or a quote in the catalog): " + String.join(", ", parts.unpriced()));
        }
        out.println();
        out.println("GPUs = per replica x replicas = total. A missed target: even one request alone misses it; its costs are at full");
        out.println("throughput. kW: the fleet's IT power (boards, plus the server share per GPU when owned; no facility PUE).");
        if (tails.simulated() > 0) {
            out.println("TTFT and TPOT are the steady-state means at the operating point the targets are checked against; p99 TTFT");
            out.println("and TPOT (ms) are the serving simulator's at the peak on the row's replicas (overloaded: its queue grows");
            out.println("there); sim GPUs is the fleet the simulator needs for the peak within the targets at their percentiles");
            out.println("(p99 unless the scenario names others), 'none' where no rate meets them. '-': not simulated.");
        }
        if (ranked.stream().anyMatch(RankedConfiguration::disaggregated)) {
            out.println("Disaggregated rows: GPUs = prefill pool + decode pool = total, both pools sized for the peak (P and D in the");
            out.println("configuration: each pool's worker layout x workers; pools may be on different parts, the KV cache then crossing");
            out.println("the slower scale-out network); their model is far less accurate than the aggregated one (docs/optimize.md).");
        }
    }

    /** Per replica x replicas = total; a disaggregated row's prefill and decode pools' GPUs. */
    private static String gpusCell(RankedConfiguration c) {
        if (c.pools() != null) {
            return c.pools().prefillGpus() + " + " + c.pools().decodeGpus() + " = " + c.gpusTotal();
        }
        return c.gpusPerReplica() + " x " + c.replicas() + " = " + c.gpusTotal();
    }

    private static String p99Cell(RankedConfiguration c, Double seconds, String format) {
        return SimulatedCells.percentileMillis(c, seconds, format, "-");
    }

    private static String simulatedGpusCell(RankedConfiguration c) {
        if (!c.simulated()) {
            return "-";
        }
        return c.simulatedReplicas() == 0 ? "none" : Integer.toString(c.simulatedGpusTotal());
    }
}
