package io.inferplan.analysis.charts;

import io.inferplan.analysis.AcceleratorCostCoverage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CostByAcceleratorChartTest {
    @Test
    void theSubtitleStatesTheBasisAndWhatIsLeftOut() {
        String basis = "steady state, each part at its best layout · ★ this scenario";
        assertEquals(basis, CostByAcceleratorChart.subtitle(AcceleratorCostCoverage.NONE, 0));
        assertEquals(basis + "\nnot shown: 4 dearer (from $8.21), 23 without a price (Catalog page), 2 too small",
                CostByAcceleratorChart.subtitle(new AcceleratorCostCoverage(2, 23, 4, 8.214), 0));
        assertEquals(basis + "\nnot shown: 20 more without a price (Catalog page)",
                CostByAcceleratorChart.subtitle(new AcceleratorCostCoverage(0, 23, 0, 0), 3), "three are listed as rows");
    }

    @Test
    void theCheapestSixAreDrawnWithTheScenariosOwnPartAlwaysAmongThem() {
        var rows = new java.util.ArrayList<io.inferplan.analysis.AcceleratorCost>();
        for (int i = 0; i < 12; i++) {
            rows.add(new io.inferplan.analysis.AcceleratorCost("Part " + i, "×1 TP1 fp8", 0.1, 1 + i, i == 10, true));
        }
        var shown = CostByAcceleratorChart.shownRows(rows);
        assertEquals(6, shown.size());
        assertEquals("Part 10", shown.get(5).accelerator(), "the scenario's own part replaces the dearest shown");
        var chart = CostByAcceleratorChart.build(rows, AcceleratorCostCoverage.NONE, java.util.List.of(), ChartStyle.light());
        String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText();
        assertEquals(true, subtitle.endsWith("not shown: 6 dearer (from $6.00)"), subtitle);
    }

    @Test
    void partsWithoutAPriceAreListedNotDroppedAndEachBarNamesItsConfiguration() {
        var rows = java.util.List.of(new io.inferplan.analysis.AcceleratorCost("NVIDIA H100 SXM5 80GB", "×2 TP2 fp8 vLLM", 0.2, 1.5, true, true));
        var chart = CostByAcceleratorChart.build(rows, new AcceleratorCostCoverage(0, 2, 0, 0),
                java.util.List.of("NVIDIA B200 180GB", "AMD Instinct MI355X", "NVIDIA A100 40GB"), ChartStyle.light());
        var data = chart.getCategoryPlot().getDataset();
        assertEquals(java.util.List.of("★ H100 SXM5 80GB", "no price: B200 180GB", "no price: MI355X"), data.getColumnKeys());
        assertEquals(null, data.getValue("Output", "no price: B200 180GB"));
        var renderer = chart.getCategoryPlot().getRenderer();
        assertEquals("$1.50", renderer.getSeriesItemLabelGenerator(0).generateLabel(data, 0, 0));
        var axis = (CostByAcceleratorChart.ConfigurationAxis) chart.getCategoryPlot().getDomainAxis();
        assertEquals("×2 TP2 fp8 vLLM", axis.configurationOf("★ H100 SXM5 80GB"));
    }

    @Test
    void labelsDropTheVendorButKeepTheProduct() {
        assertEquals("GH200 Grace Hopper 96GB", CostByAcceleratorChart.shortName("NVIDIA GH200 Grace Hopper 96GB"));
        assertEquals("MI300X", CostByAcceleratorChart.shortName("AMD Instinct MI300X"));
        assertEquals("Trainium2", CostByAcceleratorChart.shortName("AWS Trainium2"));
        assertEquals("NVIDIA", CostByAcceleratorChart.shortName("NVIDIA"));
    }
}
