package io.inferplan.report.content;

import io.inferplan.analysis.Analysis;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.economics.TierEconomics;
import io.inferplan.engine.perf.ServingTarget;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.report.document.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The KPI table: the dashboard's tiles as rows (figure, value, detail), in the app's formats. */
final class KeyFigures {
    private KeyFigures() {
    }

    static Block.Table of(ScenarioFacts facts) {
        ScenarioResult r = facts.result();
        List<List<String>> rows = new ArrayList<>();
        var t = r.tokenCosts();
        var c = r.capacity();
        rows.add(row("Cost per million output tokens", Formats.usd(t.costPerMillionOutputTokensUsd()),
                "blended " + Formats.usd(t.costPerMillionTokensBlendedUsd()) + " per M tokens"));
        rows.add(row("Cost per million input tokens", Formats.usd(t.costPerMillionInputTokensUsd()),
                "cached " + Formats.usd(t.costPerMillionCachedInputTokensUsd()) + " per M tokens"));
        rows.add(row("GPUs needed", Integer.toString(c.gpusRequired()), c.replicas() + " × " + c.gpusPerReplica() + " " + r.accelerator()
                + " for the peak of " + Formats.number(c.peakRequestsPerSecond()) + " requests/s · average load "
                + Math.round(c.averageUtilizationPercent()) + "%"));
        rows.add(simulatedSizing(facts.analysis()));
        rows.add(row("Cost per GPU-hour", Formats.usd(r.gpuHourCost().totalUsdPerGpuHour()),
                r.gpuHourCost().rentUsd() > 0 ? "rented" : "owned: depreciation, capital, power, hosting and operations"));
        Double margin = r.totals().grossMarginPercent();
        rows.add(row("Gross margin", margin == null ? "no revenue" : percent(margin),
                Formats.usd(r.totals().grossMarginUsdPerMonth()) + " per month on revenue of "
                        + Formats.usd(r.totals().revenueUsdPerMonth()) + " per month"));
        for (TierEconomics tier : r.tiers()) {
            rows.add(row("Gross margin, " + tier.name() + " tier", tier.grossMarginPercent() == null ? "no revenue" : percent(tier.grossMarginPercent()),
                    Formats.percent(tier.trafficShare()) + " of traffic · revenue " + Formats.usd(tier.revenueUsdPerMonth())
                            + " per month, serving cost " + Formats.usd(tier.servingCostUsdPerMonth()) + " per month"));
        }
        rows.add(row("Operating profit", Formats.usd(r.totals().operatingProfitUsdPerMonth()) + " per month",
                "after fixed costs of " + Formats.usd(r.totals().fixedCostsUsdPerMonth()) + " per month"));
        Integer month = r.breakEven().breakEvenMonth();
        rows.add(row("Break-even", month == null ? "never" : "month " + month, r.breakEven().paybackMonth() == null
                ? "no payback within the " + r.projection().months().size() + "-month horizon" : "payback in month " + r.breakEven().paybackMonth()));
        rows.add(row("Profit over the projection", Formats.usd(r.projection().totalOperatingProfitUsd()),
                r.projection().months().size() + " months, up to " + r.projection().peakGpus() + " GPUs"));
        var p = r.replica();
        rows.add(row("Throughput per replica", Formats.number(p.outputTokensPerSecond()) + " tokens/s",
                Formats.number(p.outputTokensPerSecondPerGpu()) + " tokens/s per GPU at batch " + p.batch()));
        rows.add(row("Latency (mean, steady state)", "TTFT " + Formats.millis(p.timeToFirstTokenSeconds()) + " · TPOT "
                + Formats.millis(p.timePerOutputTokenSeconds()), targets(facts.analysis().latencyTargets())));
        rows.add(row("Limited by", p.limitedBy().isEmpty() ? "–" : p.limitedBy(), ""));
        rows.add(row("Performance figures", "±" + Math.round(p.expectedErrorPercent()) + "%", p.errorBand()));
        return new Block.Table(List.of("Figure", "Value", "Detail"), rows, List.of(0.27, 0.2, 0.53), List.of(false, true, false));
    }

    /** The dashboard's second step: the fleet the serving simulator sizes at the targets' percentiles. */
    private static List<String> simulatedSizing(Analysis analysis) {
        var sizing = analysis.sizing();
        if (sizing == null) {
            return row("GPUs sized by simulation", "–", "not simulated");
        }
        if (!sizing.reachable()) {
            return row("GPUs sized by simulation", "unreachable", "no arrival rate meets "
                    + sizing.capacity().targets().describe() + " in simulation; the figures here are the steady-state estimate's");
        }
        ScenarioResult s = sizing.simulated();
        int most = sizing.atBandLow() == null ? s.capacity().gpusRequired() : sizing.atBandLow().capacity().gpusRequired();
        int fewest = sizing.atBandHigh() == null ? s.capacity().gpusRequired() : sizing.atBandHigh().capacity().gpusRequired();
        String band = most == fewest ? "" : " (" + fewest + "–" + most + " within the simulation's band)";
        return row("GPUs sized by simulation", Integer.toString(s.capacity().gpusRequired()),
                s.capacity().replicas() + " × " + s.capacity().gpusPerReplica() + " at " + sizing.capacity().targets().percentilesLabel() + band
                        + "; cost per million output tokens " + Formats.usd(s.tokenCosts().costPerMillionOutputTokensUsd()));
    }

    private static String targets(ServingTarget.LatencyTargets targets) {
        if (targets == null) {
            return "no latency targets";
        }
        List<String> parts = new ArrayList<>();
        if (targets.maxTimeToFirstTokenSeconds() > 0) {
            parts.add("TTFT " + Formats.millis(targets.maxTimeToFirstTokenSeconds()) + " at " + percentileOf(targets.timeToFirstTokenPercentile()));
        }
        if (targets.maxTimePerOutputTokenSeconds() > 0) {
            parts.add("TPOT " + Formats.millis(targets.maxTimePerOutputTokenSeconds()) + " at " + percentileOf(targets.timePerOutputTokenPercentile()));
        }
        return parts.isEmpty() ? "no latency targets" : "targets: " + String.join(", ", parts);
    }

    private static String percentileOf(String percentile) {
        return percentile == null ? ServingTarget.LatencyTargets.DEFAULT_PERCENTILE : percentile;
    }

    /** A margin in percent as the dashboard's tile writes it. */
    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    private static List<String> row(String figure, String value, String detail) {
        return List.of(figure, value, detail == null ? "" : detail);
    }
}
