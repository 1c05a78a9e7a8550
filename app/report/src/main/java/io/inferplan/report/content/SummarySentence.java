package io.inferplan.report.content;

import io.inferplan.cli.text.Formats;
import io.inferplan.engine.economics.TierEconomics;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's opening paragraph in words: "Serving 50 requests/s of Llama-3.3-70B on 70 H100 GPUs costs $2.26 per
 * million output tokens; at the current prices the paid tier earns 10.0% gross margin and the plan never breaks even."
 */
public final class SummarySentence {
    private SummarySentence() {
    }

    /** @param accelerator the part's name as the catalog writes it (the result names it by its id) */
    public static String of(ScenarioResult r, String accelerator) {
        String serving = "Serving " + Formats.number(r.capacity().averageRequestsPerSecond()) + " requests/s of " + r.model()
                + " on " + r.capacity().gpusRequired() + " " + accelerator + (r.capacity().gpusRequired() == 1 ? " GPU" : " GPUs")
                + " costs " + Formats.usd(r.tokenCosts().costPerMillionOutputTokensUsd()) + " per million output tokens";
        return serving + "; at the current prices " + tiers(r) + " and " + breakEven(r) + ".";
    }

    /**
     * As above, then where the serving simulator sized the fleet differently for the latency targets' percentiles
     * (the dashboard's figures), that fleet and its cost in a second sentence: a reader must not take the
     * steady-state fleet for the one the targets need.
     */
    public static String of(ScenarioResult r, String accelerator, io.inferplan.analysis.Analysis analysis) {
        String first = of(r, accelerator);
        if (analysis == null || !analysis.simulated()) {
            return first;
        }
        var sizing = analysis.sizing();
        ScenarioResult s = sizing.simulated();
        if (s.capacity().gpusRequired() == r.capacity().gpusRequired()) {
            return first;
        }
        return first + " Sized by the serving simulator to meet the latency targets at " + sizing.capacity().targets().percentilesLabel()
                + ", the fleet is "
                + s.capacity().gpusRequired() + " GPUs at " + Formats.usd(s.tokenCosts().costPerMillionOutputTokensUsd())
                + " per million output tokens.";
    }

    private static String tiers(ScenarioResult r) {
        List<String> earning = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (TierEconomics tier : r.tiers()) {
            if (tier.grossMarginPercent() == null || tier.revenueUsdPerMonth() <= 0) {
                free.add(tier.name());
            } else {
                String verb = tier.grossMarginPercent() >= 0 ? " tier earns " : " tier loses ";
                earning.add("the " + tier.name() + verb + Formats.percent(Math.abs(tier.grossMarginPercent()) / 100) + " gross margin");
            }
        }
        if (earning.isEmpty()) {
            return "no tier brings revenue";
        }
        String text = join(earning);
        if (!free.isEmpty()) {
            text += " (" + join(free.stream().map(name -> "the " + name + " tier").toList()) + " paying nothing)";
        }
        return text;
    }

    private static String breakEven(ScenarioResult r) {
        Integer month = r.breakEven().breakEvenMonth();
        int months = r.projection().months().size();
        if (month != null) {
            return "the plan breaks even in month " + month + " of " + months;
        }
        return r.breakEven().breakEvenTokensPerMonth() == null ? "the plan never breaks even"
                : "the plan does not break even within the " + months + "-month projection";
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}
