package io.inferplan.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.catalog.CatalogEntry;
import java.util.Optional;

/**
 * Where a switch of the scenario's cost basis starts, so the user edits figures rather than fills a blank form:
 * owned hardware at the part's catalog purchase price, system share, host power and facility PUE (a typical
 * H100-class server where the catalog has none; estimates, to be replaced by a quote), or the part's own rental price.
 */
public final class CostBasisDefaults {
    /** A typical H100 hour on demand, used only when the part has no price anywhere. */
    static final double LAST_RESORT_USD_PER_GPU_HOUR = 3.0;

    private CostBasisDefaults() {
    }

    /**
     * Fills {@code cost} for owning {@code acceleratorId}: the typical server below, with the part's purchase price
     * (the user's own quote first), the system share it gives, its reference system's host power and PUE where the
     * catalog has them.
     */
    public static void ownHardware(ObjectNode cost, RentalRates rates, String acceleratorId) {
        ownHardware(cost);
        Optional<CatalogEntry> entry = acceleratorId == null ? Optional.empty() : rates.catalog().find(acceleratorId);
        if (entry.isEmpty()) {
            return;
        }
        entry.get().preferredPurchase().ifPresent(quote -> {
            cost.put("priceUsdPerGpu", Math.round(quote.purchaseUsdPerGpu().orElseThrow()));
            if (quote.serverShareUsdPerGpu() != null) {
                cost.put("serverShareUsdPerGpu", Math.round(quote.serverShareUsdPerGpu()));
            }
            cost.put("source", "catalog: " + quote.provider() + ", " + quote.asOf());
        });
        entry.get().hostWattsPerGpu().ifPresent(watts -> cost.put("serverOverheadWattsPerGpu", Math.round(watts)));
        if (entry.get().powerUsageEffectiveness() != null) {
            cost.put("powerUsageEffectiveness", entry.get().powerUsageEffectiveness().number());
        }
    }

    /** Fills {@code cost} (the scenario's "cost" object) for owned hardware: a typical H100-class server. */
    public static void ownHardware(ObjectNode cost) {
        cost.put("basis", "own");
        cost.put("priceUsdPerGpu", 30_000);
        cost.put("serverShareUsdPerGpu", 8_000);
        cost.put("depreciationYears", 4);
        cost.put("costOfCapitalPerYear", 0.08);
        cost.put("serverOverheadWattsPerGpu", 300);
        cost.put("powerUsageEffectiveness", 1.3);
        cost.put("usdPerKilowattHour", 0.10);
        cost.put("hostingUsdPerKilowattMonth", 150);
        cost.put("operationsShareOfCapexPerYear", 0.05);
    }

    /** Fills {@code cost} for renting on demand at the part's first known rate. */
    public static void rentOnDemand(ObjectNode cost, RentalRates rates, String acceleratorId) {
        cost.put("basis", "rent");
        cost.put("term", "on-demand");
        cost.put("usdPerGpuHour", rates.all(acceleratorId).stream().findFirst().map(PartRate::usdPerGpuHour)
                .orElse(LAST_RESORT_USD_PER_GPU_HOUR));
    }
}
