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
        return JsonSupport.read(json, Scenario.class, "");
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
