package io.inferplan.analysis.charts;

import io.inferplan.analysis.Analysis;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The charts of an analysis, built from its records (no window needed: the dashboard draws them, the report prints
 * them and tools/benchmark-edit.sh times them). Empty where there is nothing to draw; the caller then says why.
 */
public final class AnalysisCharts {
    private AnalysisCharts() {
    }

    /** Empty when no tier brings revenue. */
    public static Optional<JFreeChart> marginByTier(ScenarioResult r, ChartStyle style) {
        List<MarginByTierChart.Row> tiers = r.tiers().stream()
                .map(t -> new MarginByTierChart.Row(t.name(), t.revenueUsdPerMonth(), t.servingCostUsdPerMonth(),
                        t.grossMarginPercent() == null ? null : t.grossMarginPercent() / 100))
                .toList();
        return tiers.stream().allMatch(t -> t.revenueUsdPerMonth() <= 0) ? Optional.empty()
                : Optional.of(MarginByTierChart.build(tiers, style));
    }

    /** Empty when the scenario has no routes (the dashboard then shows no route card). */
    public static Optional<JFreeChart> costByRoute(Analysis analysis, ChartStyle style) {
        if (!analysis.hasRoutes()) {
            return Optional.empty();
        }
        return Optional.of(CostByRouteChart.of(analysis.routes(), style));
    }

    public static JFreeChart breakEven(Analysis analysis, ChartStyle style) {
        return BreakEvenChart.build(analysis.breakEven(), style);
    }

    public static JFreeChart costBreakdown(ScenarioResult r, ChartStyle style) {
        return CostBreakdownChart.build(r, style);
    }

    public static JFreeChart projection(ScenarioResult r, ChartStyle style) {
        return ProjectionChart.build(r.projection().months().stream()
                .map(m -> new ProjectionChart.Month(m.month(), m.revenueUsd(), m.servingCostUsd() + m.fixedCostsUsd(), m.operatingProfitUsd()))
                .toList(), r.projection().breakEvenMonth(), style);
    }

    /** Empty when no batch size fits the model on the hardware. */
    public static Optional<JFreeChart> pareto(Analysis analysis, ChartStyle style) {
        ScenarioResult r = analysis.result();
        return analysis.pareto().isEmpty() ? Optional.empty() : Optional.of(ParetoChart.build(analysis.pareto(),
                analysis.operatingPoint(), r.model() + " on " + r.capacity().gpusPerReplica() + " × " + r.accelerator(), style));
    }
}
