package io.inferplan.engine.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.inferplan.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

class GpuHourCostTest {

    /** $30k GPU + $10k server share, 4 years at 8%, 700 W + 300 W overhead, PUE 1.3, $0.10/kWh, $150/kW-month, 5% ops. */
    static CostModel.Own owned() {
        return new CostModel.Own(30_000, 10_000, 4, 0.08, 300, 1.3, 0.10, 150, 0.05, "test");
    }

    @Test
    void rentIsTheRateScaledByTheHardwarePriceFactor() {
        GpuHourCost cost = GpuHourCost.of(new CostModel.Rent(RentalTerm.ON_DEMAND, 2.5, null), 700, 0.8);
        assertEquals(2.0, cost.totalUsdPerGpuHour(), 1e-12);
        assertEquals(2.0, cost.rentUsd(), 1e-12);
        assertEquals(2.0, cost.runningUsdPerGpuHour(), 1e-12);
    }

    @Test
    void ownedBreaksDownIntoHandCheckedItems() {
        GpuHourCost cost = GpuHourCost.of(owned(), 700, 1);
        // Depreciation: 40,000 / 4 / 8,760 = 1.141553
        assertEquals(1.141553, cost.depreciationUsd(), 1e-6);
        // Annuity: 40,000 x 0.08 / (1 - 1.08^-4) = 12,076.83 a year = 1.378634 an hour; minus depreciation.
        assertEquals(0.237081, cost.capitalUsd(), 1e-6);
        // 1 kW x PUE 1.3 x $0.10
        assertEquals(0.13, cost.powerUsd(), 1e-12);
        // 1 kW x $150 / 730 h
        assertEquals(0.205479, cost.hostingUsd(), 1e-6);
        // 40,000 x 5% / 8,760
        assertEquals(0.228311, cost.operationsUsd(), 1e-6);
        assertEquals(1.942424, cost.totalUsdPerGpuHour(), 1e-6);
        assertEquals(cost.capitalUsdPerGpuHour() + cost.runningUsdPerGpuHour(), cost.totalUsdPerGpuHour(), 1e-12);
    }

    @Test
    void capitalRecoveryWithoutInterestIsStraightLine() {
        assertEquals(0.25, GpuHourCost.capitalRecoveryFactor(0, 4), 1e-12);
        assertEquals(0.301920804, GpuHourCost.capitalRecoveryFactor(0.08, 4), 1e-9);
    }

    @Test
    void rejectsImpossibleCostFigures() {
        var e = assertThrows(InvalidInputException.class, () -> new CostModel.Own(30_000, 0, 4, 0.08, 0, 0.9, 0.1, 0, 0, null));
        assertEquals("powerUsageEffectiveness", e.field());
        assertThrows(InvalidInputException.class, () -> new CostModel.Rent(RentalTerm.SPOT, Double.NaN, null));
        assertThrows(InvalidInputException.class, () -> new CostModel.Rent(RentalTerm.SPOT, -1, null));
    }

    @Test
    void reservedAndOwnedFleetsAreFixedCosts() {
        assertEquals(true, owned().fleetCostIsFixed());
        assertEquals(true, new CostModel.Rent(RentalTerm.RESERVED, 2, null).fleetCostIsFixed());
        assertEquals(false, new CostModel.Rent(RentalTerm.ON_DEMAND, 2, null).fleetCostIsFixed());
        assertEquals(false, new CostModel.Rent(RentalTerm.SPOT, 2, null).fleetCostIsFixed());
    }
}
