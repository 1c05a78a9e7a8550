package io.inferplan.engine.scenario;

import io.inferplan.engine.economics.BreakEven;
import io.inferplan.engine.economics.Capacity;
import io.inferplan.engine.economics.GpuHourCost;
import io.inferplan.engine.economics.MonthlyTotals;
import io.inferplan.engine.economics.ProjectionResult;
import io.inferplan.engine.economics.TierEconomics;
import io.inferplan.engine.economics.TokenCosts;
import io.inferplan.engine.perf.Bottleneck;
import java.util.List;

/**
 * Everything a scenario evaluates to. Money in US dollars; "per month" is 730 hours. Serialised as JSON for
 * {@code inferplan evaluate --json}.
 *
 * @param request      the mean request and task the numbers are for
 * @param replica      one replica's operating point from the performance model
 * @param capacity     the fleet for the peak
 * @param gpuHourCost  one GPU-hour, broken down
 * @param tokenCosts   serving cost per million input, cached input and output tokens, and blended
 * @param tiers        revenue, cost and margin per pricing tier
 * @param totals       the whole service per month
 * @param breakEven    break-even volume, month and payback
 * @param projection   the month-by-month series
 * @param notes        caveats a reader should see beside the numbers
 */
public record ScenarioResult(String scenarioName, String description, String engineVersion, String model,
                             String accelerator, RequestSummary request, ReplicaSummary replica, Capacity capacity,
                             GpuHourCost gpuHourCost, TokenCosts tokenCosts, List<TierEconomics> tiers,
                             MonthlyTotals totals, BreakEven breakEven, ProjectionResult projection, List<String> notes) {

    public ScenarioResult {
        tiers = List.copyOf(tiers);
        notes = List.copyOf(notes);
    }

    /**
     * The mean request and task.
     *
     * @param inputTokens        mean input tokens per request (context growth included)
     * @param cachedInputTokens  of which served from the prompt cache
     * @param tokensPerRequest   input + output + reasoning
     * @param tokensPerTask      tokens of all calls of one task
     */
    public record RequestSummary(double inputTokens, double cachedInputTokens, double outputTokens, double reasoningTokens,
                                 double tokensPerRequest, double p90InputTokens, double p90OutputTokens,
                                 int requestsPerTask, double tokensPerTask, double costPerTaskUsd) {
    }

    /**
     * One replica at its operating point.
     *
     * @param limitedBy              what limits it, in words ({@link Bottleneck#description()}; empty when unknown)
     * @param bottleneck             what limits it, as a value to switch on (null when unknown)
     * @param expectedErrorPercent   how far the performance figures may be off (from published measurements)
     */
    public record ReplicaSummary(int batch, double requestsPerSecond, double outputTokensPerSecond,
                                 double outputTokensPerSecondPerGpu, double timeToFirstTokenSeconds,
                                 double timePerOutputTokenSeconds, double prefillTimeShare, String limitedBy,
                                 Bottleneck bottleneck, double expectedErrorPercent, String errorBand) {
    }
}
