package io.inferplan.cli;

import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan evaluate SCENARIO.json}: capacity, cost per million tokens, margins, break-even and projection. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates a scenario file: GPUs needed, cost per million tokens, margin per pricing tier,",
                "break-even and the month-by-month projection; with routes, a Routes table (cost, GPUs, latency and",
                "margin per route and in total) after the unrouted baseline. See docs/scenario-format.md for the format."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file")
    Path file;

    static final class Format {
        @Option(names = "--json", description = "Print the full result as JSON")
        boolean json;
        @Option(names = "--csv", description = "Print the month-by-month projection as CSV")
        boolean csv;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    private final ScenarioEvaluator evaluator;
    private final ScenarioResolver resolver;

    public EvaluateCommand() {
        this(ScenarioEvaluator.standard(), null);
    }

    /** For tests: a given evaluator and resolver (null resolver: the bundled catalog). */
    EvaluateCommand(ScenarioEvaluator evaluator, ScenarioResolver resolver) {
        this.evaluator = evaluator;
        this.resolver = resolver;
    }

    @Override
    public Integer call() {
        ScenarioResolver names = resolver != null ? resolver : ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec));
        ScenarioResult result = ScenarioFileLoader.evaluate(file, names, evaluator);
        Scenario scenario = ScenarioFileLoader.read(file);
        RoutedResult routed = scenario.hasRoutes() ? ScenarioFileLoader.evaluateRoutes(file, scenario, names, evaluator) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (format != null && format.json) {
            out.println(routed == null ? ScenarioJson.write(result) : RouteReport.json(result, routed).toPrettyString());
            out.flush();
        } else if (format != null && format.csv) {
            // The projection is the baseline's: routes have no combined month-by-month series yet.
            ScenarioReport.csv(result, out);
        } else {
            ScenarioReport.summary(result, out);
            if (routed != null) {
                RouteReport.table(routed, out);
            }
        }
        return ExitCodes.OK;
    }
}
