package io.inferplan.report.document;

import java.util.List;

/** A headed part of the report (Summary, Key figures, Charts, Inputs...), its blocks in reading order. */
public record Section(String heading, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }

    public Section(String heading, Block... blocks) {
        this(heading, List.of(blocks));
    }
}
