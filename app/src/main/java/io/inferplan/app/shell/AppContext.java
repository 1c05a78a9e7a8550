package io.inferplan.app.shell;

import io.inferplan.app.charts.ChartStyle;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.results.EvaluationService;
import io.inferplan.app.results.ScenarioAnalyzer;
import io.inferplan.app.scenarios.ScenarioListViewModel;
import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.app.workspace.SampleLibrary;
import io.inferplan.app.workspace.WorkspaceStore;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.store.CatalogStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The app's services, built once at start and handed to the views (constructor injection, no globals): the
 * workspace, the open scenario, the evaluation and the theme.
 */
public final class AppContext implements AutoCloseable {
    private final WorkspaceStore store;
    private final ScenarioListViewModel scenarios;
    private final ScenarioSession session = new ScenarioSession();
    private final ScenarioAnalyzer analyzer;
    private final EvaluationService evaluation;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final AtomicReference<Map<String, Double>> ownRates = new AtomicReference<>(Map.of());
    private final AtomicReference<AcceleratorCatalog> catalog = new AtomicReference<>();
    /** The user's catalog entries and profile runs (shared with the command line); null if it could not be opened. */
    private final CatalogStore catalogStore;

    private AppContext(WorkspaceStore store, CatalogStore catalogStore) {
        this.store = store;
        this.catalogStore = catalogStore;
        this.catalog.set(catalogStore == null ? AcceleratorCatalog.bundled() : catalogStore.catalog());
        this.scenarios = new ScenarioListViewModel(store);
        this.analyzer = new ScenarioAnalyzer(catalog::get, ownRates::get);
        this.evaluation = new EvaluationService(analyzer);
    }

    /** Opens the workspace in {@code dataDirectory}, seeding the samples on first start. Call off the FX thread. */
    public static AppContext open(Path dataDirectory) {
        // The two databases migrate independently: open the catalog's beside the workspace's.
        java.util.concurrent.CompletableFuture<CatalogStore> catalogStore =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> openCatalogStore(dataDirectory));
        WorkspaceStore store = WorkspaceStore.open(dataDirectory);
        if (store.isNew()) {
            var samples = SampleLibrary.samples();
            store.createAll(samples.isEmpty() ? java.util.List.of(Map.entry("New scenario", SampleLibrary.newScenarioJson())) : samples);
        }
        AppContext context = new AppContext(store, catalogStore.join());
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
        return catalog.get();
    }

    public java.util.Optional<CatalogStore> catalogStore() {
        return java.util.Optional.ofNullable(catalogStore);
    }

    /** Re-reads the user's catalog entries after one was saved or reset. Call off the FX thread. */
    public void reloadCatalog() {
        if (catalogStore != null) {
            catalog.set(catalogStore.catalog());
        }
    }

    public void reloadOwnPrices() {
        Map<String, Double> rates = new HashMap<>();
        for (OwnPrice price : store.ownPrices().values()) {
            if (price.usdPerGpuHour() != null) {
                rates.put(price.acceleratorId(), price.usdPerGpuHour());
            }
        }
        ownRates.set(Map.copyOf(rates));
    }

    public WorkspaceStore store() {
        return store;
    }

    public ScenarioListViewModel scenarios() {
        return scenarios;
    }

    public ScenarioSession session() {
        return session;
    }

    public ScenarioAnalyzer analyzer() {
        return analyzer;
    }

    public EvaluationService evaluation() {
        return evaluation;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ChartStyle chartStyle() {
        return ChartStyle.of(theme.get());
    }

    @Override
    public void close() {
        store.close();
    }
}
