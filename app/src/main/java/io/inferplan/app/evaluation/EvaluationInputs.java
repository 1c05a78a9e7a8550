package io.inferplan.app.evaluation;

import io.inferplan.analysis.RentalRates;

import io.inferplan.catalog.AcceleratorCatalog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an evaluation reads besides the scenario document: the catalog in use (bundled entries with the user's own
 * over them) and the user's own prices. Either may be swapped from any thread; a swap that changes something is
 * published on {@link InputChanges}, so nobody has to remember to ask for a new evaluation.
 */
public final class EvaluationInputs {
    private final AtomicReference<AcceleratorCatalog> catalog;
    private final AtomicReference<Map<String, Double>> ownUsdPerGpuHour = new AtomicReference<>(Map.of());
    private final InputChanges changes;

    public EvaluationInputs(AcceleratorCatalog catalog, InputChanges changes) {
        this.catalog = new AtomicReference<>(catalog);
        this.changes = changes;
    }

    public AcceleratorCatalog catalog() {
        return catalog.get();
    }

    public Map<String, Double> ownUsdPerGpuHour() {
        return ownUsdPerGpuHour.get();
    }

    public RentalRates rentalRates() {
        return new RentalRates(catalog.get(), ownUsdPerGpuHour.get());
    }

    public InputChanges changes() {
        return changes;
    }

    public void useCatalog(AcceleratorCatalog next) {
        if (catalog.getAndSet(next) != next) {
            changes.publish(InputChange.CATALOG);
        }
    }

    public void useOwnPrices(Map<String, Double> usdPerGpuHour) {
        Map<String, Double> next = Map.copyOf(usdPerGpuHour);
        if (!ownUsdPerGpuHour.getAndSet(next).equals(next)) {
            changes.publish(InputChange.OWN_PRICES);
        }
    }
}
