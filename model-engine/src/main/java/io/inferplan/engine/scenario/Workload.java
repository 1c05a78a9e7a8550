package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.RequestTokens;
import io.inferplan.engine.perf.RequestShape;
import io.inferplan.engine.perf.ServingTarget;

/**
 * The traffic to serve. A request is one model call; {@link TaskShape} says how calls make up a user's task.
 *
 * <p>Demand: either {@code averageRequestsPerSecond} or {@code tokensPerDay} (all tokens of all requests: input,
 * output and reasoning); and either {@code peakRequestsPerSecond} or {@code peakToAverageRatio}. The fleet is sized
 * for the peak; cost per token is paid at the average.
 *
 * @param inputTokens         prompt tokens of a request (of the first call of a task when the context grows)
 * @param outputTokens        visible output tokens of a request
 * @param reasoningTokens     hidden reasoning tokens of a request (optional; generated and usually billed as output)
 * @param promptCacheHitRate  share of input tokens served from the prompt cache (optional, 0-1)
 * @param task                how calls group into tasks (optional: one call per task)
 * @param latency             TTFT and TPOT targets the fleet must meet (optional: none, i.e. batch throughput)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workload(Double averageRequestsPerSecond, Double peakRequestsPerSecond, Double tokensPerDay,
                       Double peakToAverageRatio, TokenDistribution inputTokens, TokenDistribution outputTokens,
                       TokenDistribution reasoningTokens, Double promptCacheHitRate, TaskShape task,
                       ServingTarget.LatencyTargets latency) {

    private static final double MAX_RATE = 1e9;

    public Workload {
        present("inputTokens", inputTokens);
        present("outputTokens", outputTokens);
        reasoningTokens = reasoningTokens == null ? TokenDistribution.ofMean(0) : reasoningTokens;
        promptCacheHitRate = inRange("promptCacheHitRate", promptCacheHitRate == null ? 0.0 : promptCacheHitRate, 0, 1);
        task = task == null ? TaskShape.single() : task;
        // A request has at least one token in and one out; a mean below one token is a typo, not a workload (1e-11
        // output tokens made every latency figure trillions of milliseconds).
        if (inputTokens.meanTokens() < 1) {
            throw new InvalidInputException("inputTokens.mean", "must be at least 1 token, was " + inputTokens.meanTokens());
        }
        if (outputTokens.meanTokens() + reasoningTokens.meanTokens() < 1) {
            throw new InvalidInputException("outputTokens.mean", "must be at least 1 token (with reasoningTokens), was "
                    + (outputTokens.meanTokens() + reasoningTokens.meanTokens()));
        }
        double meanInput = inputTokens.meanTokens() + task.meanAddedContextTokens();
        if (meanInput > TokenDistribution.MAX_TOKENS) {
            throw new InvalidInputException("task.contextGrowthTokensPerRequest", String.format(java.util.Locale.ROOT,
                    "makes the mean call %,.0f input tokens long (the first call's %,.0f plus half of what %d calls add), "
                            + "more than the %,.0f a request may have", meanInput, inputTokens.meanTokens(), task.requestsPerTask(),
                    TokenDistribution.MAX_TOKENS));
        }
        if ((averageRequestsPerSecond == null) == (tokensPerDay == null)) {
            throw new InvalidInputException(averageRequestsPerSecond == null ? "averageRequestsPerSecond" : "tokensPerDay",
                    "give the demand as either averageRequestsPerSecond or tokensPerDay (exactly one of them)");
        }
        if (averageRequestsPerSecond != null) {
            positive("averageRequestsPerSecond", averageRequestsPerSecond, MAX_RATE);
        } else {
            positive("tokensPerDay", tokensPerDay, 1e18);
        }
        if ((peakRequestsPerSecond == null) == (peakToAverageRatio == null)) {
            throw new InvalidInputException(peakRequestsPerSecond == null ? "peakRequestsPerSecond" : "peakToAverageRatio",
                    "give the peak as either peakRequestsPerSecond or peakToAverageRatio (exactly one; a ratio of 1 is a flat load)");
        }
        if (peakToAverageRatio != null) {
            inRange("peakToAverageRatio", peakToAverageRatio, 1, 100);
        } else {
            positive("peakRequestsPerSecond", peakRequestsPerSecond, MAX_RATE);
        }
        // The check needs the resolved average, which depends on the token figures validated above.
        double average = averageRequestsPerSecond != null ? averageRequestsPerSecond
                : tokensPerDay / 86_400 / totalTokensPerRequest(inputTokens, outputTokens, reasoningTokens, task);
        if (peakRequestsPerSecond != null && peakRequestsPerSecond < average * (1 - 1e-9)) {
            throw new InvalidInputException("peakRequestsPerSecond", "must be at least the average ("
                    + Math.round(average * 1000) / 1000.0 + " requests per second), was " + peakRequestsPerSecond);
        }
    }

    /** Average requests per second, given directly or derived from tokens per day. */
    public double averageRps() {
        return averageRequestsPerSecond != null ? averageRequestsPerSecond
                : tokensPerDay / 86_400 / totalTokensPerRequest(inputTokens, outputTokens, reasoningTokens, task);
    }

    /** Peak requests per second, given directly or as the average times the ratio. */
    public double peakRps() {
        return peakRequestsPerSecond != null ? peakRequestsPerSecond : averageRps() * peakToAverageRatio;
    }

    /** Input tokens of the mean call: the first call's plus half the context a task accumulates. */
    public double meanInputTokensPerRequest() {
        return inputTokens.meanTokens() + task.meanAddedContextTokens();
    }

    /** The mean request split into uncached and cached input, visible output and reasoning. */
    public RequestTokens requestTokens() {
        double input = meanInputTokensPerRequest();
        return new RequestTokens(input * (1 - promptCacheHitRate), input * promptCacheHitRate, outputTokens.meanTokens(),
                reasoningTokens.meanTokens());
    }

    /** The request as the performance model sees it (reasoning counted as generated output). */
    public static RequestShape shapeOf(RequestTokens tokens) {
        return new RequestShape(tokens.inputTokens(), tokens.generatedTokens(), tokens.cacheHitRate());
    }

    /** What the fleet is sized for: the latency targets, or highest throughput when there are none. */
    public ServingTarget servingTarget() {
        return latency == null ? new ServingTarget.Offline() : latency;
    }

    private static double totalTokensPerRequest(TokenDistribution input, TokenDistribution output,
                                                TokenDistribution reasoning, TaskShape task) {
        return input.meanTokens() + task.meanAddedContextTokens() + output.meanTokens() + reasoning.meanTokens();
    }
}
