package io.inferplan.engine.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CapacityAndBreakEvenTest {

    @Test
    void replicasCoverThePeakAtThePlannedUtilisation() {
        Capacity capacity = Capacity.plan(10, 8, 30, 60, 0.8, 1);
        // 60 / (10 x 0.8) = 7.5 -> 8 replicas of 8 GPUs.
        assertEquals(8, capacity.replicas());
        assertEquals(64, capacity.gpusRequired());
        assertEquals(80, capacity.fleetCapacityRequestsPerSecond(), 1e-12);
        assertEquals(37.5, capacity.averageUtilizationPercent(), 1e-12);
        assertEquals(75, capacity.peakUtilizationPercent(), 1e-12);
        assertEquals(25, capacity.headroomPercent(), 1e-12);
        // An exact fit does not round up to an extra replica.
        assertEquals(6, Capacity.plan(10, 1, 30, 48, 0.8, 1).replicas());
        assertEquals(3, Capacity.plan(10, 1, 1, 1, 0.8, 3).replicas());
    }

    @Test
    void moreGpusNeverLowerCapacity() {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            double replicaRps = 0.01 + random.nextDouble() * 50;
            double peak = random.nextDouble() * 1000;
            int min = 1 + random.nextInt(20);
            Capacity fewer = Capacity.plan(replicaRps, 4, peak / 2, peak, 0.8, min);
            Capacity more = Capacity.plan(replicaRps, 4, peak / 2, peak, 0.8, min + 1 + random.nextInt(20));
            assertTrue(more.gpusRequired() >= fewer.gpusRequired());
            assertTrue(more.fleetCapacityRequestsPerSecond() >= fewer.fleetCapacityRequestsPerSecond());
            // A faster replica never needs more GPUs.
            assertTrue(Capacity.plan(replicaRps * 1.5, 4, peak / 2, peak, 0.8, min).gpusRequired() <= fewer.gpusRequired());
        }
    }

    @Test
    void breakEvenVolumeTimesContributionIsTheFixedCost() {
        BreakEven breakEven = BreakEven.of(100_000, 2, 1500, 1e12, true, 4, 9);
        assertEquals(5e10, breakEven.breakEvenTokensPerMonth(), 1e-3);
        assertEquals(5e10 / 1500 / (730 * 3600.0), breakEven.breakEvenRequestsPerSecond(), 1e-9);
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            double fixed = random.nextDouble() * 1e7;
            double contribution = 0.001 + random.nextDouble() * 50;
            BreakEven b = BreakEven.of(fixed, contribution, 1 + random.nextDouble() * 1e5, 1e15, false, null, null);
            assertEquals(fixed, b.breakEvenTokensPerMonth() / 1e6 * contribution, 1e-6 * Math.max(1, fixed));
        }
    }

    @Test
    void noBreakEvenWhenEveryTokenLosesMoney() {
        BreakEven breakEven = BreakEven.of(1000, -0.5, 1500, 1e12, true, null, null);
        assertNull(breakEven.breakEvenTokensPerMonth());
        assertFalse(breakEven.withinCapacity());
    }

    @Test
    void fixedFleetBreaksEvenOnlyWithinItsCapacity() {
        assertFalse(BreakEven.of(100_000, 2, 1500, 1e10, false, null, null).withinCapacity());
        assertTrue(BreakEven.of(100_000, 2, 1500, 1e11, false, null, null).withinCapacity());
    }

    @Test
    void eachTierBreaksEvenOnItsOwnContributionAndAFreeTierNever() {
        TierEconomics free = new TierEconomics("Free", 0.6, 6e6, 6e9, 1, 0, 0, 3000, -3000, null, -0.5);
        TierEconomics pro = new TierEconomics("Pro", 0.4, 4e6, 4e9, 1, 8, 32_000, 2000, 30_000, 93.75, 7.5);
        BreakEven breakEven = BreakEven.of(100_000, 2.7, 1500, 1e12, true, null, null, java.util.List.of(free, pro));
        assertEquals(2, breakEven.tiers().size());
        assertNull(breakEven.tiers().get(0).breakEvenTokensPerMonth(), "every free token loses money");
        TierBreakEven proAlone = breakEven.tiers().get(1);
        assertEquals("Pro", proAlone.name());
        assertEquals(100_000, proAlone.breakEvenTokensPerMonth() / 1e6 * 7.5, 1e-6);
        assertEquals(proAlone.breakEvenTokensPerMonth() / 1500 / BreakEven.SECONDS_PER_MONTH, proAlone.breakEvenRequestsPerSecond(), 1e-9);
        assertTrue(proAlone.breakEvenTokensPerMonth() < breakEven.breakEvenTokensPerMonth(),
                "the paying tier alone breaks even sooner than the blend that carries free users");
    }
}
