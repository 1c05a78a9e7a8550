package io.inferplan.report.content;

import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.ScenarioCostChart;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.EngineInfo;
import io.inferplan.engine.scenario.ScenarioResult;
import io.inferplan.report.document.Block;
import io.inferplan.report.document.ReportDocument;
import io.inferplan.report.document.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Builds the report's document: of one scenario, or of several side by side. */
public final class ReportContent {
    static final String SIDE_BY_SIDE = "Side by side";

    private ReportContent() {
    }

    public static ReportDocument scenario(ScenarioFacts facts, LocalDate date) {
        return new ReportDocument(facts.result().scenarioName(), titleLines(date, facts.result().model() + " on "
                + facts.acceleratorName()), ScenarioSections.of(facts, ""));
    }

    /** The scenarios' figures in one table and their costs in one chart, then each scenario's own sections. */
    public static ReportDocument comparison(List<ScenarioFacts> all, LocalDate date) {
        List<ScenarioResult> results = all.stream().map(ScenarioFacts::result).toList();
        List<Section> sections = new ArrayList<>();
        List<Block> summary = new ArrayList<>();
        for (ScenarioFacts facts : all) {
            summary.add(Block.Paragraph.of(facts.result().scenarioName() + ": " + SummarySentence.of(facts.result(), facts.acceleratorName(), facts.analysis())));
        }
        sections.add(new Section(ScenarioSections.SUMMARY, summary));
        sections.add(new Section(SIDE_BY_SIDE, sideBySide(all), ReportCharts.chart(ScenarioCostChart.build(results.stream()
                .map(r -> new ScenarioCostChart.Bar(r.scenarioName(), r.tokenCosts().costPerMillionOutputTokensUsd(),
                        r.tokenCosts().costPerMillionInputTokensUsd())).toList(), ChartStyle.light()), ReportCharts.TALL)));
        for (int i = 0; i < all.size(); i++) {
            String prefix = letter(i) + ". " + all.get(i).result().scenarioName() + ": ";
            sections.addAll(ScenarioSections.of(all.get(i), prefix));
        }
        String title = "Comparison of " + all.size() + " scenarios";
        return new ReportDocument(title, titleLines(date, String.join(" · ", results.stream()
                .map(ScenarioResult::scenarioName).toList())), sections);
    }

    private static List<String> titleLines(LocalDate date, String what) {
        return List.of(what, date(date) + " · "
                + EngineInfo.NAME + " " + EngineInfo.version());
    }

    /** "2 December 2026", in English whatever the machine's locale (Locale.ROOT's month names are "M12"). */
    static String date(LocalDate date) {
        String month = date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return date.getDayOfMonth() + " " + month + " " + date.getYear();
    }

    /** The rows of `inferplan compare`, one column per scenario. */
    static Block.Table sideBySide(List<ScenarioFacts> all) {
        List<ScenarioResult> results = all.stream().map(ScenarioFacts::result).toList();
        List<String> header = new ArrayList<>(List.of("Figure"));
        for (int i = 0; i < results.size(); i++) {
            header.add(letter(i) + ". " + results.get(i).scenarioName());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Model", results, ScenarioResult::model));
        List<String> accelerators = new ArrayList<>(List.of("Accelerator"));
        all.forEach(f -> accelerators.add(f.acceleratorName()));
        rows.add(accelerators);
        rows.add(row("Average / peak requests/s", results, r -> Formats.number(r.capacity().averageRequestsPerSecond()) + " / "
                + Formats.number(r.capacity().peakRequestsPerSecond())));
        rows.add(row("GPUs needed", results, r -> Integer.toString(r.capacity().gpusRequired())));
        rows.add(row("Average utilisation", results, r -> Math.round(r.capacity().averageUtilizationPercent()) + "%"));
        rows.add(row("Cost per GPU-hour", results, r -> Formats.usd(r.gpuHourCost().totalUsdPerGpuHour())));
        rows.add(row("Cost / M input tokens", results, r -> Formats.usd(r.tokenCosts().costPerMillionInputTokensUsd())));
        rows.add(row("Cost / M output tokens", results, r -> Formats.usd(r.tokenCosts().costPerMillionOutputTokensUsd())));
        rows.add(row("Cost / M tokens, blended", results, r -> Formats.usd(r.tokenCosts().costPerMillionTokensBlendedUsd())));
        rows.add(row("Revenue per month", results, r -> Formats.usd(r.totals().revenueUsdPerMonth())));
        rows.add(row("Serving cost per month", results, r -> Formats.usd(r.totals().servingCostUsdPerMonth())));
        rows.add(row("Gross margin", results, r -> r.totals().grossMarginPercent() == null ? "no revenue"
                : KeyFigures.percent(r.totals().grossMarginPercent())));
        rows.add(row("Operating profit per month", results, r -> Formats.usd(r.totals().operatingProfitUsdPerMonth())));
        rows.add(row("Break-even month", results, r -> r.breakEven().breakEvenMonth() == null ? "never" : "month " + r.breakEven().breakEvenMonth()));
        rows.add(row("Payback month", results, r -> r.breakEven().paybackMonth() == null ? "none" : "month " + r.breakEven().paybackMonth()));
        rows.add(row("Profit over the projection", results, r -> Formats.usd(r.projection().totalOperatingProfitUsd())));
        rows.add(row("Performance figures", results, r -> "±" + Math.round(r.replica().expectedErrorPercent()) + "%"));
        List<Double> widths = new ArrayList<>(List.of(0.28));
        List<Boolean> right = new ArrayList<>(List.of(false));
        for (int i = 0; i < results.size(); i++) {
            widths.add(0.72 / results.size());
            right.add(true);
        }
        return new Block.Table(header, rows, widths, right);
    }

    static String letter(int index) {
        return Character.toString('A' + index % 26);
    }

    private static List<String> row(String label, List<ScenarioResult> results, Function<ScenarioResult, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        results.forEach(r -> row.add(cell.apply(r)));
        return row;
    }
}
