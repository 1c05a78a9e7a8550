/** The InferPlan desktop app and its command line. */
module io.inferplan.app {
    requires io.inferplan.engine;
    requires io.inferplan.catalog;
    requires io.inferplan.samples;
    requires javafx.controls;
    requires javafx.fxml;
    requires javafx.swing;
    requires java.desktop;
    requires java.sql;
    requires com.h2database;
    requires flyway.core;
    requires org.controlsfx.controls;
    requires org.jfree.jfreechart;
    requires org.jfree.chart.fx;
    requires org.jfree.svg;
    requires info.picocli;
    requires com.fasterxml.jackson.dataformat.csv;

    exports io.inferplan.app;
    opens io.inferplan.app to info.picocli, javafx.fxml;
    opens io.inferplan.app.cli to info.picocli;
    // FXML controllers are created and injected reflectively.
    opens io.inferplan.app.shell to javafx.fxml;
    opens io.inferplan.app.scenarios to javafx.fxml;
    // Flyway instantiates the Java migrations it is given through reflection on their class.
    opens io.inferplan.app.workspace.migration to flyway.core;
}
