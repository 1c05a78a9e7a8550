package io.inferplan.engine.sim;

import java.util.Locale;

/**
 * What a run means for the requests measured (those arriving after the warm-up): latency distributions,
 * throughput, goodput under the targets, KV occupancy and preemptions, and whether the replica kept up.
 *
 * <p>An overloaded run (the waiting queue grows through the measured window, or far fewer requests complete per
 * second than arrive) has no steady state: its percentiles describe only how long this run happened to be, so
 * {@link #overloaded()} must be checked before reading them as a tail latency.
 *
 * @param offeredRequestsPerSecond   measured requests over their arrival span; NaN in a closed loop
 * @param achievedRequestsPerSecond  with no warm-up (a finite benchmark-like run): measured requests over the span from
 *                                   the first arrival to the last completion, as serving benchmarks count it; with a
 *                                   warm-up (an open run): requests completing per second while requests arrive
 * @param goodputRequestsPerSecond   the same for requests meeting the targets; NaN without targets
 * @param overloadReason             why the run counts as overloaded; empty when it does not
 */
public record SimulationSummary(int requestsMeasured, double warmupSeconds, double offeredRequestsPerSecond,
                                double achievedRequestsPerSecond, double outputTokensPerSecond, LatencyStats queue,
                                LatencyStats ttft, LatencyStats tpot, LatencyStats e2e, double goodputRequestsPerSecond,
                                double meanKvShare, double peakKvShare, long preemptions, double meanRunningSequences,
                                boolean overloaded, String overloadReason, long steps, double simulatedSeconds) {

    /** A run delivering under this share of the offered rate has not kept up. */
    static final double KEPT_UP_SHARE = 0.9;
    /** The waiting queue in the last quarter of the window may exceed the second quarter's by half, plus a few. */
    static final double QUEUE_GROWTH_RATIO = 1.5;
    static final double QUEUE_GROWTH_SLACK = 5;

    public static SimulationSummary of(SimulationRun run, double warmupSeconds, LatencyTargets targets) {
        RequestSet requests = run.requests();
        int n = requests.size();
        double[] arrival = requests.arrivalSeconds();
        double[] queue = new double[n];
        double[] ttft = new double[n];
        double[] tpot = new double[n];
        double[] e2e = new double[n];
        int measured = 0;
        int tpotCount = 0;
        int good = 0;
        long outputTokens = 0;
        double firstArrival = Double.POSITIVE_INFINITY;
        double lastArrival = Double.NEGATIVE_INFINITY;
        double lastFinish = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (arrival[i] < warmupSeconds) {
                continue;
            }
            queue[measured] = run.queueSeconds(i);
            ttft[measured] = run.ttftSeconds(i);
            e2e[measured] = run.e2eSeconds(i);
            double t = run.tpotSeconds(i);
            if (!Double.isNaN(t)) {
                tpot[tpotCount++] = t;
            }
            if (targets != null && targets.metBy(ttft[measured], t)) {
                good++;
            }
            measured++;
            outputTokens += requests.outputTokens()[i];
            firstArrival = Math.min(firstArrival, arrival[i]);
            lastArrival = Math.max(lastArrival, arrival[i]);
            lastFinish = Math.max(lastFinish, run.finishSeconds()[i]);
        }
        double span = lastFinish - firstArrival;
        double arrivalSpan = lastArrival - firstArrival;
        double offered = requests.closedLoopUsers() > 0 || measured < 2 || arrivalSpan <= 0 ? Double.NaN
                : (measured - 1) / arrivalSpan;
        double achieved = span > 0 ? measured / span : Double.NaN;
        double tokensPerSecond = span > 0 ? outputTokens / span : Double.NaN;
        double goodput = targets == null || span <= 0 ? Double.NaN : good / span;
        if (warmupSeconds > 0 && arrivalSpan > 0) {
            // An open run in steady state: count what completes while requests arrive, not the drain after the last
            // arrival (a long reply finishing minutes later would otherwise pass for a slow replica).
            long doneInWindow = 0;
            long tokensInWindow = 0;
            long goodInWindow = 0;
            for (int i = 0; i < n; i++) {
                double f = run.finishSeconds()[i];
                if (f >= firstArrival && f <= lastArrival) {
                    doneInWindow++;
                    tokensInWindow += requests.outputTokens()[i];
                    if (targets != null && arrival[i] >= warmupSeconds && targets.metBy(run.ttftSeconds(i), run.tpotSeconds(i))) {
                        goodInWindow++;
                    }
                }
            }
            achieved = doneInWindow / arrivalSpan;
            tokensPerSecond = tokensInWindow / arrivalSpan;
            goodput = targets == null ? Double.NaN : goodInWindow / arrivalSpan;
        }

        // Occupancy and queue trend over the measured window [warm-up, last arrival].
        double[] times = run.sampleSeconds();
        double kvSum = 0;
        double kvPeak = 0;
        double runningSum = 0;
        int inWindow = 0;
        double q2 = 0;
        double q4 = 0;
        int q2Count = 0;
        int q4Count = 0;
        double windowStart = Math.max(warmupSeconds, firstArrival);
        double windowLength = lastArrival - windowStart;
        for (int s = 0; s < times.length; s++) {
            if (times[s] < windowStart || times[s] > lastArrival) {
                continue;
            }
            kvSum += run.sampleKvShare()[s];
            kvPeak = Math.max(kvPeak, run.sampleKvShare()[s]);
            runningSum += run.sampleRunning()[s];
            inWindow++;
            double position = windowLength > 0 ? (times[s] - windowStart) / windowLength : 0;
            if (position >= 0.25 && position < 0.5) {
                q2 += run.sampleWaiting()[s];
                q2Count++;
            } else if (position >= 0.75) {
                q4 += run.sampleWaiting()[s];
                q4Count++;
            }
        }
        q2 = q2Count == 0 ? 0 : q2 / q2Count;
        q4 = q4Count == 0 ? 0 : q4 / q4Count;
        String reason = "";
        // What completes in the window arrived about one mean E2E earlier: compare with the arrivals of the window
        // shifted back by that lag, so that long replies in a short window do not pass for a replica falling behind.
        double keptUpAgainst = offered;
        if (warmupSeconds > 0 && !Double.isNaN(offered) && measured > 0) {
            double lag = 0;
            for (int i = 0; i < measured; i++) {
                lag += e2e[i] / measured;
            }
            double from = Math.max(arrival[0], windowStart - lag);
            double to = lastArrival - lag;
            if (to - from > 0.25 * (lastArrival - windowStart)) {
                int arrived = 0;
                for (int i = 0; i < n; i++) {
                    if (arrival[i] >= from && arrival[i] <= to) {
                        arrived++;
                    }
                }
                keptUpAgainst = arrived / (to - from);
            } else {
                reason = String.format(Locale.ROOT, "no steady state: a mean request takes %.0f s, longer than the measured window "
                        + "allows (simulate longer)", lag);
            }
        }
        if (!reason.isEmpty()) {
            // already decided
        } else if (!Double.isNaN(offered) && achieved < KEPT_UP_SHARE * keptUpAgainst) {
            reason = String.format(Locale.ROOT, "%.2f requests/s completed of %.2f offered", achieved, keptUpAgainst);
        } else if (!Double.isNaN(offered) && q2Count > 0 && q4Count > 0 && q4 > QUEUE_GROWTH_RATIO * q2 + QUEUE_GROWTH_SLACK) {
            reason = String.format(Locale.ROOT, "the waiting queue grew from %.0f to %.0f requests over the run", q2, q4);
        }
        long preemptionsMeasured = 0;
        for (int i = 0; i < n; i++) {
            if (arrival[i] >= warmupSeconds) {
                preemptionsMeasured += run.preemptionsPerRequest()[i];
            }
        }
        return new SimulationSummary(measured, warmupSeconds, offered, achieved, tokensPerSecond,
                LatencyStats.of(queue, measured), LatencyStats.of(ttft, measured), LatencyStats.of(tpot, tpotCount),
                LatencyStats.of(e2e, measured), goodput, inWindow == 0 ? 0 : kvSum / inWindow, kvPeak, preemptionsMeasured,
                inWindow == 0 ? 0 : runningSum / inWindow, !reason.isEmpty(), reason, run.steps(), run.endSeconds());
    }

    /**
     * The average of independent replications (the same configuration under different seeds): a short run such as a
     * 500-request benchmark point depends on its seed by several percent; averaging a few says what the
     * configuration does rather than what one draw did. Overloaded when most replications are.
     */
    public static SimulationSummary averageOf(java.util.List<SimulationSummary> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to average");
        }
        int n = runs.size();
        java.util.function.ToDoubleFunction<java.util.function.ToDoubleFunction<SimulationSummary>> mean =
                f -> runs.stream().mapToDouble(f).average().orElse(Double.NaN);
        long overloadedRuns = runs.stream().filter(SimulationSummary::overloaded).count();
        boolean overloaded = overloadedRuns * 2 > n;
        String reason = overloaded ? overloadedRuns + " of " + n + " replications overloaded ("
                + runs.stream().filter(SimulationSummary::overloaded).findFirst().orElseThrow().overloadReason() + ")" : "";
        SimulationSummary first = runs.getFirst();
        return new SimulationSummary((int) Math.round(mean.applyAsDouble(SimulationSummary::requestsMeasured)), first.warmupSeconds(),
                mean.applyAsDouble(SimulationSummary::offeredRequestsPerSecond), mean.applyAsDouble(SimulationSummary::achievedRequestsPerSecond),
                mean.applyAsDouble(SimulationSummary::outputTokensPerSecond), average(runs, SimulationSummary::queue),
                average(runs, SimulationSummary::ttft), average(runs, SimulationSummary::tpot), average(runs, SimulationSummary::e2e),
                mean.applyAsDouble(SimulationSummary::goodputRequestsPerSecond), mean.applyAsDouble(SimulationSummary::meanKvShare),
                runs.stream().mapToDouble(SimulationSummary::peakKvShare).max().orElse(0),
                runs.stream().mapToLong(SimulationSummary::preemptions).sum() / n, mean.applyAsDouble(SimulationSummary::meanRunningSequences),
                overloaded, reason, runs.stream().mapToLong(SimulationSummary::steps).sum() / n,
                mean.applyAsDouble(SimulationSummary::simulatedSeconds));
    }

    /**
     * Independent replications taken together: percentiles over all their measured requests (a p99 over four runs of
     * 4,000 is a p99 of 16,000 requests, not the mean of four noisier ones), the rest averaged as in
     * {@link #averageOf}; overloaded when most replications are.
     */
    public static SimulationSummary pooledOf(java.util.List<SimulationResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no runs to pool");
        }
        SimulationSummary mean = averageOf(results.stream().map(SimulationResult::summary).toList());
        int total = 0;
        for (SimulationResult r : results) {
            total += r.run().requests().size();
        }
        double[] queue = new double[total];
        double[] ttft = new double[total];
        double[] tpot = new double[total];
        double[] e2e = new double[total];
        int measured = 0;
        int tpotCount = 0;
        for (SimulationResult r : results) {
            SimulationRun run = r.run();
            double[] arrival = run.requests().arrivalSeconds();
            double warmup = r.summary().warmupSeconds();
            for (int i = 0; i < arrival.length; i++) {
                if (arrival[i] < warmup) {
                    continue;
                }
                queue[measured] = run.queueSeconds(i);
                ttft[measured] = run.ttftSeconds(i);
                e2e[measured] = run.e2eSeconds(i);
                measured++;
                double t = run.tpotSeconds(i);
                if (!Double.isNaN(t)) {
                    tpot[tpotCount++] = t;
                }
            }
        }
        return new SimulationSummary(measured, mean.warmupSeconds(), mean.offeredRequestsPerSecond(),
                mean.achievedRequestsPerSecond(), mean.outputTokensPerSecond(), LatencyStats.of(queue, measured),
                LatencyStats.of(ttft, measured), LatencyStats.of(tpot, tpotCount), LatencyStats.of(e2e, measured),
                mean.goodputRequestsPerSecond(), mean.meanKvShare(), mean.peakKvShare(), mean.preemptions(),
                mean.meanRunningSequences(), mean.overloaded(), mean.overloadReason(), mean.steps(), mean.simulatedSeconds());
    }

    private static LatencyStats average(java.util.List<SimulationSummary> runs, java.util.function.Function<SimulationSummary, LatencyStats> which) {
        java.util.List<LatencyStats> stats = runs.stream().map(which).filter(s -> s.count() > 0).toList();
        if (stats.isEmpty()) {
            return LatencyStats.EMPTY;
        }
        java.util.function.ToDoubleFunction<java.util.function.ToDoubleFunction<LatencyStats>> mean =
                f -> stats.stream().mapToDouble(f).average().orElse(Double.NaN);
        return new LatencyStats((int) Math.round(mean.applyAsDouble(LatencyStats::count)), mean.applyAsDouble(LatencyStats::meanSeconds),
                mean.applyAsDouble(LatencyStats::p50Seconds), mean.applyAsDouble(LatencyStats::p90Seconds),
                mean.applyAsDouble(LatencyStats::p99Seconds), mean.applyAsDouble(LatencyStats::p999Seconds),
                stats.stream().mapToDouble(LatencyStats::maxSeconds).max().orElse(Double.NaN));
    }
}
