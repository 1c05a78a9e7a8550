/**
 * What the pages and the report draw, without a window: the scenario analyzer with its result records, and the
 * JFreeChart builders. No JavaFX here, so that a report can be printed on a headless server.
 */
module io.inferplan.analysis {
    requires transitive io.inferplan.engine;
    requires transitive io.inferplan.catalog;
    requires io.inferplan.cli;
    requires transitive java.desktop;
    requires transitive org.jfree.jfreechart;
    requires org.jfree.svg;
    requires com.fasterxml.jackson.databind;

    exports io.inferplan.analysis;
    exports io.inferplan.analysis.charts;
}
