/**
 * The InferPlan command line: the same engine and catalog as the desktop app, without JavaFX, so that it runs on a
 * headless server from a module path of its own.
 */
module io.inferplan.cli {
    requires io.inferplan.engine;
    requires io.inferplan.catalog;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    // Main (desktop module) dispatches to Cli; the commands are wired and filled by picocli through reflection.
    exports io.inferplan.cli;
    opens io.inferplan.cli to info.picocli;
    // Number formats, CSV cells and bounded file reads: shared with the desktop app, which has no copies of its own.
    exports io.inferplan.cli.text to io.inferplan.analysis, io.inferplan.app, io.inferplan.report;
    // The configuration search's candidates from the catalog: one pricing rule for `optimize` and the Optimize page.
    exports io.inferplan.cli.search to io.inferplan.analysis, io.inferplan.app, io.inferplan.report;
    // Subcommands from modules the command line cannot depend on (the report) come in as services.
    uses io.inferplan.cli.PluggedCommand;
}
