package io.inferplan.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class CostByRouteChartTest {
    @Test
    void eachRouteHasItsCostRevenueAndMarginAndTheTotalAddsThemUp() {
        JFreeChart chart = CostByRouteChart.build(List.of(new CostByRouteChart.Row("small 85%", 20_000, 55_000),
                new CostByRouteChart.Row("frontier 15%", 150_000, 20_000)), ChartStyle.light());
        assertEquals("Cost and margin by route", chart.getTitle().getText());
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertEquals(List.of("small 85%", "frontier 15%", "Total"), data.getColumnKeys());
        assertEquals(List.of(CostByRouteChart.COST, MarginBars.REVENUE, MarginBars.MARGIN), data.getRowKeys());
        assertEquals(170_000, data.getValue(CostByRouteChart.COST, "Total").doubleValue());
        assertEquals(-130_000, data.getValue(MarginBars.MARGIN, "frontier 15%").doubleValue());
        assertEquals("63.6%", plot.getRenderer().getItemLabelGenerator(2, 0).generateLabel(data, 2, 0));
    }

    @Test
    void aRouteWithoutRevenueSaysSo() {
        JFreeChart chart = CostByRouteChart.build(List.of(new CostByRouteChart.Row("only", 1_000, 0)), ChartStyle.dark());
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(List.of("only"), data.getColumnKeys(), "no total beside a single route");
        assertEquals("no revenue", chart.getCategoryPlot().getRenderer().getItemLabelGenerator(2, 0).generateLabel(data, 2, 0));
    }
}
