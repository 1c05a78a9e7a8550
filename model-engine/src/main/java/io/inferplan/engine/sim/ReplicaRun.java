package io.inferplan.engine.sim;

import io.inferplan.engine.InvalidInputException;
import java.util.Arrays;

/**
 * The state of one replica during a run: its running sequences, waiting queue and KV blocks, stepped by
 * {@link ReplicaSimulator}. Fields rather than locals so the scheduling phases can be separate methods; a fleet's
 * replicas share the request arrays.
 */
final class ReplicaRun {
    private static final int CANCEL_CHECK_STEPS = 4096;
    private final StepTimeSource steps;
    private final SchedulerPolicy policy;
    final int kvBlocks;
    private final double tokensPerStep;
    private final int n;
    final double[] arrival;
    final int[] input;
    final int[] output;
    final int[] cached;
    private final int users;
    final double[] firstScheduled;
    final double[] firstToken;
    final double[] finish;
    private final int[] generated;
    final int[] preemptedCount;

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
    /** Blocks of a cached shared prefix the slot reads (not its own), and that prefix's id (-1: none held). */
    private final int[] slotShared;
    private final int[] slotPrefix;
    int running;

    /** Shared-prefix cache, per prefix id: blocks held (0: not cached), running sequences using it, last use. */
    private final int[] prefixId;
    private final int[] prefixLength;
    private final int[] cacheBlocks;
    private final int[] cacheUsers;
    private final long[] cacheLastUse;
    long prefixHits;
    long prefixEvictions;

    /**
     * Swap preemption: host blocks free, seconds per block copied, and per request the KV it has in host memory (its
     * computed tokens, -1: none), its prompt-plus-generated target and the blocks it holds there (null: recompute).
     */
    private final boolean fastForwardOn;
    private final int swapCapacity;
    private int swapFree;
    private final double swapSecondsPerBlock;
    private final int[] swappedDone;
    private final int[] swappedTarget;
    private final int[] swappedBlocks;
    /** Host-link copies the current step waits for (swap-outs of its victims, swap-ins of its admissions). */
    private double transferSeconds;
    long swapOuts;
    double swapSeconds;
    long prefillComputed;
    /** The last step's length: fastForward's cheap test of whether two steps fit before the next event. */
    private double lastStepSeconds;

    private final int[] queue;
    private int queueHead;
    int queueSize;

    private final int blockTokens;
    private final int decodeBlockTokens;
    int freeBlocks;
    double now;
    private int released;
    private int nextArrival;
    int completed;
    long stepCount;
    long preemptions;
    /** Far past any useful run: a replica preempting each request this often is thrashing, not serving. */
    static final long MAX_PREEMPTIONS_PER_REQUEST = 200;
    private boolean preemptedThisStep;
    /** Prompt and output tokens still to compute for this replica's queued and running requests (the router's measure). */
    long outstandingTokens;

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

    ReplicaRun(ReplicaSimulator simulator, RequestSet requests, double sampleInterval) {
        steps = simulator.steps;
        policy = simulator.policy;
        kvBlocks = simulator.kvBlocks;
        tokensPerStep = simulator.tokensPerStep;
        blockTokens = policy.kvBlockTokens();
        decodeBlockTokens = (int) Math.ceil(tokensPerStep);
        freeBlocks = kvBlocks;
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
        slotShared = new int[capacity];
        slotPrefix = new int[capacity];
        prefixId = requests.prefixIds();
        prefixLength = requests.prefixTokens();
        int prefixes = requests.prefixCount();
        cacheBlocks = new int[prefixes];
        cacheUsers = new int[prefixes];
        cacheLastUse = new long[prefixes];
        queue = new int[n];
        fastForwardOn = simulator.fastForward;
        swapCapacity = simulator.swapBlocks;
        swapFree = swapCapacity;
        swapSecondsPerBlock = simulator.swapSecondsPerBlock;
        swappedDone = swapFree > 0 ? filled(n, -1) : null;
        swappedTarget = swapFree > 0 ? new int[n] : null;
        swappedBlocks = swapFree > 0 ? new int[n] : null;
        this.sampleInterval = sampleInterval;
        if (users > 0) {
            released = Math.min(users, n);
            Arrays.fill(arrival, 0, released, 0.0);
        } else {
            released = n;
        }
    }

