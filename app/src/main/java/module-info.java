/** The InferPlan desktop app and its command line. */
module io.inferplan.app {
    requires io.inferplan.engine;
    requires io.inferplan.catalog;
    requires javafx.controls;
    requires javafx.fxml;
    requires info.picocli;

    exports io.inferplan.app;
    opens io.inferplan.app to info.picocli, javafx.fxml;
    opens io.inferplan.app.cli to info.picocli;
}
