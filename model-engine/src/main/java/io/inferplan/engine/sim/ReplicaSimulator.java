package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import java.util.Locale;

/**
 * Discrete-event simulation of one replica's continuous batching, one event per engine step (not per token per
 * request). Each step the scheduler picks decode sequences and prompt chunks under the policy's sequence and token
 * budgets, KV blocks are allocated as tokens arrive (or reserved at admission), a sequence that finds no free block
 * preempts the most recently admitted one (recompute: it re-prefills its prompt and generated tokens later), and the
 * step lasts what the {@link StepTimeSource} says. A prompt's last chunk emits the first token; each decode step
 * emits {@code tokensPerStep} tokens on average (speculative decoding).
 *
 * <p>Requests and running sequences live in primitive arrays; the step loop allocates nothing except when the
 * occupancy time series doubles its arrays. Deterministic: the same requests give the same result.
 */
public final class ReplicaSimulator {
    final StepTimeSource steps;
    final SchedulerPolicy policy;
    final int kvBlocks;
    final double tokensPerStep;
    /** Host blocks for swapped KV (0: recompute only) and seconds to copy one block across the host link. */
    final int swapBlocks;
    final double swapSecondsPerBlock;
    /** Pure-decode steps run together (ReplicaRun.fastForward); false only to check that it changes nothing. */
    boolean fastForward = true;

    /**
     * @param kvCapacityTokens tokens the replica's KV cache holds (whole blocks of the policy's size are used)
     * @param tokensPerStep    mean tokens one decode step emits per sequence (1 without speculative decoding)
     */
    public ReplicaSimulator(StepTimeSource steps, SchedulerPolicy policy, double kvCapacityTokens, double tokensPerStep) {
        this(steps, policy, kvCapacityTokens, tokensPerStep, 0, 0);
    }

    /**
     * @param swapSpaceBlocks      KV blocks the host's swap space holds (with {@link SchedulerPolicy.Preemption#SWAP})
     * @param swapSecondsPerBlock  seconds to copy one block between device and host, one direction (bytes per block per
     *                             GPU / the host link's bytes per second; the GPUs of a replica copy their shards at once)
     */
    public ReplicaSimulator(StepTimeSource steps, SchedulerPolicy policy, double kvCapacityTokens, double tokensPerStep,
                            long swapSpaceBlocks, double swapSecondsPerBlock) {
        inRange("swapSpaceBlocks", swapSpaceBlocks, 0L, Long.MAX_VALUE);
        inRange("swapSecondsPerBlock", swapSecondsPerBlock, 0.0, 1.0);
        this.swapBlocks = policy != null && policy.preemption() == SchedulerPolicy.Preemption.SWAP
                ? (int) Math.min(Integer.MAX_VALUE / 2, swapSpaceBlocks) : 0;
        this.swapSecondsPerBlock = swapSecondsPerBlock;
        this.steps = present("steps", steps);
        this.policy = present("scheduler", policy);
        positive("kvCapacityTokens", kvCapacityTokens, 1e12);
        this.kvBlocks = (int) Math.min(Integer.MAX_VALUE / 2, Math.floor(kvCapacityTokens / policy.kvBlockTokens()));
        this.tokensPerStep = inRange("tokensPerStep", tokensPerStep, 1.0, 17.0);
        if (kvBlocks < 1) {
            throw new InvalidInputException("kvCapacityTokens", "the KV cache holds less than one block of " + policy.kvBlockTokens() + " tokens");
        }
    }

    public SchedulerPolicy policy() {
        return policy;
    }

    public int kvBlocks() {
        return kvBlocks;
    }

    /** Runs every request to completion; samples occupancy every {@code sampleIntervalSeconds} of simulated time. */
    public SimulationRun run(RequestSet requests, double sampleIntervalSeconds) {
        return run(requests, sampleIntervalSeconds, () -> false);
    }

    /**
     * @param cancelled polled every few thousand steps; when true the run stops with a
     *                  {@link java.util.concurrent.CancellationException}
     */
    public SimulationRun run(RequestSet requests, double sampleIntervalSeconds, java.util.function.BooleanSupplier cancelled) {
        positive("sampleIntervalSeconds", sampleIntervalSeconds, 1e6);
        present("cancelled", cancelled);
        check(requests);
        return new ReplicaRun(this, requests, sampleIntervalSeconds).simulate(cancelled);
    }

    /** How a fleet's router picks the replica for each arrival. */
    public enum Router {
        /** In turn, whatever their load. */
        ROUND_ROBIN,
        /** The replica with the fewest prompt and output tokens still to compute (ties: the lowest index). */
        LEAST_OUTSTANDING_TOKENS,
        /**
         * Requests with a shared-prefix id always to the same replica (a hash of the id), so that each prefix is
         * computed and cached once rather than on every replica; requests without one by least outstanding tokens.
         */
        PREFIX_AFFINITY
    }

