package io.inferplan.report.document;

import java.util.List;

/**
 * A report as a plain document, before any page or markup: what the PDF and the HTML renderers both draw, so that
 * tests can check its content without parsing either.
 *
 * @param title     the scenario's name (or "Comparison of N scenarios")
 * @param titleLines the lines under the title: date, InferPlan version, what the figures come from
 */
public record ReportDocument(String title, List<String> titleLines, List<Section> sections) {
    public ReportDocument {
        titleLines = List.copyOf(titleLines);
        sections = List.copyOf(sections);
    }

    /** Every chart in the document, in reading order. */
    public List<Block.Chart> charts() {
        return sections.stream().flatMap(s -> s.blocks().stream()).filter(b -> b instanceof Block.Chart)
                .map(b -> (Block.Chart) b).toList();
    }

    /** The section with this heading, if there is one. */
    public java.util.Optional<Section> section(String heading) {
        return sections.stream().filter(s -> s.heading().equals(heading)).findFirst();
    }
}
