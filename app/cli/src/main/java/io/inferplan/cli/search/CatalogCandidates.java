package io.inferplan.cli.search;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.economics.RentalTerm;
import io.inferplan.engine.optimize.Candidate;
import io.inferplan.engine.scenario.ResolvedScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The catalog's parts as the configuration search's candidates, each with the price it is compared at: one rule for
 * {@code inferplan optimize} and the desktop app's Optimize page.
 */
public final class CatalogCandidates {
    private CatalogCandidates() {
    }

    /** The parts to search and the ones left out for want of a price (or of figures). */
    public record Parts(List<Candidate> candidates, List<String> unpriced) {
        public Parts {
            candidates = List.copyOf(candidates);
            unpriced = List.copyOf(unpriced);
        }
    }

    /**
     * The catalog's parts, filtered, each with the price it is compared at. Rented: your --price, else the
     * comparison quote ({@link #comparisonQuote}); owned: the purchase price, system share and host power per GPU
     * from the catalog with the scenario's site and finance figures. The scenario's
     * own part keeps the scenario's own price (the user's price for it), so its own deployment is a point of the search.
     */
    public static Parts parts(AcceleratorCatalog catalog, ResolvedScenario resolved, Map<String, Double> ownPrices,
                       List<String> onlyAccelerators, List<String> onlyVendors) {
        List<CatalogEntry> entries = new ArrayList<>(catalog.entries());
        if (onlyAccelerators != null && !onlyAccelerators.isEmpty()) {
            List<CatalogEntry> chosen = new ArrayList<>();
            for (String name : onlyAccelerators) {
                chosen.add(catalog.find(name.strip()).orElseThrow(() -> new InvalidInputException("--accelerators",
                        "unknown accelerator '" + name.strip() + "'; known: "
                                + catalog.entries().stream().map(CatalogEntry::id).collect(Collectors.joining(", ")))));
            }
            entries = chosen.stream().distinct().toList();
        }
        if (onlyVendors != null && !onlyVendors.isEmpty()) {
            TreeSet<String> known = catalog.entries().stream().map(e -> e.vendor().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new));
            List<String> wanted = onlyVendors.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
            for (String vendor : wanted) {
                if (!known.contains(vendor)) {
                    throw new InvalidInputException("--vendors", "unknown vendor '" + vendor + "'; one of " + String.join(", ", known));
                }
            }
            entries = entries.stream().filter(e -> wanted.contains(e.vendor().toLowerCase(Locale.ROOT))).toList();
        }
        for (String id : ownPrices.keySet()) {
            if (catalog.find(id).isEmpty()) {
                throw new InvalidInputException("--price", "unknown accelerator '" + id + "'");
            }
        }
        String scenarioPart = resolved.deployment().accelerator().id();
        CostModel scenarioCost = resolved.scenario().cost();
        Map<String, Double> mineById = ownPrices.entrySet().stream().collect(Collectors.toMap(
                e -> catalog.find(e.getKey()).orElseThrow().id(), Map.Entry::getValue, (a, b) -> b));
        List<Candidate> candidates = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            io.inferplan.engine.hardware.AcceleratorSpec accelerator;
            try {
                accelerator = entry.toSpec();
            } catch (InvalidInputException | NullPointerException e) {
                // An entry of the user's own without memory or bandwidth figures cannot be estimated; say so.
                unpriced.add(entry.id() + " (incomplete figures)");
                continue;
            }
            boolean scenarios = entry.id().equals(scenarioPart);
            Optional<Candidate> candidate = switch (scenarioCost) {
                case CostModel.Rent rent -> {
                    Double mine = mineById.get(entry.id());
                    if (mine != null) {
                        yield Optional.of(new Candidate(accelerator, new CostModel.Rent(RentalTerm.ON_DEMAND, mine, "your price"),
                                "your price"));
                    }
                    if (scenarios) {
                        yield Optional.of(new Candidate(accelerator, rent, "the scenario's price"));
                    }
                    // Committed and spot quotes are not comparable across parts: on-demand only.
                    yield comparisonQuote(entry).map(quote -> {
                        String source = sourceOf(quote);
                        return new Candidate(accelerator, new CostModel.Rent(RentalTerm.ON_DEMAND, quote.usdPerGpuHour(), source), source);
                    });
                }
                // Owned: the part's purchase price, system share and host power from the catalog, the site's
                // electricity, PUE, hosting and finance from the scenario.
                case CostModel.Own owned -> scenarios ? Optional.of(new Candidate(accelerator, owned, "the scenario's price"))
                        : entry.ownedOn(owned).map(own -> new Candidate(accelerator, own, own.source()));
            };
            if (candidate.isPresent()) {
                candidates.add(candidate.get());
            } else {
                unpriced.add(entry.id());
            }
        }
        return new Parts(candidates, unpriced);
    }

    /**
     * The catalog rate parts are compared at when the user set none: the on-demand quote of the user's own in the
     * catalog, else the cheapest on-demand quote (committed and spot quotes are not comparable across parts). The
     * desktop app's rates use the same rule.
     */
    public static Optional<PriceQuote> comparisonQuote(CatalogEntry entry) {
        return entry.preferred(PriceKind.CLOUD_ON_DEMAND);
    }

    /** "catalog: Lambda (8x H100 SXM), 2025-10": where a bundled or own catalog price comes from. */
    public static String sourceOf(PriceQuote quote) {
        return "catalog: " + quote.provider() + (quote.asOf() == null || quote.asOf().isBlank() ? "" : ", " + quote.asOf());
    }


}
