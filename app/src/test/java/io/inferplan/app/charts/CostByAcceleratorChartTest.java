package io.inferplan.app.charts;

import io.inferplan.app.evaluation.AcceleratorCostCoverage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CostByAcceleratorChartTest {
    @Test
    void theSubtitleStatesTheBasisAndWhatIsLeftOut() {
        assertEquals("steady-state estimate, on-demand rent (your rate where set) · ★ this scenario",
                CostByAcceleratorChart.subtitle(AcceleratorCostCoverage.NONE));
        assertEquals("steady-state estimate, on-demand rent (your rate where set) · ★ this scenario\nnot shown: 4 dearer (from $8.21), 23 unpriced, 2 too small",
                CostByAcceleratorChart.subtitle(new AcceleratorCostCoverage(2, 23, 4, 8.214)));
    }

    @Test
    void labelsDropTheVendorButKeepTheProduct() {
        assertEquals("GH200 Grace Hopper 96GB", CostByAcceleratorChart.shortName("NVIDIA GH200 Grace Hopper 96GB"));
        assertEquals("MI300X", CostByAcceleratorChart.shortName("AMD Instinct MI300X"));
        assertEquals("Trainium2", CostByAcceleratorChart.shortName("AWS Trainium2"));
        assertEquals("NVIDIA", CostByAcceleratorChart.shortName("NVIDIA"));
    }
}
