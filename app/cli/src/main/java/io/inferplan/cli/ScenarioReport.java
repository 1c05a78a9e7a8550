package io.inferplan.cli;

import io.inferplan.cli.text.CsvCells;
import io.inferplan.engine.economics.Capacity;
import io.inferplan.engine.economics.GpuHourCost;
import io.inferplan.engine.economics.ProjectionMonth;
import io.inferplan.engine.economics.TierEconomics;
import io.inferplan.engine.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Text renderings of results for the command line: a readable summary, a CSV projection and a comparison table. */
public final class ScenarioReport {
    private ScenarioReport() {
    }

    public static void summary(ScenarioResult r, PrintWriter out) {
        out.println(r.scenarioName() + "  (" + r.model() + " on " + r.accelerator() + ")");
        if (!r.description().isEmpty()) {
            out.println("  " + r.description());
        }
        out.println();
        var q = r.request();
        Capacity c = r.capacity();
        line(out, "Workload", f("%s req/s average, %s at peak; per request %s input (%s cached) + %s output + %s reasoning tokens",
                num(c.averageRequestsPerSecond()), num(c.peakRequestsPerSecond()), num(q.inputTokens()), pct(100 * q.cachedInputTokens() / q.inputTokens()),
                num(q.outputTokens()), num(q.reasoningTokens())));
        if (q.requestsPerTask() > 1) {
            line(out, "Task", f("%d calls, %s tokens, %s per task", q.requestsPerTask(), num(q.tokensPerTask()), usd(q.costPerTaskUsd())));
        }
        var p = r.replica();
        line(out, "Replica", f("%d GPU(s), batch %d: %s req/s, %s output tok/s; TTFT %s s, TPOT %s ms; limited by %s",
                c.gpusPerReplica(), p.batch(), num(p.requestsPerSecond()), num(p.outputTokensPerSecond()),
                num(p.timeToFirstTokenSeconds()), num(p.timePerOutputTokenSeconds() * 1000), p.limitedBy()));
        if (!p.errorBand().isEmpty()) {
            line(out, "", "performance " + p.errorBand());
        }
        line(out, "Capacity", f("%d replicas = %d GPUs for the peak at %s planned utilisation; average utilisation %s, headroom at peak %s",
                c.replicas(), c.gpusRequired(), pct(c.plannedUtilizationPercent()), pct(c.averageUtilizationPercent()), pct(c.headroomPercent())));
        line(out, "GPU-hour", gpuHour(r.gpuHourCost()));
        var t = r.tokenCosts();
        line(out, "Cost / M tokens", f("input %s, cached input %s, output %s, blended %s; %s per request",
                usd(t.costPerMillionInputTokensUsd()), usd(t.costPerMillionCachedInputTokensUsd()), usd(t.costPerMillionOutputTokensUsd()),
                usd(t.costPerMillionTokensBlendedUsd()), usd(t.costPerRequestUsd())));
        out.println();
        out.println(f("  %-16s %7s %14s %14s %14s %9s %14s", "Tier", "share", "revenue/mo", "cost/mo", "margin/mo", "margin", "contrib/M tok"));
        for (TierEconomics tier : r.tiers()) {
            out.println(f("  %-16s %7s %14s %14s %14s %9s %14s", clip(tier.name(), 16), pct(100 * tier.trafficShare()),
                    usd(tier.revenueUsdPerMonth()), usd(tier.servingCostUsdPerMonth()), usd(tier.grossMarginUsdPerMonth()),
                    tier.grossMarginPercent() == null ? "-" : pct(tier.grossMarginPercent()), usd(tier.contributionPerMillionTokensUsd())));
        }
        var m = r.totals();
        out.println(f("  %-16s %7s %14s %14s %14s %9s %14s", "Total", "100%", usd(m.revenueUsdPerMonth()), usd(m.servingCostUsdPerMonth()),
                usd(m.grossMarginUsdPerMonth()), m.grossMarginPercent() == null ? "-" : pct(m.grossMarginPercent()),
                usd(m.contributionPerMillionTokensUsd())));
        out.println();
        line(out, "Month", f("%s tokens; fixed costs %s; operating profit %s", num(m.tokensPerMonth()), usd(m.fixedCostsUsdPerMonth()),
                usd(m.operatingProfitUsdPerMonth())));
        var b = r.breakEven();
        line(out, "Break-even", b.breakEvenTokensPerMonth() == null
                ? "never: each token loses money at these prices"
                : f("%s tokens/month (%s req/s) covers fixed %s/month at %s contribution per M tokens%s",
                num(b.breakEvenTokensPerMonth()), num(b.breakEvenRequestsPerSecond()), usd(b.fixedCostsUsdPerMonth()),
                usd(b.contributionPerMillionTokensUsd()), b.withinCapacity() ? "" : " (beyond this fleet's capacity)"));
        if (b.tiers().size() > 1) {
            for (var tier : b.tiers()) {
                line(out, "", tier.breakEvenTokensPerMonth() == null
                        ? f("%s alone: never (%s contribution per M tokens)", tier.name(), usd(tier.contributionPerMillionTokensUsd()))
                        : f("%s alone: %s tokens/month (%s req/s)", tier.name(), num(tier.breakEvenTokensPerMonth()),
                        num(tier.breakEvenRequestsPerSecond())));
            }
        }
        var pr = r.projection();
        line(out, "Projection", f("%d months: revenue %s, costs %s, operating profit %s, up to %d GPUs",
                pr.months().size(), usd(pr.totalRevenueUsd()), usd(pr.totalCostUsd()), usd(pr.totalOperatingProfitUsd()), pr.peakGpus()));
        line(out, "", f("break-even month %s, payback month %s",
                b.breakEvenMonth() == null ? "none within the horizon" : b.breakEvenMonth().toString(),
                b.paybackMonth() == null ? "none within the horizon" : b.paybackMonth().toString()));
        for (String note : r.notes()) {
            line(out, "Note", note);
        }
        out.flush();
    }

