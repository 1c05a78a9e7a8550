package io.inferplan.analysis;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.cli.search.CatalogCandidates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What renting a GPU of each part costs per hour, in one place: the user's own price wins over the catalog's, a
 * quote the user typed into the catalog wins over the bundled ones, and among the rest on-demand comes first,
 * cheapest first.
 *
 * @param ownUsdPerGpuHour the user's own price per accelerator id
 */
public record RentalRates(AcceleratorCatalog catalog, Map<String, Double> ownUsdPerGpuHour) {
    public static final String OWN = "your price";

    public RentalRates {
        ownUsdPerGpuHour = Map.copyOf(ownUsdPerGpuHour);
    }

    /**
     * The rate parts are compared at: the user's own, else the user's own on-demand quote in the catalog, else the
     * catalog's cheapest on-demand quote; empty when none exists (committed and spot quotes are not comparable
     * across parts).
     */
    public Optional<PartRate> comparisonRate(CatalogEntry entry) {
        Double own = ownUsdPerGpuHour.get(entry.id());
        if (own != null) {
            return Optional.of(new PartRate(own, OWN));
        }
        return CatalogCandidates.comparisonQuote(entry).map(quote -> new PartRate(quote.usdPerGpuHour(), CatalogCandidates.sourceOf(quote)));
    }

    /**
     * Every known hourly price of this part, the one a change of part takes first: the user's own, then the
     * catalog's on-demand quotes (the user's own first) from the cheapest, then its other rental quotes (committed,
     * spot).
     */
    public List<PartRate> all(String acceleratorId) {
        List<PartRate> rates = new ArrayList<>();
        if (acceleratorId == null) {
            return rates;
        }
        Double own = ownUsdPerGpuHour.get(acceleratorId);
        if (own != null) {
            rates.add(new PartRate(own, OWN));
        }
        catalog.find(acceleratorId).ifPresent(entry -> entry.prices().stream()
                .filter(quote -> quote.kind().isRental() && quote.usdPerGpuHour() != null)
                .sorted(Comparator.comparing((PriceQuote quote) -> quote.kind() != PriceKind.CLOUD_ON_DEMAND)
                        .thenComparing(quote -> !quote.isUsers())
                        .thenComparingDouble(PriceQuote::usdPerGpuHour))
                .forEach(quote -> rates.add(new PartRate(quote.usdPerGpuHour(), CatalogCandidates.sourceOf(quote)))));
        return rates;
    }
}
