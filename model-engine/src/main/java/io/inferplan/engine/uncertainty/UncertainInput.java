package io.inferplan.engine.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.scenario.Distribution;
import io.inferplan.engine.scenario.DocumentPaths;
import java.util.List;

/**
 * One input a draw moves: a number of the document (or several that stand for one thing, such as a token length's
 * mean and p90) and its distribution.
 *
 * @param name         what it is, in words ("GPU price"); declared inputs are named by their path
 * @param paths        the numbers it moves ({@link DocumentPaths}); empty for the engine's own throughput error
 * @param distribution the drawn number: the value itself ({@link Effect#VALUE}) or a factor on the document's numbers
 * @param effect       how a draw reaches the scenario
 * @param source       where the distribution comes from: "scenario file" or the reason for a default
 */
public record UncertainInput(String name, List<String> paths, Distribution distribution, Effect effect, String source) {
    /** How a drawn number reaches the scenario. */
    public enum Effect {
        /** The draw is the number at the paths. */
        VALUE,
        /** The draw multiplies every number at the paths. */
        FACTOR,
        /** The draw multiplies the replica's throughput from the performance model (and divides its latencies). */
        THROUGHPUT
    }

    public UncertainInput {
        paths = List.copyOf(paths);
    }

    /** Puts {@code draw} into the document. */
    void apply(JsonNode document, double draw) {
        for (String path : paths) {
            switch (effect) {
                case VALUE -> DocumentPaths.set(document, path, draw);
                case FACTOR -> DocumentPaths.scale(document, path, draw);
                case THROUGHPUT -> {
                }
            }
        }
    }

    /** Whether moving it changes the deployment (so the scenario's names must be resolved again). */
    boolean movesDeployment() {
        return paths.stream().anyMatch(p -> (p.startsWith("deployment.") && !p.equals("deployment.plannedUtilization")
                && !p.equals("deployment.minReplicas")) || p.startsWith("projection.newGeneration.")
                && !p.startsWith("projection.newGeneration.cost."));
    }
}
