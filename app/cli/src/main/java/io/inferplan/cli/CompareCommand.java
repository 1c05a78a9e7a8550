package io.inferplan.cli;

import io.inferplan.engine.JsonSupport;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferplan compare A.json B.json ...}: scenarios side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Evaluates several scenario files and puts the results side by side.")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "SCENARIO.json", description = "Two or more scenario files")
    List<Path> files;

    @Option(names = "--json", description = "Print the full results as a JSON array")
    boolean json;

    private final ScenarioEvaluator evaluator;
    private final ScenarioResolver resolver;

    public CompareCommand() {
        this(ScenarioEvaluator.standard(), null);
    }

    CompareCommand(ScenarioEvaluator evaluator, ScenarioResolver resolver) {
        this.evaluator = evaluator;
        this.resolver = resolver;
    }

    @Override
    public Integer call() throws Exception {
        ScenarioResolver names = resolver != null ? resolver : ScenarioFileLoader.lookupResolver(UserCatalog.lookup(spec));
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(ScenarioFileLoader.evaluate(file, names, evaluator));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonSupport.mapper().writeValueAsString(results));
            out.flush();
        } else {
            ScenarioReport.comparison(results, out);
        }
        return ExitCodes.OK;
    }
}
