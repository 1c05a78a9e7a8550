package io.inferplan.report.content;

import io.inferplan.analysis.charts.AnalysisCharts;
import io.inferplan.analysis.charts.BreakEvenChart;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.CostBreakdownChart;
import io.inferplan.analysis.charts.CostByAcceleratorChart;
import io.inferplan.analysis.charts.LatencyCurveChart;
import io.inferplan.analysis.charts.PartFrontierChart;
import io.inferplan.analysis.charts.TornadoChart;
import io.inferplan.analysis.charts.UncertaintyFanChart;
import io.inferplan.engine.economics.GpuHourCost;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.report.document.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The report's charts, built by the same builders, from the same records, as the app's pages (DashboardCharts,
 * SensitivityView, OptimizeView, LatencyView, UncertaintyView), in the light style a printed page needs.
 */
final class ReportCharts {
    /** Height over width: wide enough for axis labels, tall enough for the bars to read. */
    static final double WIDE = 0.56;
    static final double TALL = 0.72;
    /** A bar per part and its label: the catalog's dozen parts need the height. */
    static final double BARS = 0.95;

    private ReportCharts() {
    }

    static List<Block> of(ScenarioFacts facts) {
        ChartStyle style = ChartStyle.light();
        ScenarioResult r = facts.result();
        List<Block> charts = new ArrayList<>();
        var sweep = facts.analysis().acceleratorSweep();
        if (sweep != null && !sweep.costs().isEmpty()) {
            charts.add(chart(CostByAcceleratorChart.build(sweep.costs(), sweep.coverage(), sweep.unpriced(), style), BARS));
        }
        AnalysisCharts.marginByTier(r, style).ifPresent(margins -> charts.add(chart(margins, WIDE)));
        charts.add(chart(BreakEvenChart.build(facts.breakEven(), style), WIDE));
        charts.add(chart(AnalysisCharts.projection(r, style), WIDE));
        charts.add(chart(CostBreakdownChart.build(r, style), WIDE));
        AnalysisCharts.pareto(facts.analysis(), style).ifPresent(pareto -> charts.add(chart(pareto, WIDE)));
        var sensitivity = facts.sensitivity();
        if (sensitivity != null && !sensitivity.swings().isEmpty()) {
            List<TornadoChart.Bar> bars = sensitivity.swings().stream()
                    .map(s -> new TornadoChart.Bar(s.driver().label(), s.low() - sensitivity.base(), s.high() - sensitivity.base())).toList();
            var metric = sensitivity.metric();
            charts.add(chart(TornadoChart.build(bars, metric.label(), metric.unit(), metric.isMoney(), sensitivity.step(), style), TALL));
        }
        if (facts.latencyCurve() != null) {
            charts.add(chart(LatencyCurveChart.build(facts.latencyCurve(), LatencyCurveChart.Latency.TTFT, style), WIDE));
            charts.add(chart(LatencyCurveChart.build(facts.latencyCurve(), LatencyCurveChart.Latency.TPOT, style), WIDE));
        }
        if (facts.uncertainty() != null) {
            charts.add(chart(UncertaintyFanChart.build(facts.uncertainty().monthlyOperatingProfit(), false, style), WIDE));
        }
        return charts;
    }

    /** The configuration search's frontiers, as the Optimize page draws them (the best configuration marked); null without a search. */
    static Block.Chart frontier(ScenarioFacts facts) {
        var search = facts.search();
        if (search == null || search.frontier().isEmpty() || search.configurations().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (RankedConfiguration c : search.configurations()) {
            if (!parts.contains(c.accelerator())) {
                parts.add(c.accelerator());
            }
        }
        RankedConfiguration best = search.configurations().getFirst();
        var mark = new io.inferplan.engine.optimize.FrontierPoint(best.accelerator(), best.weightPrecision(), 0,
                best.outputTokensPerSecondPerUser(), best.outputTokensPerSecondPerGpu(), best.describe());
        return chart(PartFrontierChart.build(PartFrontierChart.byPart(search.frontier(), parts), mark, ChartStyle.light()), WIDE);
    }

    static Block.Chart chart(JFreeChart chart, double aspect) {
        return new Block.Chart(chart.getTitle() == null ? "" : chart.getTitle().getText(), chart, aspect);
    }

}
