package io.inferplan.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.perf.TestAccelerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostAtInteractivityTest {
    private final AcceleratorSpec h100 = TestAccelerators.h100();
    private final AcceleratorSpec mi300x = TestAccelerators.mi300x();
    private final List<Candidate> candidates = List.of(
            new Candidate(h100, new CostModel.Rent(RentalTerm.ON_DEMAND, 3.6, null), "test"),
            new Candidate(mi300x, new CostModel.Rent(RentalTerm.ON_DEMAND, 1.8, null), "test"));

    private FrontierPoint point(AcceleratorSpec part, int batch, double perUser, double perGpu) {
        return new FrontierPoint(part.id(), Precision.FP8, batch, perUser, perGpu, "TP1");
    }

    @Test
    void eachPartTakesItsBusiestPointThatStillReachesTheSpeedPricedAtItsGpuHour() {
        List<FrontierPoint> frontier = List.of(point(h100, 16, 90, 1000), point(h100, 64, 60, 2000), point(h100, 256, 30, 4000),
                point(mi300x, 16, 80, 500), point(mi300x, 64, 40, 1500));
        List<CostAtInteractivity.Row> rows = CostAtInteractivity.at(50, frontier, candidates);
        assertEquals(2, rows.size());
        CostAtInteractivity.Row h = rows.stream().filter(r -> r.accelerator().equals(h100.id())).findFirst().orElseThrow();
        assertEquals(64, h.batch(), "the 30 tokens/s point is busier but too slow per user");
        assertEquals(3.6 / (2000 * 3600) * 1e6, h.costPerMillionOutputTokensUsd(), 1e-12);
        CostAtInteractivity.Row m = rows.stream().filter(r -> r.accelerator().equals(mi300x.id())).findFirst().orElseThrow();
        assertEquals(16, m.batch());
        assertEquals(1.8 / (500 * 3600) * 1e6, m.costPerMillionOutputTokensUsd(), 1e-12);
        assertTrue(rows.get(0).costPerMillionOutputTokensUsd() <= rows.get(1).costPerMillionOutputTokensUsd(), "cheapest first");
    }

    @Test
    void aPartThatNeverReachesTheSpeedIsLeftOutAndTheSpeedIsValidated() {
        List<FrontierPoint> frontier = List.of(point(h100, 1, 120, 120), point(mi300x, 1, 70, 70));
        assertEquals(List.of(h100.id()), CostAtInteractivity.at(100, frontier, candidates).stream()
                .map(CostAtInteractivity.Row::accelerator).toList());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CostAtInteractivity.at(0, frontier, candidates));
        assertTrue(e.getMessage().startsWith("tokensPerSecondPerUser: must be above 0"), e.getMessage());
    }
}
