package io.inferplan.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.perf.ServingStack;
import java.io.StringReader;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Shared-prefix ids: a prefix is computed once, held once, evicted least recently used first, routed by affinity. */
class SimPrefixCacheTest {
    private static final SimulatedReplica REPLICA = SimFixtures.llama8b(ServingStack.VLLM);

    /** {@code count} requests of 4,000 prompt tokens (the first {@code shared} shared) over {@code ids} prefix ids drawn at random. */
    private static RequestSet withIds(double rate, int count, int ids, int shared, long seed) {
        RequestSet base = SimFixtures.poisson(rate, count, 4000, 100, seed);
        SplittableRandom random = new SplittableRandom(seed);
        int[] id = new int[count];
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            id[i] = random.nextInt(ids);
            tokens[i] = shared;
        }
        return base.withPrefixes(id, tokens);
    }

    private static SimulationResult run(RequestSet requests) {
        return REPLICA.simulate(requests, 0, null);
    }

    @Test
    void aSharedPrefixIsComputedOnceAndHeldOnce() {
        RequestSet ids = withIds(5, 1500, 4, 3000, 1);
        SimulationResult cached = run(ids);
        SimulationResult none = run(SimFixtures.poisson(5, 1500, 4000, 100, 1));
        // The same share of each prompt by hit rate: skips the same prefill, but every sequence holds its own copy.
        RequestSet byRate = RequestSet.generate(new ArrivalProcess.Poisson(5), new LengthDistribution.Fixed(4000),
                new LengthDistribution.Fixed(100), 1500, 0.75, 1);
        SimulationResult rate = run(byRate);
        assertEquals(1500 - 4, cached.run().prefixHits(), 4, "each of the four prefixes misses about once");
        assertEquals(0, cached.run().prefixEvictions());
        assertTrue(cached.summary().ttft().meanSeconds() < 0.6 * none.summary().ttft().meanSeconds(),
                cached.summary().ttft() + " vs " + none.summary().ttft());
        assertTrue(cached.summary().meanKvShare() < 0.8 * rate.summary().meanKvShare(),
                cached.summary().meanKvShare() + " vs " + rate.summary().meanKvShare());
        for (double f : cached.run().finishSeconds()) {
            assertTrue(f > 0);
        }
    }

    @Test
    void moreDistinctPrefixesThanTheCacheHoldsAreEvictedLeastRecentlyUsedFirst() {
        int blocks = REPLICA.simulator().kvBlocks();
        int prefixes = blocks * 16 / 3000 * 3; // three times what the cache holds
        SimulationResult many = run(withIds(2, 3000, prefixes, 3000, 2));
        SimulationResult few = run(withIds(2, 3000, 8, 3000, 2));
        assertTrue(many.run().prefixEvictions() > 0);
        assertEquals(0, few.run().prefixEvictions());
        // A third of the prefixes fit: about a third of the lookups hit, against all but eight with a small working set.
        double hitShare = many.run().prefixHits() / 3000.0;
        assertTrue(hitShare > 0.1 && hitShare < 0.6, "hit share " + hitShare);
        assertEquals(3000 - 8, few.run().prefixHits(), 8);
        assertTrue(Arrays.stream(many.run().finishSeconds()).allMatch(f -> f > 0), "every request completes");
    }

    @Test
    void prefixAffinityRoutesEachPrefixToOneReplica() {
        RequestSet requests = withIds(24, 4000, 200, 3000, 3);
        SimulationResult affinity = REPLICA.simulateFleet(requests, 4, ReplicaSimulator.Router.PREFIX_AFFINITY, 0, null);
        SimulationResult roundRobin = REPLICA.simulateFleet(requests, 4, ReplicaSimulator.Router.ROUND_ROBIN, 0, null);
        // Round robin computes each prefix on every replica; affinity once.
        assertTrue(roundRobin.run().prefixHits() < 4000 - 4 * 200 + 50, roundRobin.run().prefixHits() + " hits");
        assertEquals(4000 - 200, affinity.run().prefixHits(), 20);
        assertTrue(affinity.summary().ttft().meanSeconds() < roundRobin.summary().ttft().meanSeconds());
        // A fleet of one is the replica alone, prefixes included.
        RequestSet small = withIds(4, 500, 10, 3000, 4);
        assertEquals(run(small).summary(), REPLICA.simulateFleet(small, 1, ReplicaSimulator.Router.PREFIX_AFFINITY, 0, null).summary());
    }

    @Test
    void aTraceNamesItsPrefixes() {
        RequestSet trace = TraceReader.read(new StringReader("""
                arrival_s,input_tokens,output_tokens,prefix_id,prefix_tokens
                0,1000,10,system-a,800
                0.5,1200,10,system-a,800
                1,900,10,,
                1.5,1000,10,system-b,
                """), "t.csv", 0.5);
        assertEquals(-1, trace.prefixIds()[2]);
        assertEquals(trace.prefixIds()[0], trace.prefixIds()[1]);
        assertEquals(800, trace.prefixTokens()[1]);
        assertEquals(500, trace.prefixTokens()[3], "no length given: the hit rate's share of the prompt");
        assertEquals(1, run(trace).run().prefixHits());
        String error = assertThrows(InvalidInputException.class, () -> TraceReader.read(new StringReader("""
                arrival_s,input_tokens,output_tokens,prefix_id,prefix_tokens
                0,1000,10,a,1200
                """), "t.csv", 0)).getMessage();
        assertTrue(error.startsWith("t.csv row 2 prefix_tokens: must be a whole number of tokens from 0 to the row's input_tokens (1000)"), error);
    }
}
