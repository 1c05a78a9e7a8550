package io.inferplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.solve.GoalSeek;
import io.inferplan.engine.sim.SimulationProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan solve SCENARIO.json --target NAME=VALUE --vary INPUT}: goal seek on one input. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Goal seek: the value of one input at which a result reaches a target.",
                "Targets (--target NAME=VALUE):",
                "  gross-margin-percent=60            gross margin, percent of revenue",
                "  operating-profit=0                 operating profit, USD per month (0: break-even volume)",
                "  cost-per-million-output-tokens=2   serving cost per million output tokens, USD",
                "  cost-per-million-tokens=0.5        serving cost per million tokens, blended, USD",
                "  gpus=64                            GPUs needed (with --vary load: the most load the budget serves)",
                "Inputs (--vary):",
                "  price            a tier's output price, USD per million output tokens (0.00001 to 100x now,",
                "                   at least 1000); input and cached-input prices in proportion unless --no-keep-ratios",
                "  load             the average load (requests/s or tokens/day as the file gives it, 1e-4x to",
                "                   1e4x now; a peak given in requests/s keeps its ratio)",
                "  cache-hit-rate   the prompt cache hit rate, 0 to 1",
                "  utilization      the planned utilisation, 0.05 to 1",
                "A target out of reach exits with status 3 and says how close the input's range gets;",
                "nothing is written then."})
public final class SolveCommand implements Callable<Integer> {
    /** The target was valid but no value of the input reaches it. */
    static final int NOT_REACHED = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario file")
    Path file;

    @Option(names = "--target", required = true, paramLabel = "NAME=VALUE", description = "What to reach, e.g. gross-margin-percent=60")
    String target;

    @Option(names = "--vary", required = true, paramLabel = "INPUT", description = "The input to move: price, load, cache-hit-rate, utilization")
    String vary;

    @Option(names = "--tier", paramLabel = "NAME", description = "With --vary price: the tier whose price moves (default: every priced tier, by the same factor)")
    String tier;

    @Option(names = "--keep-ratios", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --vary price: input and cached-input prices move in proportion (default on)")
    boolean keepRatios;

    @Option(names = "--write", paramLabel = "OUT.json", description = "Write the scenario with the input set to the answer (only when reached)")
    Path write;

    @Option(names = "--json", description = "Print the answer as JSON")
    boolean json;

    private final ScenarioEvaluator evaluator;
    private final ScenarioResolver resolver;

    public SolveCommand() {
        this(ScenarioEvaluator.standard(), null);
    }

    /** For tests: a given evaluator and resolver (null resolver: the user's catalog). */
    SolveCommand(ScenarioEvaluator evaluator, ScenarioResolver resolver) {
        this.evaluator = evaluator;
        this.resolver = resolver;
    }

    @Override
    public Integer call() {
        ScenarioResolver names = resolver != null ? resolver : ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec));
        GoalSeek.Request request = request();
        ScenarioFileLoader.evaluate(file, names, evaluator);
        String text = ScenarioFileLoader.readText(file);
        GoalSeek.Outcome outcome;
        try {
            outcome = GoalSeek.solve(text, request, names, evaluator, SimulationProgress.NONE);
        } catch (InvalidInputException e) {
            boolean option = e.field().equals("tier") || e.field().equals("target") || e.field().equals("vary");
            throw option ? new InvalidInputException("--" + e.field(), e.reason())
                    : new InvalidInputException(file.getFileName() + ": " + e.field(), e.reason());
        }
        if (outcome.reached() && write != null) {
            try {
                Files.writeString(write, outcome.scenarioJson() + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException(write.toString(), "cannot be written (" + e.getMessage() + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(outcome));
        } else {
            out.println(outcome.explanation() + ".");
            if (outcome.reached() && write != null) {
                out.println("Written to " + write + ".");
            } else if (!outcome.reached() && write != null) {
                out.println("Nothing written: the target is not reached.");
            }
        }
        out.flush();
        return outcome.reached() ? ExitCodes.OK : NOT_REACHED;
    }

    private GoalSeek.Request request() {
        int equals = target.indexOf('=');
        if (equals <= 0) {
            throw new InvalidInputException("--target", "expected NAME=VALUE (e.g. gross-margin-percent=60), was '" + target + "'");
        }
        GoalSeek.Target name;
        GoalSeek.Input input;
        double value;
        try {
            name = GoalSeek.Target.named(target.substring(0, equals).strip());
            input = GoalSeek.Input.named(vary.strip());
            value = Double.parseDouble(target.substring(equals + 1).strip());
            return new GoalSeek.Request(name, value, input, tier, keepRatios);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--target", "the value must be a number, was '" + target.substring(equals + 1) + "'");
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--" + e.field(), e.reason());
        }
    }

    private static String toJson(GoalSeek.Outcome o) {
        ObjectNode root = JsonSupport.mapper().createObjectNode();
        root.put("target", o.request().target().cliName());
        root.put("targetValue", o.request().targetValue());
        root.put("vary", o.request().input().cliName());
        root.put("reached", o.reached());
        root.put("inputPath", o.inputPath());
        root.put("inputValue", o.inputValue());
        root.put("inputUnit", o.request().input().unit());
        root.put("resultValue", o.resultValue());
        root.put("resultUnit", o.request().target().unit());
        root.put("inputNow", o.baseInput());
        root.put("resultNow", o.baseResult());
        root.put("rangeLowest", o.lowest());
        root.put("rangeHighest", o.highest());
        root.put("explanation", o.explanation());
        return root.toPrettyString();
    }
}
