package io.inferplan.engine.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.OutOfRangeException;
import org.junit.jupiter.api.Test;

class PowerLimitedClockTest {

    @Test
    void aPartWithItsSiblingsPowerPerFlopKeepsItsDatasheetClock() {
        assertEquals(1.0, PowerLimitedClock.sustainedShare(700, 989e12, 700, 989e12));
        // GH200: 1000 W for the module, the same tensor peak as the 700 W H100 SXM.
        assertEquals(1.0, PowerLimitedClock.sustainedShare(1000, 989e12, 700, 989e12));
        // H20: a cut-down tensor rate at 400 W needs far less than its power.
        assertEquals(1.0, PowerLimitedClock.sustainedShare(400, 148e12, 700, 989e12));
    }

    @Test
    void h100PcieHoldsAboutFourFifthsOfItsBoostClockWorkedByHand() {
        // Fixed 0.2 x 700 = 140 W; needed dynamic 560 x 756.5 / 989.4 = 428.2 W; available 350 - 140 = 210 W.
        double expected = Math.cbrt(210 / (560 * 756.5 / 989.4));
        assertEquals(expected, PowerLimitedClock.sustainedShare(350, 756.5e12, 700, 989.4e12), 1e-12);
        assertEquals(0.79, expected, 0.005);
    }

    @Test
    void lessPowerNeverRaisesTheClock() {
        double previous = 0;
        for (double watts = 160; watts <= 800; watts += 20) {
            double share = PowerLimitedClock.sustainedShare(watts, 756.5e12, 700, 989.4e12);
            assertTrue(share >= previous && share <= 1, watts + " W gives " + share);
            previous = share;
        }
        assertEquals(1.0, previous);
    }

    @Test
    void aBoardPowerBelowTheFixedPowerIsRefusedByName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PowerLimitedClock.sustainedShare(100, 756.5e12, 700, 989.4e12));
        assertEquals("boardWatts", e.field());
        assertThrows(OutOfRangeException.class, () -> PowerLimitedClock.sustainedShare(0, 756.5e12, 700, 989.4e12));
    }

    @Test
    void aCappedPartSaysSoAndAFullPowerPartSaysNothing() {
        java.util.Map<io.inferplan.engine.model.Precision, Double> flops = java.util.Map.of(io.inferplan.engine.model.Precision.BF16, 756.5e12);
        AcceleratorSpec capped = new AcceleratorSpec("h100-pcie", "NVIDIA H100 PCIe 80GB", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER,
                80.0 * (1L << 30), 2.0e12, flops, 300e9, 2, 350, false, java.util.List.of(), 0, 0.79);
        AcceleratorSpec full = new AcceleratorSpec("h100", "H100", "NVIDIA", AcceleratorFamily.NVIDIA_HOPPER,
                80.0 * (1L << 30), 3.35e12, flops, 450e9, 8, 700, false, java.util.List.of(), 0);
        assertEquals("NVIDIA H100 PCIe 80GB at 350 W holds about 79% of its datasheet tensor rate under dense matrix work "
                + "(an estimate from its board power), so compute-bound work is priced at that rate",
                PowerLimitedClock.describe(capped).orElseThrow());
        assertTrue(PowerLimitedClock.describe(full).isEmpty());
    }
}
