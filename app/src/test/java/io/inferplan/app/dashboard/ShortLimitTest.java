package io.inferplan.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.perf.Bottleneck;
import org.junit.jupiter.api.Test;

/** The "Limited by" tile names the engine's bottleneck from its value, never by parsing the engine's prose. */
class ShortLimitTest {

    @Test
    void everyBottleneckHasAFewWordsOfItsOwn() {
        for (Bottleneck b : Bottleneck.values()) {
            String words = DashboardViewModel.shortLimit(b);
            assertFalse(words.isBlank(), b.name());
            assertFalse(words.contains("("), b + ": " + words);
            assertFalse(words.startsWith("the "), b + ": " + words);
            assertTrue(b.description().contains(words) || b.description().startsWith("the " + words), b + ": " + words);
        }
    }

    @Test
    void namesTheCommonOnesAndSaysNothingForNone() {
        assertEquals("memory bandwidth", DashboardViewModel.shortLimit(Bottleneck.MEMORY_BANDWIDTH));
        assertEquals("latency target", DashboardViewModel.shortLimit(Bottleneck.LATENCY_TARGET));
        assertEquals("–", DashboardViewModel.shortLimit(null));
    }
}
