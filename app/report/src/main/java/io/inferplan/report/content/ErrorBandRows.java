package io.inferplan.report.content;

import io.inferplan.cli.text.Formats;
import io.inferplan.engine.perf.ErrorBand;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import io.inferplan.report.document.Block;
import io.inferplan.report.document.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the figures can be trusted and what that rests on: the performance model's band for throughput, TTFT and
 * TPOT (from held-out published measurements, docs/performance-model.md), the simulator's capacity band, and where
 * the scenario has distributions, the Monte Carlo spread.
 */
final class ErrorBandRows {
    private ErrorBandRows() {
    }

    static Section of(ScenarioFacts facts, String heading) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of("Each band is the error that 80% of held-out predictions stayed within when the model was "
                + "checked against published measurements of the same accelerator family and serving stack; where no "
                + "measurement covers the case the band is widened, and the reason is given."));
        List<List<String>> rows = new ArrayList<>();
        var bands = facts.errorBands();
        if (bands != null) {
            rows.add(row("Throughput", bands.throughput()));
            rows.add(row("Time to first token (TTFT)", bands.ttft()));
            rows.add(row("Time per output token (TPOT)", bands.tpot()));
        }
        var sizing = facts.analysis().sizing();
        if (sizing != null && sizing.capacity().reachable()) {
            var c = sizing.capacity();
            rows.add(List.of("Simulated capacity per replica", "±" + Math.round(c.bandPercent()) + "%",
                    Formats.number(c.bandLowRequestsPerSecond()) + "–" + Formats.number(c.bandHighRequestsPerSecond())
                            + " requests/s over " + c.replications() + " seeds of " + Formats.number(c.requestsPerReplication())
                            + " requests each, at " + c.targets().describe()));
        }
        blocks.add(new Block.Table(List.of("Figure", "Band", "What it rests on"), rows, List.of(0.27, 0.12, 0.61), List.of(false, true, false)));
        UncertaintyResult u = facts.uncertainty();
        if (u != null) {
            blocks.add(Block.Paragraph.of("Monte Carlo over the scenario's distributions and the standard ranges (docs/uncertainty.md): "
                    + u.validDraws() + " draws, seed " + u.seed() + "."));
            List<List<String>> spread = new ArrayList<>();
            spread.add(percentiles("Operating profit per month", u.operatingProfitUsdPerMonth(), true));
            spread.add(percentiles("Cost per million output tokens", u.costPerMillionOutputTokensUsd(), true));
            spread.add(percentiles("GPUs needed", u.gpusRequired(), false));
            spread.add(List.of("Chance of breaking even", "", "", Formats.percent(u.probabilityOfBreakEven())));
            blocks.add(new Block.Table(List.of("Figure", "p10", "p50", "p90"), spread, List.of(0.4, 0.2, 0.2, 0.2),
                    List.of(false, true, true, true)));
        }
        return new Section(heading, blocks);
    }

    private static List<String> row(String figure, ErrorBand band) {
        StringBuilder basis = new StringBuilder(band.basis());
        if (band.measurementCount() > 0) {
            basis.append(" (").append(band.measurementCount()).append(" measurements)");
        }
        return List.of(figure, "±" + Math.round(band.expectedErrorPercent()) + "%", basis.toString());
    }

    private static List<String> percentiles(String figure, UncertaintyResult.Percentiles p, boolean usd) {
        return List.of(figure, usd ? Formats.usd(p.p10()) : Formats.number(p.p10()), usd ? Formats.usd(p.p50()) : Formats.number(p.p50()),
                usd ? Formats.usd(p.p90()) : Formats.number(p.p90()));
    }
}