    /** Another replica of a fleet: its own slots, queue and cache; the requests' arrays shared with {@code first}. */
    ReplicaRun(ReplicaRun first) {
        steps = first.steps;
        policy = first.policy;
        kvBlocks = first.kvBlocks;
        tokensPerStep = first.tokensPerStep;
        blockTokens = policy.kvBlockTokens();
        decodeBlockTokens = (int) Math.ceil(tokensPerStep);
        freeBlocks = kvBlocks;
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
        slotShared = new int[capacity];
        slotPrefix = new int[capacity];
        // Each replica has its own cache: what one replica computed another does not hold.
        prefixId = first.prefixId;
        prefixLength = first.prefixLength;
        cacheBlocks = new int[first.cacheBlocks.length];
        cacheUsers = new int[first.cacheBlocks.length];
        cacheLastUse = new long[first.cacheBlocks.length];
        queue = new int[n];
        // Each replica has its own host swap space; a request's swapped state lives in the shared per-request arrays.
        fastForwardOn = false; // a fleet steps its replicas in time order, one step at a time
        swapCapacity = first.swapCapacity;
        swapFree = swapCapacity;
        swapSecondsPerBlock = first.swapSecondsPerBlock;
        swappedDone = first.swappedDone;
        swappedTarget = first.swappedTarget;
        swappedBlocks = first.swappedBlocks;
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
            if (transferSeconds > 0) {
                // Only copies this step (swap-ins ahead of their first decode): the engine waits for them.
                now += transferSeconds;
                swapSeconds += transferSeconds;
                transferSeconds = 0;
                return true;
            }
            if (running == 0 && queueSize > 0) {
                int head = queue[queueHead];
                throw new InvalidInputException("request " + (head + 1), "cannot be admitted even into an empty replica");
            }
            return false;
        }
        double seconds = steps.stepSeconds(prefillTokens, prefillTokens == 0 ? 0 : prefillContextSum / prefillTokens,
                decodeSequences, decodeSequences == 0 ? 0 : decodeContextSum / decodeSequences) + transferSeconds;
        now += seconds;
        lastStepSeconds = seconds;
        swapSeconds += transferSeconds;
        transferSeconds = 0;
        stepCount++;
        advance();
        return true;
    }

    SimulationRun simulate() {
        return simulate(() -> false);
    }

    /** Checked every few thousand steps: a long run (minutes of simulated reasoning replies) stops within milliseconds. */
    SimulationRun simulate(java.util.function.BooleanSupplier cancelled) {
        int untilCheck = CANCEL_CHECK_STEPS;
        while (completed < n) {
            if (--untilCheck == 0) {
                untilCheck = CANCEL_CHECK_STEPS;
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("simulation cancelled");
                }
                if (preemptions > MAX_PREEMPTIONS_PER_REQUEST * (long) n) {
                    // Admitting and preempting the same requests over and over: no real engine would be run there,
                    // and the run would never end.
                    throw new io.inferplan.engine.InvalidInputException("deployment", String.format(java.util.Locale.ROOT,
                            "the simulated replica makes no progress at this load: %,d preemptions for %,d requests, %,d finished "
                                    + "(its KV cache is too small for the requests it admits; more GPUs per replica or a lower rate)",
                            preemptions, n, completed));
                }
            }
            while (nextArrival < released && arrival[nextArrival] <= now) {
                enqueue(nextArrival++);
            }
            sample();
            if (!busy()) {
                // Idle: jump to the next arrival (a closed loop always has one queued or running).
                now = Math.max(now, arrival[nextArrival]);
                continue;
            }
            if (fastForward()) {
                continue;
            }
            step();
        }
        sample();
        return new SimulationRun(new RequestSet(arrival, input, output, cached, users, prefixId, prefixLength), firstScheduled,
                firstToken, finish, preemptedCount, stepCount, preemptions, prefixHits, prefixEvictions, swapOuts, swapSeconds, prefillComputed,
                kvBlocks, policy, now,
                Arrays.copyOf(sampleTime, samples), Arrays.copyOf(sampleKvShare, samples), Arrays.copyOf(sampleRunning, samples),
                Arrays.copyOf(sampleWaiting, samples), Arrays.copyOf(samplePreemptions, samples));
    }

    /**
     * Steps in which nothing but decoding can happen, run together: every running sequence is past its prompt, none
     * waits (or the head of the queue cannot be admitted), the batch fits the token budget, and before the next arrival, the next occupancy sample and the first
     * sequence's last token, with the blocks its tokens need free. Each of those steps would schedule the same batch
     * (one token per sequence, allocations that cannot fail), so their times are summed from the step-time source
     * with the contexts they would have, and the sequences advance by their count at once: the same times, tokens,
     * blocks and samples as stepping them one by one, for one pass over the sequences instead of one per step. The
     * step that finishes a sequence, admits one or meets an arrival runs normally. False when no step qualifies.
     */
    private boolean fastForward() {
        if (!fastForwardOn || tokensPerStep != 1.0 || transferSeconds > 0 || running == 0
                || running > policy.maxTokensPerStep()) {
            return false;
        }
        double until = nextSample;
        if (nextArrival < released) {
            until = Math.min(until, arrival[nextArrival]);
        }
        // Cheap first: when the last step's length reaches the next event, at most one step would qualify.
        if (now + lastStepSeconds >= until) {
            return false;
        }
        final int[] doneTokens = slotDone;
        final int[] target = slotTarget;
        final int count = running;
        long sumDone = 0;
        int minLeft = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            int done = doneTokens[i];
            if (done < target[i]) {
                return false; // a prompt still in progress
            }
            sumDone += done;
            minLeft = Math.min(minLeft, slotOutput[i] - slotGenerated[i]);
        }
        // The step that emits some sequence's last token runs normally.
        int limit = minLeft - 1;
        if (limit < 1) {
            return false;
        }
        // Steps start while now is before the next event (the first always: the loop has just taken arrivals and samples).
        double t = now;
        int steps = 0;
        double sum = sumDone;
        double last = 0;
        while (steps < limit && t < until) {
            last = this.steps.stepSeconds(0, 0, count, sum / count);
            t += last;
            sum += count;
            steps++;
        }
        if (steps < 2) {
            return false; // nothing saved
        }
        long need = blocksNeeded(steps);
        if (need > freeBlocks) {
            return false; // blocks run short: step by step, with preemption where it comes
        }
        if (queueSize > 0) {
            // Waiting requests: only when the head cannot be admitted in the first step, hence in none (decode-only
            // steps keep the budget left and only use up free blocks). Mixed stacks admit after the step's decode
            // allocations, prefill-first ones before them with the whole budget.
            boolean mixed = policy.mixedPrefillDecode();
            long free = mixed ? freeBlocks - blocksNeeded(1) : freeBlocks;
            if (!headBlocked(free, mixed ? policy.maxTokensPerStep() - count : policy.maxTokensPerStep())) {
                return false;
            }
        }
        final int[] blocks = slotBlocks;
        final int[] made = slotGenerated;
        final int[] shared = slotShared;
        for (int i = 0; i < count; i++) {
            int done = doneTokens[i] + steps;
            doneTokens[i] = done;
            made[i] += steps;
            long held = (long) blocks[i] + shared[i];
            if ((long) done > held * blockTokens) {
                blocks[i] += (int) (blocksFor(done) - held);
            }
        }
        freeBlocks -= (int) need;
        outstandingTokens -= (long) steps * count;
        stepCount += steps;
        now = t;
        lastStepSeconds = last;
        return true;
    }

    /**
     * Whether {@link #admit} would admit nothing with this many free blocks and this budget left: the same tests on
     * the head of the queue, without its side effects. Requests with prefix ids are not judged (admission may evict).
     */
    private boolean headBlocked(long free, int budgetLeft) {
        if (running >= capacity || budgetLeft <= 0) {
            return true;
        }
        int r = queue[queueHead];
        int remainingOutput = output[r] - generated[r];
        long headroom = blocksFor((long) Math.ceil(policy.admissionHeadroomShare() * remainingOutput));
        if (swappedDone != null && swappedDone[r] >= 0) {
            return free < swappedBlocks[r] + headroom;
        }
        if (prefixId != null) {
            return false;
        }
        int target = input[r] + generated[r];
        int done = Math.min(cached[r], target - 1);
        int remaining = target - done;
        if (!policy.chunkedPrefill() && remaining > budgetLeft) {
            return true;
        }
        int chunk = Math.min(remaining, budgetLeft);
        long reserved = (long) done + chunk
                + (chunk == remaining ? (long) Math.ceil(policy.reservedOutputShare() * remainingOutput) : 0);
        return free < blocksFor(reserved) + headroom;
    }

    /** Blocks the running sequences need beyond what they hold to take {@code steps} more tokens each. */
    private long blocksNeeded(int steps) {
        long need = 0;
        for (int i = 0; i < running; i++) {
            long held = (long) slotBlocks[i] + slotShared[i];
            long tokens = (long) slotDone[i] + steps;
            if (tokens > held * blockTokens) {
                need += blocksFor(tokens) - held;
            }
        }
        return need;
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
        final int[] shared = slotShared;
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
                if (done + decodeTokens > (blocks[i] + shared[i]) * perBlock && !allocate(i, done + decodeTokens)) {
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
        int held = slotBlocks[i] + slotShared[i];
        if (tokens <= (long) held * blockTokens) {
            return true; // the common case: the sequence's last block has room (no division)
        }
        long need = blocksFor(tokens) - held;
        if (need <= 0) {
            return true;
        }
        // Cached prefixes nobody is using go first (least recently used), then running sequences.
        while (freeBlocks < need && evictPrefix(-1)) {
            // evicted one
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
        int request = slotRequest[slot];
        int done = slotDone[slot];
        // Swap: every computed token's KV (its own blocks and any shared prefix it reads) is copied to host memory
        // this step, if the swap space has room; otherwise (or with recompute) it is computed again when readmitted.
        long copy = swappedDone == null || done == 0 ? 0 : blocksFor(done);
        if (copy > 0 && copy <= swapFree) {
            swapFree -= (int) copy;
            swappedDone[request] = done;
            swappedTarget[request] = slotTarget[slot];
            swappedBlocks[request] = (int) copy;
            transferSeconds += copy * swapSecondsPerBlock;
            swapOuts++;
        } else {
            outstandingTokens += done;
        }
        freeBlocks += slotBlocks[slot];
        slotBlocks[slot] = 0;
        releasePrefix(slot);
        slotPreempted[slot] = true;
        preemptedThisStep = true;
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
            if (swappedDone != null && swappedDone[r] >= 0) {
                if (!swapIn(r)) {
                    return;
                }
                continue;
            }
            int remainingOutput = output[r] - generated[r];
            int target = input[r] + generated[r];
            int prefix = prefixId == null ? -1 : prefixId[r];
            int shared = prefix >= 0 ? cacheBlocks[prefix] : 0;
            int done = prefix >= 0 ? Math.min(shared * blockTokens, target - 1) : Math.min(cached[r], target - 1);
            int remaining = target - done;
            if (!policy.chunkedPrefill() && remaining > budget) {
                return;
            }
            int chunk = Math.min(remaining, budget);
            long reserved = (long) done + chunk
                    + (chunk == remaining ? (long) Math.ceil(policy.reservedOutputShare() * remainingOutput) : 0);
            long need = Math.max(0, blocksFor(reserved) - shared);
            long headroom = running == 0 ? 0 : blocksFor((long) Math.ceil(policy.admissionHeadroomShare() * remainingOutput));
            while (freeBlocks < need + headroom && evictPrefix(prefix)) {
                // evicted one
            }
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
            slotPrefix[s] = prefix;
            slotShared[s] = shared;
            if (shared > 0) {
                cacheUsers[prefix]++;
                cacheLastUse[prefix] = stepCount;
                prefixHits++;
                outstandingTokens -= done;
            }
            freeBlocks -= (int) need;
            if (Double.isNaN(firstScheduled[r])) {
                firstScheduled[r] = now;
            }
            budget -= chunk;
            prefillTokens += chunk;
            prefillContextSum += chunk * (done + chunk / 2.0);
        }
    }

    /**
     * A swapped request at the head of the queue: its blocks are copied back (this step waits for the copy) and it
     * resumes where it stopped, decoding (or prefilling its next chunk) from the next step; false when the blocks,
     * with the stack's admission headroom, do not fit yet (head of line).
     */
    private boolean swapIn(int r) {
        int blocks = swappedBlocks[r];
        int remainingOutput = output[r] - generated[r];
        long headroom = running == 0 ? 0 : blocksFor((long) Math.ceil(policy.admissionHeadroomShare() * remainingOutput));
        while (freeBlocks < blocks + headroom && evictPrefix(-1)) {
            // evicted one
        }
        if (freeBlocks < blocks + headroom) {
            return false;
        }
        queueHead = (queueHead + 1) % n;
        queueSize--;
        int s = running++;
        slotRequest[s] = r;
        slotTarget[s] = swappedTarget[r];
        slotDone[s] = swappedDone[r];
        slotBlocks[s] = blocks;
        slotChunk[s] = 0;
        slotDecoding[s] = false;
        slotPreempted[s] = false;
        slotCredit[s] = 0;
        slotGenerated[s] = generated[r];
        slotOutput[s] = output[r];
        slotPrefix[s] = -1;
        slotShared[s] = 0;
        freeBlocks -= blocks;
        swapFree += blocks;
        transferSeconds += blocks * swapSecondsPerBlock;
        swappedDone[r] = -1;
        return true;
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
                prefillComputed += chunk;
                doneTokens[i] += chunk;
                outstandingTokens -= chunk;
                chunks[i] = 0;
                if (doneTokens[i] >= target[i]) {
                    if (slotPrefix[i] >= 0 && slotShared[i] == 0) {
                        cachePrefix(i);
                    }
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
                releasePrefix(i);
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
        slotShared[to] = slotShared[from];
        slotPrefix[to] = slotPrefix[from];
    }

    /**
     * A prompt whose prefix was not cached has been prefilled: its whole blocks of the shared prefix pass from the
     * sequence to the cache, which the sequence then reads like any later request with that id. Two misses in
     * flight together: the first to finish its prompt caches it, the other keeps its own copy.
     */
    private void cachePrefix(int slot) {
        int prefix = slotPrefix[slot];
        int blocks = Math.min(slotBlocks[slot], prefixLength[slotRequest[slot]] / blockTokens);
        if (cacheBlocks[prefix] > 0 || blocks == 0) {
            slotPrefix[slot] = -1;
            return;
        }
        cacheBlocks[prefix] = blocks;
        cacheUsers[prefix] = 1;
        cacheLastUse[prefix] = stepCount;
        slotBlocks[slot] -= blocks;
        slotShared[slot] = blocks;
    }

    /** The sequence no longer reads its cached prefix (finished or preempted); the blocks stay cached. */
    private void releasePrefix(int slot) {
        int prefix = slotPrefix[slot];
        if (prefix >= 0 && slotShared[slot] > 0) {
            cacheUsers[prefix]--;
            cacheLastUse[prefix] = stepCount;
        }
        slotPrefix[slot] = -1;
        slotShared[slot] = 0;
    }

    /** Frees the least recently used cached prefix no sequence reads (not {@code keep}); false when there is none. */
    private boolean evictPrefix(int keep) {
        int victim = -1;
        for (int p = 0; p < cacheBlocks.length; p++) {
            if (cacheBlocks[p] > 0 && cacheUsers[p] == 0 && p != keep
                    && (victim < 0 || cacheLastUse[p] < cacheLastUse[victim])) {
                victim = p;
            }
        }
        if (victim < 0) {
            return false;
        }
        freeBlocks += cacheBlocks[victim];
        cacheBlocks[victim] = 0;
        prefixEvictions++;
        return true;
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

    private long blocksFor(long tokens) {
        return (tokens + blockTokens - 1) / blockTokens;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
