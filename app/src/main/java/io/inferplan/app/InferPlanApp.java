package io.inferplan.app;

import io.inferplan.app.dashboard.DashboardView;
import io.inferplan.app.shell.AppContext;
import io.inferplan.app.shell.AppCore;
import io.inferplan.app.shell.ControlsWarmUp;
import io.inferplan.app.shell.MainWindow;
import io.inferplan.app.shell.OpenedFiles;
import io.inferplan.app.smoke.SmokeTest;
import io.inferplan.app.smoke.Timing;
import io.inferplan.catalog.DataDirectory;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The desktop window. The workspace opens on a worker thread while the FX thread builds the dashboard; the window
 * appears as soon as both are ready, and its first scenario evaluates off the FX thread.
 */
public final class InferPlanApp extends Application {
    private AppContext context;
    private DashboardView dashboard;

    @Override
    public void start(Stage stage) {
        Timing.mark("JavaFX started");
        stage.getIcons().addAll(AppIcons.all());
        java.nio.file.Path dataDirectory = SmokeTest.active() ? SmokeTest.temporaryDataDirectory() : DataDirectory.resolve();
        // The databases open on a worker while the FX thread makes the core and builds the dashboard on it. The
        // dashboard is queued first, so it has been built by the time the workspace arrives on the same thread.
        CompletableFuture<AppCore> core = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                AppCore made = AppCore.withBundledCatalog();
                core.complete(made);
                dashboard = ControlsWarmUp.prebuildDashboard(made);
                Timing.mark("dashboard built");
            } catch (RuntimeException e) {
                core.completeExceptionally(e);
            }
        });
        new io.inferplan.app.tasks.FxTaskRunner().submit(() -> {
            AppContext opened = AppContext.open(dataDirectory, core::join);
            Timing.mark("workspace open");
            return new Opened(opened, opened.store().settings(), opened.store().scenarios());
        }, opened -> {
            context = opened.context();
            MainWindow window = MainWindow.show(context, stage, opened.settings(), opened.scenarios(), dashboard);
            dashboard = null;
            OpenedFiles.take().forEach(window.controller()::importFile);
            context.recovery().ifPresent(recovery -> {
                System.err.println("InferPlan: " + recovery.message());
                window.controller().notifyError(recovery.message());
            });
            SmokeTest.register(window, context);
            Timing.windowShown();
            Timing.watchFirstDashboard(window);
            if (SmokeTest.active()) {
                SmokeTest.run(window, context);
            }
        }, error -> {
            System.err.println("InferPlan could not open its workspace in " + dataDirectory + ": " + error.getMessage());
            if (SmokeTest.active()) {
                System.exit(1);
            }
            Alert alert = new Alert(Alert.AlertType.ERROR, "InferPlan could not open its workspace in " + dataDirectory
                    + ":\n" + error.getMessage());
            alert.setHeaderText("Cannot open the workspace");
            alert.showAndWait();
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    private record Opened(AppContext context, java.util.Map<String, String> settings,
                          java.util.List<io.inferplan.app.workspace.StoredScenario> scenarios) {
    }
}