    private static String gpuHour(GpuHourCost g) {
        if (g.rentUsd() > 0) {
            return usd(g.totalUsdPerGpuHour()) + " rented";
        }
        return f("%s owned = depreciation %s + capital %s + power %s + hosting %s + operations %s", usd(g.totalUsdPerGpuHour()),
                usd(g.depreciationUsd()), usd(g.capitalUsd()), usd(g.powerUsd()), usd(g.hostingUsd()), usd(g.operationsUsd()));
    }

    public static final List<String> CSV_COLUMNS = List.of("month", "accelerator", "demandFactor", "averageRequestsPerSecond",
            "tokensPerMonth", "gpus", "revenueUsd", "servingCostUsd", "fixedCostsUsd", "grossMarginUsd", "grossMarginPercent",
            "operatingProfitUsd", "capexUsd", "cashFlowUsd", "cumulativeCashUsd", "costPerMillionTokensUsd");

    public static void csv(ScenarioResult r, PrintWriter out) {
        out.println(String.join(",", CSV_COLUMNS));
        for (ProjectionMonth m : r.projection().months()) {
            out.println(String.join(",", Integer.toString(m.month()), csvText(m.accelerator()), d(m.demandFactor()),
                    d(m.averageRequestsPerSecond()), d(m.tokensPerMonth()), Long.toString(m.gpus()), d(m.revenueUsd()),
                    d(m.servingCostUsd()), d(m.fixedCostsUsd()), d(m.grossMarginUsd()),
                    m.grossMarginPercent() == null ? "" : d(m.grossMarginPercent()), d(m.operatingProfitUsd()), d(m.capexUsd()),
                    d(m.cashFlowUsd()), d(m.cumulativeCashUsd()), d(m.costPerMillionTokensUsd())));
        }
        out.flush();
    }

