package io.inferplan.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A band's widenings are data the edges render, never words searched for in its basis. */
class ErrorBandTest {
    @Test
    void wideningsAddUpAndAreKeptInOrder() {
        ErrorBand measured = new ErrorBand(12, 40, "80% of 40 held-out predictions were within 12%");
        ErrorBand band = measured.widened(10, "the operating point is latency-bound").widened(15, "no measurement covers latent attention");
        assertEquals(37, band.expectedErrorPercent(), 1e-12);
        assertEquals(40, band.measurementCount());
        assertEquals(List.of(new ErrorBand.Widening(10, "the operating point is latency-bound"),
                new ErrorBand.Widening(15, "no measurement covers latent attention")), band.widenings());
        assertEquals("within 37% (40 measurements, widened by 10 points because the operating point is latency-bound, "
                + "widened by 15 points because no measurement covers latent attention)", band.summary());
        assertTrue(band.basis().startsWith(measured.basis() + "; widened by 10 points"), band.basis());
        assertEquals("within 12% (40 measurements)", measured.summary(), "an unwidened band says none");
    }

    @Test
    void anUnmeasuredBandSaysItsBasis() {
        assertEquals("expect up to 60%: physics with borrowed efficiencies", new ErrorBand(60, 0, "physics with borrowed efficiencies").summary());
    }
}
