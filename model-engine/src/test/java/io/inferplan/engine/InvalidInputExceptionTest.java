package io.inferplan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Field and reason stay apart, so that a caller shows either without cutting the message up. */
class InvalidInputExceptionTest {

    @Test
    void keepsFieldAndReasonApartAndJoinsThemOnlyInTheMessage() {
        InvalidInputException e = new InvalidInputException("workload.peakRequestsPerSecond", "must be positive: was -1");
        assertEquals("workload.peakRequestsPerSecond", e.field());
        assertEquals("must be positive: was -1", e.reason());
        assertEquals("workload.peakRequestsPerSecond: must be positive: was -1", e.getMessage());
    }

    @Test
    void underAndWithFieldMoveTheFieldAndKeepTheReason() {
        InvalidInputException e = new InvalidInputException("gpusPerReplica", "must be at least 1");
        InvalidInputException moved = e.under("deployment");
        assertEquals("deployment.gpusPerReplica", moved.field());
        assertEquals("must be at least 1", moved.reason());
        assertEquals("scenario.json: deployment", e.withField("scenario.json: deployment").field());
    }

    @Test
    void anOutOfRangeValueStaysOneWhenMovedWithItsRange() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> Checks.inRange("utilization", 1.5, 0.1, 1));
        InvalidInputException moved = e.under("deployment");
        OutOfRangeException range = assertInstanceOf(OutOfRangeException.class, moved);
        assertEquals("deployment.utilization", range.field());
        assertEquals(e.reason(), range.reason());
        assertEquals(1.5, range.value());
        assertEquals(0.1, range.min());
        assertEquals(1, range.max());
    }

    @Test
    void aReasonWithALineBreakStaysOneLine() {
        InvalidInputException e = new InvalidInputException("name", "was \"a\nb\"");
        assertEquals("was \"a\\nb\"", e.reason());
        assertEquals("name: " + e.reason(), e.getMessage());
    }
}
