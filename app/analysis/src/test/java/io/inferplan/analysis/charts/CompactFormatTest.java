package io.inferplan.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompactFormatTest {
    @Test
    void ticksOfOneAxisShareOneForm() {
        assertEquals("-$10k", CompactFormat.format(-10_000, "$"));
        assertEquals("-$5k", CompactFormat.format(-5_000, "$"));
        assertEquals("$0", CompactFormat.format(0, "$"));
        assertEquals("$2.5k", CompactFormat.format(2_500, "$"));
    }

    @Test
    void everyScaleStaysShortAndLocaleFree() {
        // The suite runs in a Turkish locale: a default-locale format would write 0,25 and 1.234.
        assertEquals("950", CompactFormat.format(950, ""));
        assertEquals("1.23k", CompactFormat.format(1_234, ""));
        assertEquals("34M", CompactFormat.format(34e6, ""));
        assertEquals("5.6B", CompactFormat.format(5.6e9, ""));
        assertEquals("2.99", CompactFormat.format(2.99, ""));
        assertEquals("0.25", CompactFormat.format(0.25, ""));
        assertEquals("$0.5", CompactFormat.format(0.5, "$"));
        assertEquals("0.0313", CompactFormat.format(0.03125, ""));
    }
}
