package io.inferplan.report.content;

import io.inferplan.cli.text.Formats;
import io.inferplan.engine.optimize.RankedConfiguration;
import io.inferplan.report.document.Block;
import java.util.ArrayList;
import java.util.List;

/** The configuration search's best configurations, as `inferplan optimize` ranks them (cheapest meeting the targets first). */
final class TopConfigurations {
    static final int SHOWN = 10;

    private TopConfigurations() {
    }

    static Block.Table of(ScenarioFacts facts) {
        List<List<String>> rows = new ArrayList<>();
        int rank = 0;
        for (RankedConfiguration c : facts.search().configurations()) {
            if (++rank > SHOWN) {
                break;
            }
            rows.add(List.of(Integer.toString(rank), c.acceleratorName(), c.gpusPerReplica() + " × " + c.replicas() + " = " + c.gpusTotal(),
                    layout(c), c.weightPrecision().id() + "/" + c.kvPrecision().id() + " " + c.servingStack().displayName()
                            + (c.speculative() ? " spec" : ""),
                    Formats.usd(c.costPerMillionOutputTokensUsd()), Formats.millis(c.ttftSeconds()) + " / " + Formats.millis(c.tpotSeconds())
                            + (c.meetsLatencyTargets() ? "" : " (misses)"),
                    c.grossMarginPercent() == null ? "–" : KeyFigures.percent(c.grossMarginPercent()),
                    "±" + Math.round(c.errorBandPercent()) + "%"));
        }
        return new Block.Table(List.of("#", "Accelerator", "GPUs", "Layout", "Formats, stack", "$/M out", "TTFT / TPOT", "Margin", "Band"),
                rows, List.of(0.035, 0.165, 0.13, 0.1, 0.16, 0.085, 0.165, 0.08, 0.075),
                List.of(true, false, true, false, false, true, true, true, true));
    }

    private static String layout(RankedConfiguration c) {
        StringBuilder text = new StringBuilder("TP").append(c.tensorParallel());
        if (c.pipelineParallel() > 1) {
            text.append(" PP").append(c.pipelineParallel());
        }
        if (c.expertParallel() > 1) {
            text.append(" EP").append(c.expertParallel());
        }
        return text.toString();
    }
}
