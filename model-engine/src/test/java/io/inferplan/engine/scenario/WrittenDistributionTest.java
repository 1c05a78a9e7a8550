package io.inferplan.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A distribution written by an editor reads back as the same distribution, and a plain number as none. */
class WrittenDistributionTest {
    @Test
    void everyKindRoundTripsThroughItsJson() {
        for (Distribution d : List.of(new Distribution.Uniform(1, 3), new Distribution.Triangular(2.5, 2.99, 3.6),
                new Distribution.Normal(0.02, 0.06, -0.05, null), new Distribution.LogNormal(0.8, 1.25, null, 2.0))) {
            var written = UncertainNumbers.written(UncertainNumbers.toJson(d), "cost.usdPerGpuHour").orElseThrow();
            assertEquals(d, written.distribution(), d.describe());
            assertEquals(d.value(), written.value(), 1e-12);
        }
    }

    @Test
    void aPlainNumberIsNoDistributionAndAMalformedOneNamesTheField() throws Exception {
        assertTrue(UncertainNumbers.written(JsonSupport.mapper().readTree("2.99"), "cost.usdPerGpuHour").isEmpty());
        var bad = JsonSupport.mapper().readTree("{\"distribution\": \"triangular\", \"min\": 3, \"mode\": 2, \"max\": 4}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UncertainNumbers.written(bad, "cost.usdPerGpuHour"));
        assertTrue(e.field().startsWith("cost.usdPerGpuHour"), e.field());
    }
}
