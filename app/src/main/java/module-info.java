/** The InferPlan desktop app and its command line. */
module io.inferplan.app {
    requires io.inferplan.engine;
    requires io.inferplan.catalog;
    requires io.inferplan.samples;
    requires javafx.controls;
    requires javafx.fxml;
    requires info.picocli;
    requires com.fasterxml.jackson.dataformat.csv;

    exports io.inferplan.app;
    opens io.inferplan.app to info.picocli, javafx.fxml;
    opens io.inferplan.app.cli to info.picocli;
}
