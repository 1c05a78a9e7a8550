package io.inferplan.report.content;

import io.inferplan.report.document.Block;
import io.inferplan.report.document.Section;
import java.util.ArrayList;
import java.util.List;

/** One scenario's sections, in the order a reader deciding on it needs them. */
final class ScenarioSections {
    static final String SUMMARY = "Summary";
    static final String KEY_FIGURES = "Key figures";
    static final String CHARTS = "Charts";
    static final String SEARCH = "Best configurations";
    static final String INPUTS = "Inputs";
    static final String HARDWARE = "Hardware";
    static final String ERROR_BANDS = "Error bands";

    private ScenarioSections() {
    }

    /** @param prefix put before each heading ("" for a report of one scenario, the scenario's name in a comparison) */
    static List<Section> of(ScenarioFacts facts, String prefix) {
        List<Section> sections = new ArrayList<>();
        sections.add(summary(facts, prefix + SUMMARY));
        if (facts.analysis().hasRoutes()) {
            sections.add(RouteSection.of(facts.analysis().routes(), prefix + RouteSection.ROUTES));
        }
        sections.add(new Section(prefix + KEY_FIGURES, KeyFigures.of(facts),
                Block.Paragraph.note("Steady-state figures, the same as `inferplan evaluate` prints; the fleet the serving "
                        + "simulator sizes at the latency targets is the row \"GPUs sized by simulation\".")));
        sections.add(new Section(prefix + CHARTS, ReportCharts.of(facts)));
        if (facts.search() != null && !facts.search().configurations().isEmpty()) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(Block.Paragraph.of("The configuration search over every priced part of the catalog ("
                    + facts.search().searched() + " configurations), ranked by cost per million output tokens among those "
                    + "meeting the latency targets; those missing them follow. Each part at the catalog's cheapest on-demand rate "
                    + "(owned scenarios: its cheapest purchase price), or your own price where set."));
            blocks.add(TopConfigurations.of(facts));
            Block.Chart frontier = ReportCharts.frontier(facts);
            if (frontier != null) {
                blocks.add(frontier);
            }
            sections.add(new Section(prefix + SEARCH, blocks));
        }
        List<Block> inputs = new ArrayList<>();
        inputs.add(InputRows.of(facts.json()));
        List<String> sources = InputRows.sources(facts.json());
        if (!sources.isEmpty()) {
            inputs.add(Block.Paragraph.of("Sources given in the scenario:"));
            inputs.add(new Block.Table(List.of("#", "Source"), numbered(sources), List.of(0.05, 0.95), List.of(true, false)));
        }
        sections.add(new Section(prefix + INPUTS, inputs));
        sections.add(HardwareFigures.of(facts, prefix + HARDWARE));
        sections.add(ErrorBandRows.of(facts, prefix + ERROR_BANDS));
        return sections;
    }

    static Section summary(ScenarioFacts facts, String heading) {
        List<Block> blocks = new ArrayList<>();
        String sentence = SummarySentence.of(facts.result(), facts.acceleratorName(), facts.analysis());
        if (facts.analysis().hasRoutes()) {
            blocks.add(Block.Paragraph.of(RouteSection.sentence(facts.analysis().routes())));
            sentence = "Unrouted baseline, all traffic on the top-level deployment: " + sentence;
        }
        blocks.add(Block.Paragraph.of(sentence));
        String description = facts.result().description();
        if (description != null && !description.isBlank()) {
            blocks.add(Block.Paragraph.note(description.strip()));
        }
        facts.result().notes().forEach(note -> blocks.add(Block.Paragraph.note("Note: " + note)));
        return new Section(heading, blocks);
    }

    private static List<List<String>> numbered(List<String> items) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(List.of(Integer.toString(i + 1), items.get(i)));
        }
        return rows;
    }
}