    /** Scenarios side by side: one row per figure, one column per scenario. */
    public static void comparison(List<ScenarioResult> results, PrintWriter out) {
        int width = 22;
        StringBuilder header = new StringBuilder(f("%-34s", ""));
        results.forEach(r -> header.append(f(" %" + width + "s", clip(r.scenarioName(), width))));
        out.println(header);
        row(out, "Model", results, r -> clip(r.model(), width));
        row(out, "Accelerator", results, r -> clip(r.accelerator(), width));
        row(out, "Average / peak req/s", results, r -> num(r.capacity().averageRequestsPerSecond()) + " / " + num(r.capacity().peakRequestsPerSecond()));
        row(out, "Tokens per request", results, r -> num(r.request().tokensPerRequest()));
        row(out, "GPUs required", results, r -> Integer.toString(r.capacity().gpusRequired()));
        row(out, "Average utilisation", results, r -> pct(r.capacity().averageUtilizationPercent()));
        row(out, "Limited by", results, r -> clip(r.replica().limitedBy(), width));
        row(out, "Cost per GPU-hour", results, r -> usd(r.gpuHourCost().totalUsdPerGpuHour()));
        row(out, "Cost / M input tokens", results, r -> usd(r.tokenCosts().costPerMillionInputTokensUsd()));
        row(out, "Cost / M cached input tokens", results, r -> usd(r.tokenCosts().costPerMillionCachedInputTokensUsd()));
        row(out, "Cost / M output tokens", results, r -> usd(r.tokenCosts().costPerMillionOutputTokensUsd()));
        row(out, "Cost / M tokens, blended", results, r -> usd(r.tokenCosts().costPerMillionTokensBlendedUsd()));
        row(out, "Revenue / M tokens", results, r -> usd(r.totals().revenuePerMillionTokensUsd()));
        row(out, "Revenue per month", results, r -> usd(r.totals().revenueUsdPerMonth()));
        row(out, "Serving cost per month", results, r -> usd(r.totals().servingCostUsdPerMonth()));
        row(out, "Gross margin", results, r -> r.totals().grossMarginPercent() == null ? "-" : pct(r.totals().grossMarginPercent()));
        row(out, "Operating profit per month", results, r -> usd(r.totals().operatingProfitUsdPerMonth()));
        row(out, "Break-even tokens per month", results, r -> r.breakEven().breakEvenTokensPerMonth() == null ? "never" : num(r.breakEven().breakEvenTokensPerMonth()));
        row(out, "Break-even month", results, r -> r.breakEven().breakEvenMonth() == null ? "none" : r.breakEven().breakEvenMonth().toString());
        row(out, "Payback month", results, r -> r.breakEven().paybackMonth() == null ? "none" : r.breakEven().paybackMonth().toString());
        row(out, "Profit over the projection", results, r -> usd(r.projection().totalOperatingProfitUsd()));
        out.flush();
    }

    private static void row(PrintWriter out, String label, List<ScenarioResult> results, Function<ScenarioResult, String> cell) {
        StringBuilder line = new StringBuilder(f("%-34s", label));
        results.forEach(r -> line.append(f(" %22s", cell.apply(r))));
        out.println(line);
    }

    private static void line(PrintWriter out, String label, String text) {
        out.println(f("%-16s %s", label, text));
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Dollars with sensible precision: cents for small amounts, k/M/B for large ones. */
    static String usd(double value) {
        double a = Math.abs(value);
        String sign = value < 0 ? "-" : "";
        if (a >= 1e9) {
            return sign + f("$%.2fB", a / 1e9);
        }
        if (a >= 1e6) {
            return sign + f("$%.2fM", a / 1e6);
        }
        if (a >= 10_000) {
            return sign + f("$%.1fk", a / 1e3);
        }
        if (a >= 1) {
            return sign + f("$%,.2f", a);
        }
        if (a == 0) {
            return "$0";
        }
        return sign + f("$%.4f", a);
    }

    static String num(double value) {
        double a = Math.abs(value);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e12) {
            return f("%.2fT", value / 1e12);
        }
        if (a >= 1e9) {
            return f("%.2fB", value / 1e9);
        }
        if (a >= 1e6) {
            return f("%.2fM", value / 1e6);
        }
        if (a >= 100) {
            return f("%,.0f", value);
        }
        if (a >= 1) {
            return f("%.2f", value);
        }
        return f("%.3f", value);
    }

    static String pct(double percent) {
        return f("%.0f%%", percent);
    }

    private static String d(double value) {
        // Plain notation (no 1.5E12), six decimals at most: what spreadsheets read without surprises.
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String csvText(String text) {
        return CsvCells.field(text);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
