package io.inferplan.engine.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.engine.scenario.Distribution;
import io.inferplan.engine.scenario.DocumentPaths;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.engine.uncertainty.UncertainInput.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * The uncertainty a scenario has without anyone writing it down: the inputs planners get wrong most often, each
 * spread around the scenario's own value (which stays the most likely one). docs/uncertainty.md gives the reasons.
 * A number the file gives its own distribution keeps that one.
 */
final class StandardInputs {
    private static final String TOKENS = "token lengths per request miss by a factor in both directions more often than by a share";

    private StandardInputs() {
    }

    /**
     * @param document the scenario with every number a value (and a {@code projection} object)
     * @param base     the scenario evaluated as written (for the performance model's error band)
     */
    static List<UncertainInput> of(JsonNode document, ScenarioResult base) {
        List<UncertainInput> inputs = new ArrayList<>();
        double growth = number(document, "projection.demandGrowthPerMonth", 0);
        inputs.add(value("Demand growth", "projection.demandGrowthPerMonth", new Distribution.Triangular(
                Math.max(-0.5, growth - 0.02), growth, Math.min(2, growth + 0.02)),
                "the scenario's growth, 2 points a month lower or higher"));
        double priceDecline = number(document, "projection.priceDeclinePerYear", 0);
        inputs.add(value("Price decline", "projection.priceDeclinePerYear", new Distribution.Triangular(
                Math.max(-1, priceDecline - 0.1), priceDecline, Math.min(0.99, priceDecline + 0.2)),
                "token prices have fallen faster than planned more often than slower: 10 points slower to 20 faster a year"));
        double hardwareDecline = number(document, "projection.hardwareCostDeclinePerYear", 0);
        inputs.add(value("Hardware cost decline", "projection.hardwareCostDeclinePerYear", new Distribution.Triangular(
                Math.max(-1, hardwareDecline - 0.1), hardwareDecline, Math.min(0.99, hardwareDecline + 0.1)),
                "the scenario's decline, 10 points a year lower or higher"));
        double utilisation = number(document, "deployment.plannedUtilization", 0.8);
        inputs.add(value("Utilisation", "deployment.plannedUtilization", new Distribution.Triangular(
                Math.max(0.05, utilisation - 0.15), utilisation, Math.min(1, utilisation + 0.05)),
                "bursts and autoscaling lag take more of the planned headroom more often than they leave spare"));
        double hitRate = number(document, "workload.promptCacheHitRate", 0);
        if (hitRate > 0) {
            inputs.add(value("Prompt cache hit rate", "workload.promptCacheHitRate", new Distribution.Triangular(
                    Math.max(0, hitRate - 0.15), hitRate, Math.min(1, hitRate + 0.1)),
                    "hit rates measured on a prototype fall as traffic grows more diverse: 15 points lower to 10 higher"));
        }
        inputs.add(tokens("Input tokens", "workload.inputTokens", new Distribution.LogNormal(0.8, 1.25, null, null)));
        inputs.add(tokens("Output tokens", "workload.outputTokens", new Distribution.LogNormal(0.8, 1.25, null, null)));
        if (number(document, "workload.reasoningTokens.mean", 0) > 0 || !DocumentPaths.numbers(document,
                "workload.reasoningTokens.histogram[*].tokens").isEmpty()) {
            inputs.add(tokens("Reasoning tokens", "workload.reasoningTokens", new Distribution.LogNormal(0.7, 1.4, null, null)));
        }
        inputs.add(new UncertainInput("GPU price", List.of("cost.usdPerGpuHour", "cost.priceUsdPerGpu", "cost.serverShareUsdPerGpu",
                "projection.newGeneration.cost.usdPerGpuHour", "projection.newGeneration.cost.priceUsdPerGpu",
                "projection.newGeneration.cost.serverShareUsdPerGpu"),
                new Distribution.Triangular(0.85, 1, 1.2), Effect.FACTOR,
                "quotes move with supply: 15% below to 20% above the scenario's rent or purchase price"));
        double errorPercent = base.replica().expectedErrorPercent();
        if (errorPercent > 0) {
            double e = errorPercent / 100;
            inputs.add(new UncertainInput("Performance model error", List.of(),
                    new Distribution.LogNormal(1 / (1 + e), 1 + e, null, null), Effect.THROUGHPUT,
                    "the engine's own error band, " + Math.round(errorPercent) + "% (the 80th percentile of its residuals "
                            + "on published measurements), as the throughput's p10 and p90"));
        }
        return inputs;
    }

    private static UncertainInput value(String name, String path, Distribution distribution, String source) {
        return new UncertainInput(name, List.of(path), distribution, Effect.VALUE, source);
    }

    private static UncertainInput tokens(String name, String path, Distribution factor) {
        return new UncertainInput(name, List.of(path + ".mean", path + ".p90", path + ".histogram[*].tokens"), factor,
                Effect.FACTOR, TOKENS + "; a factor on the mean and p90, or on every histogram bin");
    }

    private static double number(JsonNode document, String path, double absent) {
        return DocumentPaths.first(document, path).orElse(absent);
    }
}
