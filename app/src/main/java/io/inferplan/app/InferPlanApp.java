package io.inferplan.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop window. */
public final class InferPlanApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("InferPlan");
        stage.setScene(new Scene(new StackPane(new Label("InferPlan")), 1280, 800));
        stage.show();
    }
}
