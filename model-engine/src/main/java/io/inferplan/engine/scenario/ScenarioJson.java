package io.inferplan.engine.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.io.UncheckedIOException;

/**
 * Scenario files: strict reading (unknown or misspelt fields, wrong types, out-of-range values are errors naming
 * the field path, e.g. {@code workload.peakRequestsPerSecond}) and writing. A scenario that reads is complete and
 * valid; names of models and accelerators are checked when it is resolved.
 */
public final class ScenarioJson {
    private ScenarioJson() {
    }

    /** @throws InvalidInputException naming the field path and what is allowed */
    public static Scenario read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("scenario", "the file is empty");
        }
        if (!UncertainNumbers.mayHave(json)) {
            return JsonSupport.read(json, Scenario.class, "");
        }
        return JsonSupport.read(pointDocument(json).toString(), Scenario.class, "");
    }

    /**
     * The document as a tree with every distribution replaced by its value (the numbers a plain evaluation uses).
     *
     * @throws InvalidInputException when the text is not JSON or a distribution is malformed
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode pointDocument(String json) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = tree(json);
        UncertainNumbers.extract(tree);
        return tree;
    }

    /** The document as a tree, exactly as written (distributions included). */
    public static com.fasterxml.jackson.databind.node.ObjectNode tree(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException("scenario", "the file is empty");
        }
        try {
            if (JsonSupport.mapper().readTree(json) instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                return object;
            }
            throw new InvalidInputException("scenario", "must be a JSON object { ... }");
        } catch (JsonProcessingException e) {
            throw JsonSupport.translate(e, "");
        }
    }

    /** Reads a scenario from a tree without distributions (as {@link #pointDocument} gives, or a copy moved by path). */
    public static Scenario read(com.fasterxml.jackson.databind.JsonNode document) {
        try {
            Scenario scenario = JsonSupport.mapper().treeToValue(document, Scenario.class);
            if (scenario == null) {
                throw new InvalidInputException("scenario", "must be a JSON object { ... }");
            }
            return scenario;
        } catch (JsonProcessingException e) {
            throw JsonSupport.translate(e, "");
        }
    }

    public static String write(Scenario scenario) {
        return toJson(scenario);
    }

    /** The full result as indented JSON (what {@code inferplan evaluate --json} prints). */
    public static String write(ScenarioResult result) {
        return toJson(result);
    }

    private static String toJson(Object value) {
        try {
            return JsonSupport.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
