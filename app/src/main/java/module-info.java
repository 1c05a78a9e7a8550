/** The InferPlan desktop app; its {@code main} hands any command-line arguments to {@code io.inferplan.cli}. */
module io.inferplan.app {
    requires io.inferplan.engine;
    requires io.inferplan.catalog;
    requires io.inferplan.samples;
    requires io.inferplan.cli;
    requires io.inferplan.analysis;
    requires io.inferplan.report;
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

    exports io.inferplan.app;
    opens io.inferplan.app to javafx.fxml;
    // FXML controllers are created and injected reflectively.
    opens io.inferplan.app.shell to javafx.fxml;
    opens io.inferplan.app.scenarios to javafx.fxml;
    // Flyway instantiates the Java migrations it is given through reflection on their class.
    opens io.inferplan.app.workspace.migration to flyway.core;
}