    /**
     * {@code replicas} identical replicas behind a router, simulated together in time order: each arrival is routed
     * when it arrives, seeing every replica's state at that moment. Occupancy is sampled for the fleet (sequences and
     * waiting requests summed, KV share averaged). Open arrivals only.
     */
    public SimulationRun runFleet(RequestSet requests, int replicas, Router router, double sampleIntervalSeconds) {
        inRange("replicas", replicas, 1, 10_000);
        present("router", router);
        positive("sampleIntervalSeconds", sampleIntervalSeconds, 1e6);
        if (requests.closedLoopUsers() > 0) {
            throw new InvalidInputException("arrival", "a closed loop runs on one replica; use an arrival rate for a fleet");
        }
        check(requests);
        ReplicaRun[] runs = new ReplicaRun[replicas];
        runs[0] = new ReplicaRun(this, requests, sampleIntervalSeconds);
        for (int i = 1; i < replicas; i++) {
            runs[i] = new ReplicaRun(runs[0]);
        }
        double[] arrival = runs[0].arrival;
        int n = requests.size();
        int next = 0;
        int turn = 0;
        FleetSamples samples = new FleetSamples(sampleIntervalSeconds, kvBlocks);
        while (true) {
            int earliest = -1;
            double busyAt = Double.POSITIVE_INFINITY;
            int completed = 0;
            for (int i = 0; i < replicas; i++) {
                completed += runs[i].completed;
                if (runs[i].busy() && runs[i].now < busyAt) {
                    busyAt = runs[i].now;
                    earliest = i;
                }
            }
            if (completed == n) {
                break;
            }
            double arrivesAt = next < n ? arrival[next] : Double.POSITIVE_INFINITY;
            samples.record(Math.min(arrivesAt, busyAt), runs);
            if (arrivesAt <= busyAt) {
                int prefix = requests.prefixIds() == null ? -1 : requests.prefixIds()[next];
                int target = router == Router.ROUND_ROBIN ? turn++ % replicas
                        : router == Router.PREFIX_AFFINITY && prefix >= 0 ? Math.floorMod(mix(prefix), replicas)
                        : leastOutstanding(runs);
                ReplicaRun run = runs[target];
                if (!run.busy()) {
                    run.now = Math.max(run.now, arrivesAt);
                }
                run.enqueue(next++);
            } else {
                runs[earliest].step();
            }
        }
        long steps = 0;
        long preemptions = 0;
        long hits = 0;
        long evictions = 0;
        long swapOuts = 0;
        double swapSeconds = 0;
        long prefill = 0;
        double end = 0;
        for (ReplicaRun run : runs) {
            steps += run.stepCount;
            preemptions += run.preemptions;
            hits += run.prefixHits;
            evictions += run.prefixEvictions;
            swapOuts += run.swapOuts;
            swapSeconds += run.swapSeconds;
            prefill += run.prefillComputed;
            end = Math.max(end, run.now);
        }
        samples.record(end, runs);
        ReplicaRun first = runs[0];
        return new SimulationRun(new RequestSet(arrival, first.input, first.output, first.cached, 0, requests.prefixIds(),
                requests.prefixTokens()), first.firstScheduled, first.firstToken, first.finish, first.preemptedCount, steps,
                preemptions, hits, evictions, swapOuts, swapSeconds, prefill, kvBlocks * replicas, policy, end,
                samples.times(), samples.kvShares(), samples.running(), samples.waiting(), samples.preemptions());
    }

    /** Spreads consecutive ids over the replicas (a multiplicative hash), so no replica gets a run of them. */
    private static int mix(int id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int leastOutstanding(ReplicaRun[] runs) {
        int best = 0;
        for (int i = 1; i < runs.length; i++) {
            if (runs[i].outstandingTokens < runs[best].outstandingTokens) {
                best = i;
            }
        }
        return best;
    }

    private void check(RequestSet requests) {
        int[] in = requests.inputTokens();
        int[] out = requests.outputTokens();
        double[] arrival = requests.arrivalSeconds();
        double previous = 0;
        for (int i = 0; i < requests.size(); i++) {
            if (requests.closedLoopUsers() == 0) {
                if (!(arrival[i] >= previous)) {
                    throw new InvalidInputException("request " + (i + 1) + " arrival", arrival[i] < 0 || Double.isNaN(arrival[i])
                            ? "must be a time from 0 on, was " + arrival[i] : "requests must be in arrival order: " + arrival[i]
                            + " comes after " + previous);
                }
                previous = arrival[i];
            }
            if (in[i] < 1 || out[i] < 1) {
                throw new InvalidInputException("request " + (i + 1), "must have at least one input and one output token");
            }
            if (!policy.chunkedPrefill() && in[i] - requests.cachedInputTokens()[i] > policy.maxTokensPerStep()) {
                throw new InvalidInputException("request " + (i + 1) + " input_tokens", String.format(Locale.ROOT,
                        "%d prompt tokens do not fit in one step of %s without chunked prefill (at most %d tokens)",
                        in[i], policy.name(), policy.maxTokensPerStep()));
            }
            long blocks = blocksFor((long) in[i] + out[i]);
            if (blocks > kvBlocks) {
                throw new InvalidInputException("request " + (i + 1), String.format(Locale.ROOT,
                        "%d + %d tokens need %d KV blocks of %d tokens; the replica holds %d", in[i], out[i], blocks,
                        policy.kvBlockTokens(), kvBlocks));
            }
        }
    }

    private long blocksFor(long tokens) {
        return (tokens + policy.kvBlockTokens() - 1) / policy.kvBlockTokens();
    }
}
