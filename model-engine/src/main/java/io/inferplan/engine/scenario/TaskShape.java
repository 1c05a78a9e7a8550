package io.inferplan.engine.scenario;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.nonNegative;

/**
 * How model calls group into one user task: a RAG answer with 2-3 calls, an agent with 30 steps whose context
 * grows by each step's output and tool results.
 *
 * @param requestsPerTask                model calls per task (default 1)
 * @param contextGrowthTokensPerRequest  input tokens each call adds to the next one's prompt (default 0). The
 *                                       workload's input tokens describe the first call; call i has
 *                                       first + (i - 1) x growth, so the mean call has first + growth x (n - 1) / 2.
 */
public record TaskShape(Integer requestsPerTask, Double contextGrowthTokensPerRequest) {
    public TaskShape {
        requestsPerTask = inRange("requestsPerTask", requestsPerTask == null ? 1 : requestsPerTask, 1, 10_000);
        contextGrowthTokensPerRequest = nonNegative("contextGrowthTokensPerRequest",
                contextGrowthTokensPerRequest == null ? 0.0 : contextGrowthTokensPerRequest, TokenDistribution.MAX_TOKENS);
    }

    public static TaskShape single() {
        return new TaskShape(1, 0.0);
    }

    /** Extra input tokens of the mean call over the first call. */
    public double meanAddedContextTokens() {
        return contextGrowthTokensPerRequest * (requestsPerTask - 1) / 2.0;
    }
}
