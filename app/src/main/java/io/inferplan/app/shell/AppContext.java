package io.inferplan.app.shell;

import io.inferplan.app.theme.Theme;

import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.evaluation.EvaluationService;
import io.inferplan.analysis.ScenarioAnalyzer;
import io.inferplan.app.scenarios.ScenarioListViewModel;
import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.app.workspace.WorkspaceStore;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.store.CatalogStore;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ObjectProperty;

/**
 * The app's services, built once at start and handed to the views (constructor injection, no globals): the
 * workspace and the user's catalog store, over the {@link AppCore} (open scenario, evaluation, theme).
 */
public final class AppContext implements AutoCloseable {
    private final AppCore core;
    private final WorkspaceStore store;
    private final ScenarioListViewModel scenarios;
    /** The user's catalog entries and profile runs (shared with the command line); null if it could not be opened. */
    private final CatalogStore catalogStore;

    private io.inferplan.app.workspace.WorkspaceRecovery recovery;

    /** How the workspace was recovered at this start, when its file could not be read. */
    public java.util.Optional<io.inferplan.app.workspace.WorkspaceRecovery> recovery() {
        return java.util.Optional.ofNullable(recovery);
    }

    private AppContext(AppCore core, WorkspaceStore store, CatalogStore catalogStore) {
        this.core = core;
        this.store = store;
        this.catalogStore = catalogStore;
        this.scenarios = new ScenarioListViewModel(store, core.tasks(), AppContext::aMomentLater);
    }

    /** A quarter of a second later, on the FX thread (called on it): after the edit's result is on screen. */
    private static void aMomentLater(Runnable work) {
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
        pause.setOnFinished(event -> work.run());
        pause.play();
    }

    /** Opens the workspace in {@code dataDirectory}, seeding the samples on first start. Call off the FX thread. */
    public static AppContext open(Path dataDirectory) {
        return open(dataDirectory, AppCore::withBundledCatalog);
    }

    /**
     * Opens the workspace for a core made elsewhere (the app makes it on the FX thread and builds the dashboard on
     * it meanwhile); {@code core} is asked for it once the databases are open. Call off the FX thread.
     */
    public static AppContext open(Path dataDirectory, java.util.function.Supplier<AppCore> core) {
        // The two databases migrate independently: open the catalog's beside the workspace's.
        java.util.concurrent.CompletableFuture<CatalogStore> catalogStore =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> openCatalogStore(dataDirectory));
        WorkspaceStore.Opened opened = WorkspaceStore.openWithBackups(dataDirectory);
        WorkspaceStore store = opened.store();
        if (store.isNew()) {
            var samples = SampleLibrary.samples();
            store.createAll(samples.isEmpty() ? java.util.List.of(Map.entry("New scenario", SampleLibrary.newScenarioJson())) : samples);
        }
        AppCore made;
        try {
            made = core.get();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        AppContext context = new AppContext(made, store, catalogStore.join());
        context.recovery = opened.recovery();
        context.reloadCatalog();
        context.reloadOwnPrices();
        return context;
    }

    /** A broken catalog database must not keep the workspace from opening: the bundled catalog still works. */
    private static CatalogStore openCatalogStore(Path dataDirectory) {
        try {
            return CatalogStore.open(dataDirectory);
        } catch (RuntimeException e) {
            System.err.println("InferPlan: your own catalog entries could not be read (" + e.getMessage() + "); using the bundled catalog");
            return null;
        }
    }

    /** The catalog the app evaluates against: bundled entries with the user's own over them. */
    public AcceleratorCatalog catalog() {
        return core.catalog();
    }

    public java.util.Optional<CatalogStore> catalogStore() {
        return java.util.Optional.ofNullable(catalogStore);
    }

    /** Re-reads the user's catalog entries after one was saved or reset. Call off the FX thread. */
    public void reloadCatalog() {
        if (catalogStore != null) {
            core.inputs().useCatalog(catalogStore.catalog());
        }
    }

    /** Re-reads the user's own prices after one was set or reset. Call off the FX thread. */
    public void reloadOwnPrices() {
        core.inputs().useOwnPrices(OwnPrice.rates(store.ownPrices()));
    }

    public AppCore core() {
        return core;
    }

    public WorkspaceStore store() {
        return store;
    }

    public ScenarioListViewModel scenarios() {
        return scenarios;
    }

    public ScenarioSession session() {
        return core.session();
    }

    public ScenarioAnalyzer analyzer() {
        return core.analyzer();
    }

    public EvaluationService evaluation() {
        return core.evaluation();
    }

    public ObjectProperty<Theme> themeProperty() {
        return core.themeProperty();
    }

    public ChartStyle chartStyle() {
        return core.chartStyle();
    }

    @Override
    public void close() {
        store.close();
    }
}
