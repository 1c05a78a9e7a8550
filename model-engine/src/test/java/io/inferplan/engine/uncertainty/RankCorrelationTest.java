package io.inferplan.engine.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void monotoneIsOneTiesShareRanksConstantIsZero() {
        assertEquals(1, RankCorrelation.of(new double[]{1, 2, 3, 4}, new double[]{1, 8, 27, 64}), 1e-12);
        assertEquals(-1, RankCorrelation.of(new double[]{1, 2, 3, 4}, new double[]{4, 3, 2, 1}), 1e-12);
        assertArrayEquals(new double[]{1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[]{1, 5, 5, 9}), 1e-12);
        assertEquals(0, RankCorrelation.of(new double[]{1, 1, 1}, new double[]{1, 2, 3}), 1e-12);
        // Hand-computed: ranks x 1,2,3,4,5 and y 2,1,4,3,5: rho = 1 - 6*4/(5*24) = 0.8.
        assertEquals(0.8, RankCorrelation.of(new double[]{10, 20, 30, 40, 50}, new double[]{2, 1, 4, 3, 5}), 1e-12);
    }
}
