/**
 * The decision report of a scenario or a comparison, as PDF (Apache PDFBox, charts drawn as vector paths through
 * pdfbox-graphics2d, fonts embedded) or self-contained HTML (inline SVG). No JavaFX: the command line writes it on a
 * headless server; the desktop app's File ▸ Export report... uses the same code.
 */
module io.inferplan.report {
    requires io.inferplan.analysis;
    requires io.inferplan.cli;
    requires io.inferplan.engine;
    requires io.inferplan.catalog;
    requires info.picocli;
    requires java.desktop;
    requires java.logging;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;
    requires org.apache.pdfbox;
    requires org.apache.fontbox;
    requires de.rototor.pdfbox.graphics2d;
    // PDFBox logs through commons-logging; an automatic module cannot say so, so it is named here to be resolved.
    requires org.apache.commons.logging;
    requires com.fasterxml.jackson.databind;

    exports io.inferplan.report;
    exports io.inferplan.report.document;
    // picocli fills the command's fields reflectively.
    opens io.inferplan.report.cli to info.picocli;

    provides io.inferplan.cli.PluggedCommand with io.inferplan.report.cli.ReportCommandProvider;
}
