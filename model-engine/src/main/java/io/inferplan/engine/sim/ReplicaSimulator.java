package io.inferplan.engine.sim;

import static io.inferplan.engine.Checks.inRange;
import static io.inferplan.engine.Checks.positive;
import static io.inferplan.engine.Checks.present;

import io.inferplan.engine.InvalidInputException;
import java.util.Arrays;
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
    private final StepTimeSource steps;
    private final SchedulerPolicy policy;
    private final int kvBlocks;
    private final double tokensPerStep;

    /**
     * @param kvCapacityTokens tokens the replica's KV cache holds (whole blocks of the policy's size are used)
     * @param tokensPerStep    mean tokens one decode step emits per sequence (1 without speculative decoding)
     */
    public ReplicaSimulator(StepTimeSource steps, SchedulerPolicy policy, double kvCapacityTokens, double tokensPerStep) {
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
        positive("sampleIntervalSeconds", sampleIntervalSeconds, 1e6);
        check(requests);
        return new Run(requests, sampleIntervalSeconds).simulate();
    }

    /** How a fleet's router picks the replica for each arrival. */
    public enum Router {
        /** In turn, whatever their load. */
        ROUND_ROBIN,
        /** The replica with the fewest prompt and output tokens still to compute (ties: the lowest index). */
        LEAST_OUTSTANDING_TOKENS
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
        Run[] runs = new Run[replicas];
        runs[0] = new Run(requests, sampleIntervalSeconds);
        for (int i = 1; i < replicas; i++) {
            runs[i] = new Run(runs[0]);
        }
        double[] arrival = runs[0].arrival;
        int n = requests.size();
        int next = 0;
        int turn = 0;
        FleetSamples samples = new FleetSamples(sampleIntervalSeconds);
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
                int target = router == Router.ROUND_ROBIN ? turn++ % replicas : leastOutstanding(runs);
                Run run = runs[target];
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
        double end = 0;
        for (Run run : runs) {
            steps += run.stepCount;
            preemptions += run.preemptions;
            end = Math.max(end, run.now);
        }
        samples.record(end, runs);
        Run first = runs[0];
        return new SimulationRun(new RequestSet(arrival, first.input, first.output, first.cached, 0), first.firstScheduled,
                first.firstToken, first.finish, first.preemptedCount, steps, preemptions, kvBlocks * replicas, policy, end,
                samples.times(), samples.kvShares(), samples.running(), samples.waiting(), samples.preemptions());
    }

    private static int leastOutstanding(Run[] runs) {
        int best = 0;
        for (int i = 1; i < runs.length; i++) {
            if (runs[i].outstandingTokens < runs[best].outstandingTokens) {
                best = i;
            }
        }
        return best;
    }

    /** The fleet's occupancy on a regular grid of simulated time. */
    private final class FleetSamples {
        private final double interval;
        private double next;
        private int count;
        private double[] time = new double[1024];
        private float[] kvShare = new float[1024];
        private int[] running = new int[1024];
        private int[] waiting = new int[1024];
        private long[] preemptions = new long[1024];

        FleetSamples(double interval) {
            this.interval = interval;
        }

        void record(double now, Run[] runs) {
            while (now >= next) {
                if (count == time.length) {
                    int size = count * 2;
                    time = Arrays.copyOf(time, size);
                    kvShare = Arrays.copyOf(kvShare, size);
                    running = Arrays.copyOf(running, size);
                    waiting = Arrays.copyOf(waiting, size);
                    preemptions = Arrays.copyOf(preemptions, size);
                }
                double kv = 0;
                int sequences = 0;
                int queued = 0;
                long preempted = 0;
                for (Run run : runs) {
                    kv += 1.0 - (double) run.freeBlocks / kvBlocks;
                    sequences += run.running;
                    queued += run.queueSize;
                    preempted += run.preemptions;
                }
                time[count] = next;
                kvShare[count] = (float) (kv / runs.length);
                running[count] = sequences;
                waiting[count] = queued;
                preemptions[count] = preempted;
                count++;
                next += interval;
            }
        }

        double[] times() {
            return Arrays.copyOf(time, count);
        }

        float[] kvShares() {
            return Arrays.copyOf(kvShare, count);
        }

        int[] running() {
            return Arrays.copyOf(running, count);
        }

        int[] waiting() {
            return Arrays.copyOf(waiting, count);
        }

        long[] preemptions() {
            return Arrays.copyOf(preemptions, count);
        }
    }

    private void check(RequestSet requests) {
        int[] in = requests.inputTokens();
        int[] out = requests.outputTokens();
        for (int i = 0; i < requests.size(); i++) {
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

    /** The state of one run; fields rather than locals so the phases can be separate methods. */
    private final class Run {
        private final int n;
        private final double[] arrival;
        private final int[] input;
        private final int[] output;
        private final int[] cached;
        private final int users;
        private final double[] firstScheduled;
        private final double[] firstToken;
        private final double[] finish;
        private final int[] generated;
        private final int[] preemptedCount;

        private final int capacity;
        private final int[] slotRequest;
        private final int[] slotTarget;
        private final int[] slotDone;
        private final int[] slotBlocks;
        private final int[] slotChunk;
        private final boolean[] slotDecoding;
        private final boolean[] slotPreempted;
        private final double[] slotCredit;
        /** Tokens generated so far and to generate, per slot (written back to the request on preemption and finish). */
        private final int[] slotGenerated;
        private final int[] slotOutput;
        private int running;

        private final int[] queue;
        private int queueHead;
        private int queueSize;

        private final int blockTokens = policy.kvBlockTokens();
        private final int decodeBlockTokens = (int) Math.ceil(tokensPerStep);
        private int freeBlocks = kvBlocks;
        private double now;
        private int released;
        private int nextArrival;
        private int completed;
        private long stepCount;
        private long preemptions;
        private boolean preemptedThisStep;
        /** Prompt and output tokens still to compute for this replica's queued and running requests (the router's measure). */
        private long outstandingTokens;

        private int budget;
        private int prefillTokens;
        private double prefillContextSum;
        private int decodeSequences;
        private double decodeContextSum;

        private final double sampleInterval;
        private double nextSample;
        private int samples;
        private double[] sampleTime = new double[1024];
        private float[] sampleKvShare = new float[1024];
        private int[] sampleRunning = new int[1024];
        private int[] sampleWaiting = new int[1024];
        private long[] samplePreemptions = new long[1024];

        Run(RequestSet requests, double sampleInterval) {
            n = requests.size();
            arrival = requests.arrivalSeconds().clone();
            input = requests.inputTokens();
            output = requests.outputTokens();
            cached = requests.cachedInputTokens();
            users = requests.closedLoopUsers();
            firstScheduled = nanArray(n);
            firstToken = nanArray(n);
            finish = nanArray(n);
            generated = new int[n];
            preemptedCount = new int[n];
            capacity = policy.maxSequences();
            slotRequest = new int[capacity];
            slotTarget = new int[capacity];
            slotDone = new int[capacity];
            slotBlocks = new int[capacity];
            slotChunk = new int[capacity];
            slotDecoding = new boolean[capacity];
            slotPreempted = new boolean[capacity];
            slotCredit = new double[capacity];
            slotGenerated = new int[capacity];
            slotOutput = new int[capacity];
            queue = new int[n];
            this.sampleInterval = sampleInterval;
            if (users > 0) {
                released = Math.min(users, n);
                Arrays.fill(arrival, 0, released, 0.0);
            } else {
                released = n;
            }
        }

        /** Another replica of a fleet: its own slots, queue and cache; the requests' arrays shared with {@code first}. */
        Run(Run first) {
            n = first.n;
            arrival = first.arrival;
            input = first.input;
            output = first.output;
            cached = first.cached;
            users = 0;
            firstScheduled = first.firstScheduled;
            firstToken = first.firstToken;
            finish = first.finish;
            generated = first.generated;
            preemptedCount = first.preemptedCount;
            capacity = first.capacity;
            slotRequest = new int[capacity];
            slotTarget = new int[capacity];
            slotDone = new int[capacity];
            slotBlocks = new int[capacity];
            slotChunk = new int[capacity];
            slotDecoding = new boolean[capacity];
            slotPreempted = new boolean[capacity];
            slotCredit = new double[capacity];
            slotGenerated = new int[capacity];
            slotOutput = new int[capacity];
            queue = new int[n];
            sampleInterval = first.sampleInterval;
            released = n;
        }

        boolean busy() {
            return running > 0 || queueSize > 0;
        }

        void enqueue(int request) {
            queue[(queueHead + queueSize++) % n] = request;
            outstandingTokens += (long) input[request] - cached[request] + output[request];
        }

        /** One engine step at {@code now}; false when nothing could be scheduled (all of it was preempted). */
        boolean step() {
            schedule();
            if (prefillTokens == 0 && decodeSequences == 0) {
                if (running == 0 && queueSize > 0) {
                    int head = queue[queueHead];
                    throw new InvalidInputException("request " + (head + 1), "cannot be admitted even into an empty replica");
                }
                return false;
            }
            now += steps.stepSeconds(prefillTokens, prefillTokens == 0 ? 0 : prefillContextSum / prefillTokens,
                    decodeSequences, decodeSequences == 0 ? 0 : decodeContextSum / decodeSequences);
            stepCount++;
            advance();
            return true;
        }

        SimulationRun simulate() {
            while (completed < n) {
                while (nextArrival < released && arrival[nextArrival] <= now) {
                    enqueue(nextArrival++);
                }
                sample();
                if (!busy()) {
                    // Idle: jump to the next arrival (a closed loop always has one queued or running).
                    now = Math.max(now, arrival[nextArrival]);
                    continue;
                }
                step();
            }
            sample();
            return new SimulationRun(new RequestSet(arrival, input, output, cached, users), firstScheduled, firstToken, finish,
                    preemptedCount, stepCount, preemptions, kvBlocks, policy, now,
                    Arrays.copyOf(sampleTime, samples), Arrays.copyOf(sampleKvShare, samples), Arrays.copyOf(sampleRunning, samples),
                    Arrays.copyOf(sampleWaiting, samples), Arrays.copyOf(samplePreemptions, samples));
        }

        private void schedule() {
            budget = policy.maxTokensPerStep();
            prefillTokens = 0;
            prefillContextSum = 0;
            decodeSequences = 0;
            decodeContextSum = 0;
            if (policy.mixedPrefillDecode()) {
                scheduleRunning(true, true);
                admit();
            } else {
                // Prefill first: a step with prompt work runs no decode (SGLang without mixed chunks).
                scheduleRunning(true, false);
                admit();
                if (prefillTokens == 0) {
                    scheduleRunning(false, true);
                }
            }
            if (preemptedThisStep) {
                compactPreempted();
                preemptedThisStep = false;
            }
        }

        /** Running sequences in admission order: prompt chunks of partly prefilled ones and/or one decode step each. */
        private void scheduleRunning(boolean prefill, boolean decode) {
            // Locals for the hot loop: the launchers' C1 compiler does not keep fields in registers.
            final int[] target = slotTarget;
            final int[] doneTokens = slotDone;
            final int[] blocks = slotBlocks;
            final boolean[] preempted = slotPreempted;
            final boolean[] decoding = slotDecoding;
            final int perBlock = blockTokens;
            final int decodeTokens = decodeBlockTokens;
            int left = budget;
            int decodes = decodeSequences;
            double decodeContext = decodeContextSum;
            for (int i = 0; i < running && left > 0; i++) {
                if (preempted[i]) {
                    continue;
                }
                int done = doneTokens[i];
                if (done < target[i]) {
                    if (!prefill) {
                        continue;
                    }
                    int chunk = Math.min(target[i] - done, left);
                    if (!allocate(i, done + chunk)) {
                        continue;
                    }
                    slotChunk[i] = chunk;
                    left -= chunk;
                    prefillTokens += chunk;
                    prefillContextSum += chunk * (done + chunk / 2.0);
                } else if (decode) {
                    if (done + decodeTokens > blocks[i] * perBlock && !allocate(i, done + decodeTokens)) {
                        continue;
                    }
                    decoding[i] = true;
                    left--;
                    decodes++;
                    decodeContext += done;
                }
            }
            budget = left;
            decodeSequences = decodes;
            decodeContextSum = decodeContext;
        }

        /** Blocks so that slot {@code i} holds {@code tokens}; preempts from the tail (possibly itself) when short. */
        private boolean allocate(int i, long tokens) {
            if (tokens <= (long) slotBlocks[i] * blockTokens) {
                return true; // the common case: the sequence's last block has room (no division)
            }
            long need = blocksFor(tokens) - slotBlocks[i];
            if (need <= 0) {
                return true;
            }
            while (freeBlocks < need) {
                int victim = running - 1;
                while (victim > i && slotPreempted[victim]) {
                    victim--;
                }
                preempt(victim);
                if (victim == i) {
                    return false;
                }
            }
            freeBlocks -= (int) need;
            slotBlocks[i] += (int) need;
            return true;
        }

        private void preempt(int slot) {
            freeBlocks += slotBlocks[slot];
            slotBlocks[slot] = 0;
            slotPreempted[slot] = true;
            preemptedThisStep = true;
            outstandingTokens += slotDone[slot];
            int request = slotRequest[slot];
            generated[request] = slotGenerated[slot];
            preemptedCount[request]++;
            preemptions++;
            queueHead = (queueHead - 1 + n) % n;
            queue[queueHead] = request;
            queueSize++;
        }

        /** Waiting requests in order (preempted ones first) while slots, budget and blocks allow. */
        private void admit() {
            while (queueSize > 0 && running < capacity && budget > 0) {
                int r = queue[queueHead];
                int remainingOutput = output[r] - generated[r];
                int target = input[r] + generated[r];
                int done = Math.min(cached[r], target - 1);
                int remaining = target - done;
                if (!policy.chunkedPrefill() && remaining > budget) {
                    return;
                }
                int chunk = Math.min(remaining, budget);
                long reserved = (long) done + chunk
                        + (chunk == remaining ? (long) Math.ceil(policy.reservedOutputShare() * remainingOutput) : 0);
                long need = blocksFor(reserved);
                long headroom = running == 0 ? 0 : blocksFor((long) Math.ceil(policy.admissionHeadroomShare() * remainingOutput));
                if (freeBlocks < need + headroom) {
                    return;
                }
                queueHead = (queueHead + 1) % n;
                queueSize--;
                int s = running++;
                slotRequest[s] = r;
                slotTarget[s] = target;
                slotDone[s] = done;
                slotBlocks[s] = (int) need;
                slotChunk[s] = chunk;
                slotDecoding[s] = false;
                slotPreempted[s] = false;
                slotCredit[s] = 0;
                slotGenerated[s] = generated[r];
                slotOutput[s] = output[r];
                freeBlocks -= (int) need;
                if (Double.isNaN(firstScheduled[r])) {
                    firstScheduled[r] = now;
                }
                budget -= chunk;
                prefillTokens += chunk;
                prefillContextSum += chunk * (done + chunk / 2.0);
            }
        }

        private void compactPreempted() {
            int w = 0;
            for (int i = 0; i < running; i++) {
                if (!slotPreempted[i]) {
                    if (w != i) {
                        move(i, w);
                    }
                    w++;
                }
            }
            running = w;
        }

        /** The step has run: prompt chunks land, decoding sequences emit tokens, finished requests leave. */
        private void advance() {
            final int[] request = slotRequest;
            final int[] chunks = slotChunk;
            final int[] doneTokens = slotDone;
            final int[] target = slotTarget;
            final int[] made = slotGenerated;
            final int[] wanted = slotOutput;
            final boolean[] decoding = slotDecoding;
            final boolean wholeTokens = tokensPerStep == 1.0;
            final double time = now;
            int w = 0;
            int count = running;
            for (int i = 0; i < count; i++) {
                boolean finished = false;
                int chunk = chunks[i];
                if (chunk > 0) {
                    doneTokens[i] += chunk;
                    outstandingTokens -= chunk;
                    chunks[i] = 0;
                    if (doneTokens[i] >= target[i]) {
                        made[i]++;
                        outstandingTokens--;
                        int r = request[i];
                        if (Double.isNaN(firstToken[r])) {
                            firstToken[r] = time;
                        }
                        finished = made[i] >= wanted[i];
                    }
                } else if (decoding[i]) {
                    decoding[i] = false;
                    int emitted = 1;
                    if (!wholeTokens) {
                        double credit = slotCredit[i] + tokensPerStep;
                        emitted = Math.min((int) credit, wanted[i] - made[i]);
                        slotCredit[i] = credit - (int) credit;
                    }
                    outstandingTokens -= emitted;
                    made[i] += emitted;
                    doneTokens[i] += emitted;
                    finished = made[i] >= wanted[i];
                }
                if (finished) {
                    int r = request[i];
                    generated[r] = made[i];
                    finish[r] = time;
                    freeBlocks += slotBlocks[i];
                    completed++;
                    if (users > 0 && released < n) {
                        arrival[released++] = time; // this user's next request
                    }
                } else {
                    if (w != i) {
                        move(i, w);
                    }
                    w++;
                }
            }
            running = w;
        }

        private void move(int from, int to) {
            slotRequest[to] = slotRequest[from];
            slotTarget[to] = slotTarget[from];
            slotDone[to] = slotDone[from];
            slotBlocks[to] = slotBlocks[from];
            slotChunk[to] = slotChunk[from];
            slotDecoding[to] = slotDecoding[from];
            slotPreempted[to] = slotPreempted[from];
            slotCredit[to] = slotCredit[from];
            slotGenerated[to] = slotGenerated[from];
            slotOutput[to] = slotOutput[from];
        }

        private void sample() {
            while (now >= nextSample) {
                if (samples == sampleTime.length) {
                    int size = samples * 2;
                    sampleTime = Arrays.copyOf(sampleTime, size);
                    sampleKvShare = Arrays.copyOf(sampleKvShare, size);
                    sampleRunning = Arrays.copyOf(sampleRunning, size);
                    sampleWaiting = Arrays.copyOf(sampleWaiting, size);
                    samplePreemptions = Arrays.copyOf(samplePreemptions, size);
                }
                sampleTime[samples] = nextSample;
                sampleKvShare[samples] = (float) (1.0 - (double) freeBlocks / kvBlocks);
                sampleRunning[samples] = running;
                sampleWaiting[samples] = queueSize;
                samplePreemptions[samples] = preemptions;
                samples++;
                nextSample += sampleInterval;
            }
        }
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
