package io.inferplan.cli.reliability;

import io.inferplan.cli.ScenarioFileLoader;
import io.inferplan.cli.ScenarioReport;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs scenario files the way `inferplan evaluate` does (read, resolve, evaluate, then the text, JSON and CSV
 * outputs) and sorts each outcome: evaluated with every number finite and no negative GPU count, rejected with a
 * plain message naming a field, or a defect (any other exception, a message leaking internals, a NaN, an infinity
 * or a negative count in an output).
 */
final class ScenarioProbe {
    /** Words that only a stack trace or a library's internals would put in front of a user. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|java\\.|com\\.fasterxml|io\\.inferplan|Cannot invoke|because \"|JsonToken|CoercionConfig|JsonReadFeature|@JsonCreator|`");
    private static final Pattern NOT_FINITE = Pattern.compile("NaN|Infinity|∞");

    enum Outcome { EVALUATED, REJECTED, DEFECT }

    /** The top-level fields of a scenario file (and the file itself): a rejection must name a path under one of them. */
    private static final Set<String> INPUT_ROOTS = Stream.concat(Stream.of("scenario"),
            Arrays.stream(Scenario.class.getRecordComponents()).map(RecordComponent::getName))
            .collect(Collectors.toUnmodifiableSet());

    private final ScenarioResolver resolver = ScenarioFileLoader.bundledResolver();
    private final ScenarioEvaluator evaluator = ScenarioEvaluator.standard();
    private final Map<Outcome, Integer> counts = new TreeMap<>();
    private final List<String> defects = new ArrayList<>();
    private final Map<String, Integer> rejectedFields = new TreeMap<>();

    Outcome run(String json, String what) {
        Outcome outcome;
        try {
            Scenario scenario = ScenarioJson.read(json);
            ScenarioResult result = evaluator.evaluate(resolver.resolve(scenario));
            String problem = outputProblem(result, json);
            if (problem == null && scenario.hasRoutes()) {
                // Evaluate as `inferplan evaluate` does for a file with routes: every route, then the whole service.
                problem = badNumber(new io.inferplan.engine.scenario.RoutedEvaluator(resolver, evaluator).evaluate(scenario), "routes");
            }
            outcome = problem == null ? Outcome.EVALUATED : defect(what + ": " + problem);
        } catch (InvalidInputException e) {
            boolean plain = !e.field().isBlank() && !e.reason().isBlank() && !INTERNALS.matcher(e.getMessage()).find()
                    && !e.getMessage().contains("\n");
            boolean namesAnInput = INPUT_ROOTS.contains(e.field().split("[.\\[]")[0]) || e.reason().startsWith("unknown field");
            outcome = !plain ? defect(what + ": unclear message: " + e.getMessage())
                    : !namesAnInput ? defect(what + ": names no field of the file: " + e.getMessage()) : Outcome.REJECTED;
            if (plain) {
                rejectedFields.merge(e.field().replaceAll("\\[\\d+]", "[]"), 1, Integer::sum);
            }
        } catch (RuntimeException | StackOverflowError e) {
            outcome = defect(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        counts.merge(outcome, 1, Integer::sum);
        return outcome;
    }

    private Outcome defect(String description) {
        if (defects.size() < 50) {
            defects.add(description.length() > 300 ? description.substring(0, 300) + "..." : description);
        }
        return Outcome.DEFECT;
    }

    /**
     * What is wrong with the outputs of an evaluated scenario, or null. The text outputs are searched for "NaN" and
     * "Infinity" only where the file's own text (a name, a source) does not hold those words.
     */
    static String outputProblem(ScenarioResult result, String json) {
        boolean userTextHasTheWords = NOT_FINITE.matcher(json).find();
        String inTree = badNumber(result, "result");
        if (inTree != null) {
            return inTree;
        }
        StringWriter text = new StringWriter();
        ScenarioReport.summary(result, new PrintWriter(text));
        if (!userTextHasTheWords && NOT_FINITE.matcher(text.toString()).find()) {
            return "the summary shows a non-finite number";
        }
        if (!userTextHasTheWords && NOT_FINITE.matcher(ScenarioJson.write(result)).find()) {
            return "--json writes a non-finite number";
        }
        try {
            ScenarioReport.csv(result, new PrintWriter(new StringWriter()));
        } catch (RuntimeException e) {
            return "--csv fails: " + e.getMessage();
        }
        return null;
    }

    /** A non-finite number anywhere in the result, or a negative GPU or replica count, by its path. */
    static String badNumber(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? null : path + " is " + d;
        }
        if (value instanceof Number n) {
            String name = path.toLowerCase(Locale.ROOT);
            boolean count = name.endsWith("gpus") || name.contains("gpusrequired") || name.endsWith("replicas");
            return count && n.doubleValue() < 0 ? path + " is negative (" + n + ")" : null;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String problem = badNumber(item, path + "[" + i++ + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    String problem = badNumber(component.getAccessor().invoke(value), path + "." + component.getName());
                    if (problem != null) {
                        return problem;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    List<String> defects() {
        return defects;
    }

    String report(int inputs) {
        return String.format(Locale.ROOT, "scenario files: %d tried, %d evaluated cleanly, %d rejected naming a field, %d defects"
                + " (stack traces, unclear messages, NaN/Infinity/negative outputs)%n  most rejected fields: %s",
                inputs, count(Outcome.EVALUATED), count(Outcome.REJECTED), count(Outcome.DEFECT), top(rejectedFields, 8));
    }

    private static String top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .map(e -> e.getKey() + " " + e.getValue()).toList().toString();
    }
}
