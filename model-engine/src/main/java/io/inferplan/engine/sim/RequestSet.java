package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import java.util.SplittableRandom;

/**
 * The requests of one run in primitive arrays (index = request id, in arrival order), so the simulator's step loop
 * reads them without allocating. Arrival times of a closed loop are filled in by the simulator as replies complete.
 *
 * @param arrivalSeconds     arrival time of each request (sorted); NaN in a closed loop
 * @param inputTokens        prompt tokens
 * @param outputTokens       tokens to generate (at least 1)
 * @param cachedInputTokens  prompt tokens found in the prefix cache (not computed at prefill, always fewer than the prompt)
 * @param closedLoopUsers    users of a closed loop; 0 for an open process or a trace
 * @param prefixIds          shared-prefix id of each request, 0 and up (-1: none); null when the requests have none.
 *                           A request with an id finds its first {@code prefixTokens} prompt tokens in the replica's
 *                           prefix cache only if an earlier request with that id left them there (LRU eviction), and
 *                           its {@code cachedInputTokens} is not used
 * @param prefixTokens       length of each request's shared prefix (at most its prompt); null with no ids
 */
public record RequestSet(double[] arrivalSeconds, int[] inputTokens, int[] outputTokens, int[] cachedInputTokens,
                         int closedLoopUsers, int[] prefixIds, int[] prefixTokens) {
    public static final int MAX_REQUESTS = 50_000_000;
    /** Distinct prefix ids a run may have (the cache keeps per-id arrays). */
    public static final int MAX_PREFIXES = 10_000_000;

    public RequestSet {
        present("arrivalSeconds", arrivalSeconds);
        int n = arrivalSeconds.length;
        inRange("requests", n, 1, MAX_REQUESTS);
        if (inputTokens.length != n || outputTokens.length != n || cachedInputTokens.length != n) {
            throw new InvalidInputException("requests", "arrays of different lengths");
        }
        inRange("closedLoopUsers", closedLoopUsers, 0, 1_000_000);
        if ((prefixIds == null) != (prefixTokens == null)) {
            throw new InvalidInputException("prefix_id", "prefix ids and prefix lengths come together");
        }
        if (prefixIds != null) {
            if (prefixIds.length != n || prefixTokens.length != n) {
                throw new InvalidInputException("prefix_id", "arrays of different lengths");
            }
            for (int i = 0; i < n; i++) {
                if (prefixIds[i] < -1 || prefixIds[i] >= MAX_PREFIXES) {
                    inRange("request " + (i + 1) + " prefix_id", prefixIds[i], -1, MAX_PREFIXES - 1);
                }
                if (prefixTokens[i] < 0 || prefixTokens[i] > inputTokens[i]) {
                    inRange("request " + (i + 1) + " prefix_tokens", prefixTokens[i], 0, inputTokens[i]);
                }
            }
        }
    }

    /** Requests without shared-prefix ids. */
    public RequestSet(double[] arrivalSeconds, int[] inputTokens, int[] outputTokens, int[] cachedInputTokens, int closedLoopUsers) {
        this(arrivalSeconds, inputTokens, outputTokens, cachedInputTokens, closedLoopUsers, null, null);
    }

    /** One more than the largest prefix id (0 without ids). */
    public int prefixCount() {
        int max = -1;
        if (prefixIds != null) {
            for (int id : prefixIds) {
                max = Math.max(max, id);
            }
        }
        return max + 1;
    }

    /** The same requests with shared-prefix ids and lengths. */
    public RequestSet withPrefixes(int[] ids, int[] tokens) {
        return new RequestSet(arrivalSeconds, inputTokens, outputTokens, cachedInputTokens, closedLoopUsers, ids, tokens);
    }

    public int size() {
        return arrivalSeconds.length;
    }

    /** {@code count} requests from an arrival process and length distributions; the same seed gives the same requests. */
    public static RequestSet generate(ArrivalProcess arrivals, LengthDistribution input, LengthDistribution output, int count,
                                      double promptCacheHitRate, long seed) {
        inRange("num_requests", count, 1, MAX_REQUESTS);
        inRange("prompt_cache_hit_rate", promptCacheHitRate, 0.0, 1.0);
        SplittableRandom random = new SplittableRandom(seed);
        // Separate streams: changing the rate does not change the lengths, so rate sweeps compare like with like.
        SplittableRandom gaps = random.split();
        SplittableRandom lengths = random.split();
        double[] arrival = new double[count];
        int[] in = new int[count];
        int[] out = new int[count];
        int[] cached = new int[count];
        boolean closed = arrivals instanceof ArrivalProcess.ClosedLoop;
        double t = 0;
        for (int i = 0; i < count; i++) {
            if (closed) {
                arrival[i] = Double.NaN;
            } else {
                t = arrivals.nextArrivalSeconds(t, gaps);
                arrival[i] = t;
            }
            in[i] = input.sample(lengths);
            out[i] = output.sample(lengths);
            cached[i] = cachedTokens(in[i], promptCacheHitRate);
        }
        return new RequestSet(arrival, in, out, cached, closed ? ((ArrivalProcess.ClosedLoop) arrivals).users() : 0);
    }

    /**
     * Like {@link #generate} for an open process, but the lengths are stratified: the i-th smallest of {@code count}
     * prompt (and output) lengths is the middle of the i-th of {@code count} equal slices of the distribution, in an
     * order shuffled by the seed. Every run then holds the same long prompts and replies, which are what a p99
     * depends on most, so two seeds differ by their arrivals and pairings rather than by which rare lengths they
     * happened to draw (a single draw past the 99.99th percentile of a wide lognormal is a 500k-token prompt that
     * decides a whole run). The longest length is the 1 - 1/(2 count) quantile: nothing beyond is drawn. The gaps
     * are the same stream as {@link #generate}'s (the same seed and rate give the same arrival times).
     */
    public static RequestSet generateStratified(ArrivalProcess arrivals, LengthDistribution input, LengthDistribution output,
                                                int count, double promptCacheHitRate, long seed) {
        if (arrivals instanceof ArrivalProcess.ClosedLoop) {
            throw new InvalidInputException("arrival", "stratified requests are for an open arrival process");
        }
        inRange("num_requests", count, 1, MAX_REQUESTS);
        inRange("prompt_cache_hit_rate", promptCacheHitRate, 0.0, 1.0);
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom gaps = random.split();
        SplittableRandom lengths = random.split();
        double[] arrival = new double[count];
        double t = 0;
        for (int i = 0; i < count; i++) {
            t = arrivals.nextArrivalSeconds(t, gaps);
            arrival[i] = t;
        }
        int[] in = stratified(input, count, lengths);
        int[] out = stratified(output, count, lengths);
        int[] cached = new int[count];
        for (int i = 0; i < count; i++) {
            cached[i] = cachedTokens(in[i], promptCacheHitRate);
        }
        return new RequestSet(arrival, in, out, cached, 0);
    }

    private static int[] stratified(LengthDistribution distribution, int count, SplittableRandom random) {
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = distribution.quantile((i + 0.5) / count);
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = tokens[i];
            tokens[i] = tokens[j];
            tokens[j] = swap;
        }
        return tokens;
    }

    /** Requests arriving over {@code durationSeconds} at the process's rate (open processes). */
    public static RequestSet forDuration(ArrivalProcess arrivals, LengthDistribution input, LengthDistribution output,
                                         double durationSeconds, double promptCacheHitRate, long seed) {
        if (arrivals instanceof ArrivalProcess.ClosedLoop) {
            throw new InvalidInputException("arrival", "a closed loop runs for a number of requests, not a duration");
        }
        inRange("duration", durationSeconds, 1e-3, 1e8);
        double expected = arrivals.requestsPerSecond() * durationSeconds;
        if (expected > MAX_REQUESTS) {
            throw new InvalidInputException("duration", "would simulate about " + Math.round(expected) + " requests, more than "
                    + MAX_REQUESTS);
        }
        // Draw the gaps once to count, then generate exactly that many with the same seed (same gap stream).
        SplittableRandom gaps = new SplittableRandom(seed).split();
        int count = 0;
        double t = arrivals.nextArrivalSeconds(0, gaps);
        while (t <= durationSeconds && count < MAX_REQUESTS) {
            count++;
            t = arrivals.nextArrivalSeconds(t, gaps);
        }
        return generate(arrivals, input, output, Math.max(1, count), promptCacheHitRate, seed);
    }

    static int cachedTokens(int input, double hitRate) {
        // A prefix cache always leaves the last prompt token to compute (its logits give the first output token).
        return (int) Math.min(input - 1L, (long) Math.floor(input * hitRate));
    }

    /** The requests with index ≡ {@code replica} mod {@code replicas}: what a round-robin router sends one replica. */
    public RequestSet roundRobinShare(int replica, int replicas) {
        int n = (size() - replica + replicas - 1) / replicas;
        double[] arrival = new double[Math.max(0, n)];
        int[] in = new int[arrival.length];
        int[] out = new int[arrival.length];
        int[] cached = new int[arrival.length];
        int[] ids = prefixIds == null ? null : new int[arrival.length];
        int[] shared = prefixIds == null ? null : new int[arrival.length];
        for (int k = 0, i = replica; i < size(); i += replicas, k++) {
            arrival[k] = arrivalSeconds[i];
            in[k] = inputTokens[i];
            out[k] = outputTokens[i];
            cached[k] = cachedInputTokens[i];
            if (ids != null) {
                ids[k] = prefixIds[i];
                shared[k] = prefixTokens[i];
            }
        }
        return new RequestSet(arrival, in, out, cached, closedLoopUsers == 0 ? 0 : Math.max(1, closedLoopUsers / replicas), ids, shared);
    }
}
