package io.inferplan.analysis.charts;

import io.inferplan.analysis.BreakEvenCurve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class BreakEvenAndCostBreakdownChartTest {
    private final ChartStyle style = ChartStyle.light();

    @Test
    void eachTierHasItsOwnLineAndSaysWhereItAloneBreaksEven() {
        double[] x = {0, 500, 1000};
        BreakEvenCurve curve = new BreakEvenCurve(x, new double[] {0, 1000, 2000}, new double[] {600, 1100, 1600},
                1000.0, 700, List.of(new BreakEvenCurve.TierLine("Free", new double[] {0, 0, 0}, null),
                        new BreakEvenCurve.TierLine("Enterprise", new double[] {0, 20_000, 40_000}, 31.0)));
        JFreeChart chart = BreakEvenChart.build(curve, style);
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(4, data.getSeriesCount());
        assertEquals("Free alone: never breaks even", data.getSeriesKey(2));
        assertEquals("Enterprise alone: break-even 31 M", data.getSeriesKey(3));
        assertTrue(plot.getRangeAxis().getUpperBound() < 3000,
                "the axis follows the blend, a dear tier runs off the top: " + plot.getRangeAxis().getUpperBound());
    }

    @Test
    void aRentedGpuHourStillShowsWhatItBuys() {
        Map<String, Double> items = new LinkedHashMap<>();
        items.put("Rent", 2.99);
        items.put("Power", 0.0);
        JFreeChart chart = CostBreakdownChart.build(items, 60, style);
        CategoryDataset data = ((CategoryPlot) chart.getPlot()).getDataset();
        assertEquals(List.of(CostBreakdownChart.BY_ITEM, CostBreakdownChart.BY_USE), data.getColumnKeys());
        assertEquals(List.of("Rent", "Serving (avg load 60%)", "Idle headroom"), data.getRowKeys(), "zero items are left out");
        assertEquals(2.99, data.getValue("Rent", CostBreakdownChart.BY_ITEM).doubleValue(), 1e-9);
        assertEquals(2.99 * 0.6, data.getValue("Serving (avg load 60%)", CostBreakdownChart.BY_USE).doubleValue(), 1e-9);
        assertEquals(2.99 * 0.4, data.getValue("Idle headroom", CostBreakdownChart.BY_USE).doubleValue(), 1e-9);
    }

    @Test
    void theNoBreakEvenSubtitleTakesTheThemesColour() {
        ChartStyle dark = ChartStyle.dark();
        BreakEvenCurve never = new BreakEvenCurve(new double[] {0, 1}, new double[] {0, 1}, new double[] {5, 6}, null, 1, List.of());
        JFreeChart chart = BreakEvenChart.build(never, dark);
        org.jfree.chart.title.TextTitle subtitle = (org.jfree.chart.title.TextTitle) java.util.stream.IntStream.range(0, chart.getSubtitleCount())
                .mapToObj(chart::getSubtitle).filter(t -> t instanceof org.jfree.chart.title.TextTitle).findFirst().orElseThrow();
        assertEquals("revenue stays below cost over this range: no break-even", subtitle.getText());
        assertEquals(dark.muted(), subtitle.getPaint(), "readable on the dark background");
    }
}
