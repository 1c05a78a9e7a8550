package io.inferplan.cli;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.store.AcceleratorLookup;
import io.inferplan.cli.text.BoundedText;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.scenario.AcceleratorResolver;
import io.inferplan.engine.scenario.ResolvedScenario;
import io.inferplan.engine.scenario.RouteScenarios;
import io.inferplan.engine.scenario.RoutedEvaluator;
import io.inferplan.engine.scenario.RoutedResult;
import io.inferplan.engine.scenario.Scenario;
import io.inferplan.engine.scenario.ScenarioEvaluator;
import io.inferplan.engine.scenario.ScenarioJson;
import io.inferplan.engine.scenario.ScenarioResolver;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads scenario files and resolves their names against the bundled catalog; every failure is a one-line input error. */
public final class ScenarioFileLoader {
    private ScenarioFileLoader() {
    }

    /** Accelerator names resolved through the user's catalog, plus "this-machine" (the latest profile run). */
    public static ScenarioResolver lookupResolver(AcceleratorLookup lookup) {
        List<String> known = new ArrayList<>(lookup.catalog().entries().stream().map(CatalogEntry::id).toList());
        known.add(AcceleratorLookup.THIS_MACHINE);
        return new ScenarioResolver(AcceleratorResolver.of(lookup::find, known));
    }

    public static ScenarioResolver bundledResolver() {
        return new ScenarioResolver(AcceleratorCatalog.bundled().resolver());
    }

    /** Reads, validates and resolves a scenario file. */
    public static ResolvedScenario load(Path file, ScenarioResolver resolver) {
        Scenario scenario = read(file);
        try {
            return resolver.resolve(scenario);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file.getFileName() + ": " + e.field(), e.reason());
        }
    }

    /** Reads, resolves and evaluates a scenario file; any input error names the file. */
    public static ScenarioResult evaluate(Path file, ScenarioResolver resolver, ScenarioEvaluator evaluator) {
        ResolvedScenario resolved = load(file, resolver);
        try {
            return evaluator.evaluate(resolved);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file.getFileName() + ": " + e.field(), e.reason());
        }
    }

    /**
     * The plain scenario one route stands for (its share of the requests on its deployment), resolved; the rest of
     * the scenario is left out. An unknown route name is an error naming {@code option}.
     */
    public static ResolvedScenario loadRoute(Path file, Scenario scenario, String route, String option, ScenarioResolver resolver) {
        int index = RouteScenarios.indexOf(scenario, route, option);
        try {
            return resolver.resolve(RouteScenarios.route(scenario, index));
        } catch (InvalidInputException e) {
            String field = e.field().startsWith("deployment") || e.field().startsWith("cost") ? "routes[" + index + "]." + e.field() : e.field();
            throw new InvalidInputException(file.getFileName() + ": " + field, e.reason());
        }
    }

    /** Evaluates a scenario's routes; any input error names the file and the route's field. */
    public static RoutedResult evaluateRoutes(Path file, Scenario scenario, ScenarioResolver resolver, ScenarioEvaluator evaluator) {
        try {
            return new RoutedEvaluator(resolver, evaluator).evaluate(scenario);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file.getFileName() + ": " + e.field(), e.reason());
        }
    }

    /** Reads and validates a scenario file; the error names the file and the field. */
    public static Scenario read(Path file) {
        String json = readText(file);
        try {
            return ScenarioJson.read(json);
        } catch (InvalidInputException e) {
            // A problem with the whole file ("scenario") is named by the file alone.
            boolean wholeFile = e.field().isEmpty() || e.field().equals("scenario");
            String where = wholeFile ? file.getFileName().toString() : file.getFileName() + ": " + e.field();
            throw new InvalidInputException(where, e.reason());
        }
    }

    /** A scenario file's text, or a one-line error naming the file. */
    public static String readText(Path file) {
        try {
            return BoundedText.read(file, BoundedText.DOCUMENT_MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(file.toString(), "cannot be read (permission denied)");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file.toString(), "is not a text (UTF-8) file");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), Files.isDirectory(file) ? "is a folder, not a scenario file"
                    : "cannot be read (" + e.getMessage() + ")");
        }
    }
}
