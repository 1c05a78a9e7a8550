package io.inferplan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.RouteDrivers;
import io.inferplan.engine.scenario.RouteScenarios;
import io.inferplan.engine.scenario.RoutedEvaluator;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.Sensitivity.Metric;
import io.inferplan.engine.scenario.Sensitivity.Swing;
import io.inferplan.engine.scenario.Sensitivity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan sensitivity SCENARIO.json}: which inputs move the result most (a tornado table). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Which inputs of a scenario move its result most (a tornado table).",
                "Each input alone (demand, tokens per request, latency target, GPU price,",
                "token prices, fixed costs, ...) moves down and up by the same share; the",
                "swings are printed largest first. The data behind the app's Sensitivity page."})
public final class SensitivityCommand implements Callable<Integer> {
    /** The results by their command-line names. */
    enum ResultOption {
        profit(Metric.OPERATING_PROFIT), cost(Metric.COST_PER_MILLION_OUTPUT_TOKENS), gpus(Metric.GPUS_NEEDED);

        final Metric metric;

        ResultOption(Metric metric) {
            this.metric = metric;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file")
    Path file;

    @Option(names = "--result", defaultValue = "profit", paramLabel = "profit|cost|gpus",
            description = "What to measure: operating profit per month (default), cost per million output tokens, or GPUs needed")
    ResultOption result;

    @Option(names = "--step", defaultValue = "20", paramLabel = "PERCENT",
            description = "How far each input moves down and up, in percent (1 to 90; default 20)")
    double stepPercent;

    @Option(names = "--route", paramLabel = "NAME", description = {"On a scenario with routes: swing this route's inputs "
            + "(its traffic share, the other routes taking up the difference, its tokens, headroom, GPU price, escalation)",
            "and the scenario-wide ones, measured on all routes together"})
    String route;

    @Option(names = "--json", description = "Print the swings as JSON")
    boolean json;

    private final ScenarioEvaluator evaluator;
    private final ScenarioResolver resolver;

    public SensitivityCommand() {
        this(ScenarioEvaluator.standard(), null);
    }

    /** For tests: a given evaluator and resolver (null resolver: the user's catalog). */
    SensitivityCommand(ScenarioEvaluator evaluator, ScenarioResolver resolver) {
        this.evaluator = evaluator;
        this.resolver = resolver;
    }

    @Override
    public Integer call() {
        ScenarioResolver names = resolver != null ? resolver : ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec));
        // Validates the file first, so a bad field is reported with the file's name.
        ScenarioFileLoader.evaluate(file, names, evaluator);
        String text = ScenarioFileLoader.readText(file);
        Sensitivity.Result swings = route == null
                ? Sensitivity.of(text, result.metric, stepPercent / 100, Sensitivity.STANDARD,
                document -> evaluator.evaluate(names.resolve(ScenarioJson.read(document))))
                : routeSwings(text, names);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(swings));
        } else {
            table(swings, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The route's inputs and the scenario-wide ones, each moved alone, measured on the whole routed service. */
    private Sensitivity.Result routeSwings(String text, ScenarioResolver names) {
        Scenario scenario = ScenarioFileLoader.read(file);
        int index = RouteScenarios.indexOf(scenario, route, "--route");
        ScenarioFileLoader.evaluateRoutes(file, scenario, names, evaluator);
        List<Sensitivity.Driver> drivers = new ArrayList<>(RouteDrivers.of(scenario, index));
        RouteDrivers.scenarioWide(scenario).stream().filter(d -> drivers.stream().noneMatch(o -> o.label().equals(d.label())))
                .forEach(drivers::add);
        RoutedEvaluator routed = new RoutedEvaluator(names, evaluator);
        return Sensitivity.measured(text, result.metric, stepPercent / 100, drivers,
                document -> result.metric.of(routed.evaluate(ScenarioJson.read(document))), Sensitivity.Progress.NONE);
    }

    private static void table(Sensitivity.Result result, PrintWriter out) {
        Metric metric = result.metric();
        out.printf(Locale.ROOT, "What moves %s most, each input alone ±%.0f%%: now %s%n", metric.label(),
                result.step() * 100, value(metric, result.base()) + (metric.isMoney() ? " " + metric.suffix() : ""));
        // As wide as the longest label, at least 26: a route's inputs carry its name ("Route frontier input tokens").
        int width = Math.max(26, result.swings().stream().mapToInt(s -> s.driver().label().length()).max().orElse(0));
        String row = "%-" + width + "s %-26s %14s %14s %12s%n";
        out.printf(Locale.ROOT, row, "input", "now", "input lower", "input higher", "swing");
        for (Swing s : result.swings()) {
            out.printf(Locale.ROOT, row, s.driver().label(),
                    Formats.withUnit(s.baseInput(), s.baseUnit()), side(metric, s.low()), side(metric, s.high()),
                    value(metric, s.spread(result.base())));
        }
        for (Swing s : result.swings()) {
            if (s.lowProblem() != null) {
                out.println("note: " + s.driver().label() + " lower is not a valid scenario: " + s.lowProblem());
            }
            if (s.highProblem() != null) {
                out.println("note: " + s.driver().label() + " higher is not a valid scenario: " + s.highProblem());
            }
        }
    }

    private static String side(Metric metric, double value) {
        return Double.isNaN(value) ? "invalid" : value(metric, value);
    }

    private static String value(Metric metric, double value) {
        return metric.isMoney() ? Formats.usd(value) : Formats.number(value) + " " + metric.suffix();
    }

    private static String toJson(Sensitivity.Result result) {
        ObjectNode root = JsonSupport.mapper().createObjectNode();
        root.put("result", result.metric().label());
        root.put("unit", result.metric().unit());
        root.put("step", result.step());
        root.put("base", result.base());
        ArrayNode swings = root.putArray("swings");
        for (Swing s : result.swings()) {
            ObjectNode row = swings.addObject();
            row.put("input", s.driver().label());
            row.put("now", s.baseInput());
            row.put("nowUnit", s.baseUnit());
            putNumberOrNull(row, "whenLower", s.low());
            putNumberOrNull(row, "whenHigher", s.high());
            row.put("swing", s.spread(result.base()));
            if (s.lowProblem() != null) {
                row.put("lowerProblem", s.lowProblem());
            }
            if (s.highProblem() != null) {
                row.put("higherProblem", s.highProblem());
            }
        }
        return root.toPrettyString();
    }

    private static void putNumberOrNull(ObjectNode row, String name, double value) {
        if (Double.isNaN(value)) {
            row.putNull(name);
        } else {
            row.put(name, value);
        }
    }
}
