package io.inferplan.app.evaluation;

import io.inferplan.analysis.ScenarioAnalyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.engine.JsonSupport;

/**
 * The first edit after start is the slowest: the evaluation's code runs cold (the launchers' JVM compiles with C1
 * only, for start-up). Once the first scenario is fully evaluated and the workers are idle, a few first phases of
 * near copies of it (a token or two more output, so the estimate cache cannot answer) run on the background
 * workers (stopping at the next request) and are thrown away, so that the user's first edit finds the code compiled.
 */
public final class EvaluationWarmUp {
    static final int EVALUATIONS = 6;

    private EvaluationWarmUp() {
    }

    /** Evaluates near copies of {@code json} and discards them; never throws (a warm-up must not disturb anything). */
    public static void run(ScenarioAnalyzer analyzer, String json, java.util.function.BooleanSupplier stop) {
        try {
            JsonNode document = JsonSupport.mapper().readTree(json);
            JsonNode mean = document.at("/workload/outputTokens/mean");
            if (!mean.isNumber() || !(document.get("workload").get("outputTokens") instanceof ObjectNode output)) {
                return;
            }
            for (int i = 1; i <= EVALUATIONS && !stop.getAsBoolean(); i++) {
                output.put("mean", mean.asDouble() + i);
                analyzer.analyze(document.toString());
            }
        } catch (RuntimeException | java.io.IOException e) {
            // Nothing to warm with this document: the first edit is then only slower, never wrong.
        }
    }
}
