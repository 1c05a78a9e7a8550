package io.inferplan.app.ui;

import io.inferplan.app.dashboard.DashboardView;
import io.inferplan.app.shell.AppContext;
import io.inferplan.app.shell.AppCore;
import io.inferplan.app.shell.ControlsWarmUp;
import io.inferplan.app.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real main window on a workspace in a test's temporary folder, and closes it again. */
final class AppFixture implements AutoCloseable {
    final AppContext context;
    final MainWindow window;
    private final Stage stage;

    private AppFixture(AppContext context, MainWindow window, Stage stage) {
        this.context = context;
        this.window = window;
        this.stage = stage;
    }

    /** The way the app starts: core and dashboard built on the FX thread, the workspace opened off it. */
    static AppFixture open(Path dataDirectory) throws Exception {
        FxToolkit.registerPrimaryStage();
        AppCore[] core = new AppCore[1];
        DashboardView[] dashboard = new DashboardView[1];
        FxToolkit.setupFixture(() -> {
            core[0] = AppCore.withBundledCatalog();
            dashboard[0] = ControlsWarmUp.prebuildDashboard(core[0]);
        });
        AppContext context = AppContext.open(dataDirectory, () -> core[0]);
        var settings = context.store().settings();
        var scenarios = context.store().scenarios();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            window[0] = MainWindow.show(context, stage, settings, scenarios, dashboard[0]);
        });
        if (window[0].dashboard() != dashboard[0]) {
            throw new AssertionError("the window did not use the dashboard built ahead");
        }
        AppFixture fixture = new AppFixture(context, window[0], window[0].stage());
        fixture.waitUntil(() -> window[0].dashboard().chartsDrawn() > 0, "the first dashboard to be drawn");
        fixture.waitForEveryPhase();
        return fixture;
    }

    /**
     * Until the shown analysis is complete: the accelerator sweep and the simulator's sizing done (the KPI tiles
     * change once more when the sizing lands, so a test that compares tiles must start after it).
     */
    void waitForEveryPhase() throws Exception {
        waitUntil(() -> {
            var analysis = context.evaluation().analysisProperty().get();
            return analysis != null && analysis.acceleratorSweepDone() && analysis.sizingDone()
                    && !context.evaluation().runningProperty().get();
        }, "every phase of the evaluation");
    }

    void waitUntil(BooleanSupplier condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void fx(Runnable action) throws Exception {
        FxToolkit.setupFixture(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws Exception {
        FxToolkit.setupFixture(stage::close);
        context.store().flush();
        context.close();
    }
}
