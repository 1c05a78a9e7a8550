package io.inferplan.app.shell;

import io.inferplan.app.charts.ChartStyle;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.results.EvaluationService;
import io.inferplan.app.results.ScenarioAnalyzer;
import io.inferplan.catalog.AcceleratorCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The part of the app that needs no database: the open scenario, its evaluation against the catalog in use, and
 * the theme. It exists before the workspace is open, so the dashboard can be built while the databases open;
 * {@link AppContext} adds the stores and hands it the user's catalog and prices once they are read.
 */
public final class AppCore {
    private final ScenarioSession session = new ScenarioSession();
    private final AtomicReference<AcceleratorCatalog> catalog;
    private final AtomicReference<Map<String, Double>> ownRates = new AtomicReference<>(Map.of());
    private final ScenarioAnalyzer analyzer;
    private final EvaluationService evaluation;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final List<Runnable> catalogListeners = new CopyOnWriteArrayList<>();

    public AppCore(AcceleratorCatalog catalog) {
        this.catalog = new AtomicReference<>(catalog);
        this.analyzer = new ScenarioAnalyzer(this.catalog::get, ownRates::get);
        this.evaluation = new EvaluationService(analyzer);
    }

    /** Until the user's catalog is read, the bundled one. */
    public static AppCore withBundledCatalog() {
        return new AppCore(AcceleratorCatalog.bundled());
    }

    /** The catalog the app evaluates against: bundled entries with the user's own over them. */
    public AcceleratorCatalog catalog() {
        return catalog.get();
    }

    /** Switches to another catalog (from any thread) and tells the listeners, on the caller's thread. */
    void useCatalog(AcceleratorCatalog next) {
        if (catalog.getAndSet(next) != next) {
            catalogListeners.forEach(Runnable::run);
        }
    }

    /** Called after every catalog change, on the thread that made it. */
    public void onCatalogChanged(Runnable listener) {
        catalogListeners.add(listener);
    }

    /** The user's own $/GPU-hour per accelerator id, used over the catalog's rates. */
    void useOwnRates(Map<String, Double> rates) {
        ownRates.set(Map.copyOf(rates));
    }

    public ScenarioSession session() {
        return session;
    }

    /**
     * What renting one GPU of this part costs per hour: the user's own price, else the catalog's cheapest
     * on-demand quote; empty when neither exists.
     */
    public java.util.Optional<io.inferplan.app.editor.PartRate> rentalRate(String acceleratorId) {
        return rentalRates(acceleratorId).stream().findFirst();
    }

    /**
     * Every known hourly price of this part, the one a change of part takes first: the user's own, then the
     * catalog's on-demand quotes from the cheapest, then its other rental quotes (committed, spot).
     */
    public java.util.List<io.inferplan.app.editor.PartRate> rentalRates(String acceleratorId) {
        java.util.List<io.inferplan.app.editor.PartRate> rates = new java.util.ArrayList<>();
        if (acceleratorId == null) {
            return rates;
        }
        Double own = ownRates.get().get(acceleratorId);
        if (own != null) {
            rates.add(new io.inferplan.app.editor.PartRate(own, "your price"));
        }
        catalog.get().find(acceleratorId).ifPresent(entry -> entry.prices().stream()
                .filter(quote -> quote.kind().isRental() && quote.usdPerGpuHour() != null)
                .sorted(java.util.Comparator.comparing((io.inferplan.catalog.PriceQuote q) -> q.kind() != io.inferplan.catalog.PriceKind.CLOUD_ON_DEMAND)
                        .thenComparingDouble(io.inferplan.catalog.PriceQuote::usdPerGpuHour))
                .forEach(quote -> rates.add(new io.inferplan.app.editor.PartRate(quote.usdPerGpuHour(),
                        "catalog: " + quote.provider() + (quote.asOf() == null || quote.asOf().isBlank() ? "" : ", " + quote.asOf())))));
        return rates;
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
}
