package io.inferplan.app.evaluation;

import io.inferplan.analysis.CostBasisDefaults;
import io.inferplan.analysis.PartRate;
import io.inferplan.analysis.RentalRates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferplan.app.catalog.OwnEntryForm;
import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user's prices keep overriding the bundled ones, however many (and however cheap) the bundle carries. */
class RentalRatesTest {
    private static final AcceleratorCatalog BUNDLED = AcceleratorCatalog.bundled();

    /** The H100 with a quote typed into the catalog page: above every bundled on-demand rate, and a purchase price. */
    private static AcceleratorCatalog withQuote(double usdPerGpuHour, String usdPerGpu) {
        CatalogEntry h100 = BUNDLED.find("H100 SXM").orElseThrow();
        OwnEntryForm form = OwnEntryForm.from(h100);
        form = new OwnEntryForm(form.name(), form.vendor(), form.family(), form.memoryGB(), form.bandwidthGBps(), form.bf16Tflops(),
                form.fp8Tflops(), form.fp4Tflops(), form.boardPowerWatts(), usdPerGpu, Double.toString(usdPerGpuHour),
                "Quote from Supplier X, ref 42");
        return AcceleratorCatalog.merged(BUNDLED, List.of(form.toEntry(h100, LocalDate.of(2026, 12, 1))));
    }

    @Test
    void aQuoteTypedIntoTheCatalogIsTheRateEvenWhenBundledRatesAreCheaper() {
        double cheapestBundled = BUNDLED.find("H100 SXM").orElseThrow().cheapest(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour();
        double quoted = cheapestBundled + 0.75;
        RentalRates rates = new RentalRates(withQuote(quoted, ""), Map.of());
        CatalogEntry h100 = rates.catalog().find("H100 SXM").orElseThrow();

        PartRate compared = rates.comparisonRate(h100).orElseThrow();
        assertEquals(quoted, compared.usdPerGpuHour(), 1e-9);
        assertTrue(compared.source().contains("own quote"), compared.source());
        assertEquals(quoted, rates.all(h100.id()).getFirst().usdPerGpuHour(), 1e-9, "a change of part takes the quote first");
    }

    @Test
    void theOwnPriceStillWinsOverTheQuoteAndTheCatalog() {
        RentalRates rates = new RentalRates(withQuote(9.0, ""), Map.of("h100-sxm-80gb", 1.23));
        CatalogEntry h100 = rates.catalog().find("H100 SXM").orElseThrow();
        assertEquals(1.23, rates.comparisonRate(h100).orElseThrow().usdPerGpuHour());
        assertEquals(RentalRates.OWN, rates.all(h100.id()).getFirst().source());
    }

    @Test
    void owningStartsFromThePartsCatalogFiguresAndTheUsersQuoteFirst() {
        ObjectNode bundledCost = JsonNodeFactory.instance.objectNode();
        CostBasisDefaults.ownHardware(bundledCost, new RentalRates(BUNDLED, Map.of()), "b200-180gb");
        PriceQuote dgx = BUNDLED.find("B200").orElseThrow().preferredPurchase().orElseThrow();
        assertEquals(Math.round(dgx.purchaseUsdPerGpu().orElseThrow()), bundledCost.get("priceUsdPerGpu").asLong());
        assertEquals(Math.round(dgx.serverShareUsdPerGpu()), bundledCost.get("serverShareUsdPerGpu").asLong());
        assertEquals(788, bundledCost.get("serverOverheadWattsPerGpu").asLong(), "DGX B200: 14.3 kW / 8 less the 1,000 W board");
        assertEquals(1.3, bundledCost.get("powerUsageEffectiveness").asDouble());
        assertEquals(4, bundledCost.get("depreciationYears").asInt(), "what the catalog does not know stays the typical server's");

        ObjectNode quotedCost = JsonNodeFactory.instance.objectNode();
        CostBasisDefaults.ownHardware(quotedCost, new RentalRates(withQuote(9.0, "45000"), Map.of()), "h100-sxm-80gb");
        assertEquals(45_000, quotedCost.get("priceUsdPerGpu").asLong(), "the user's quote, though the bundled street price is lower");

        ObjectNode unknown = JsonNodeFactory.instance.objectNode();
        CostBasisDefaults.ownHardware(unknown, new RentalRates(BUNDLED, Map.of()), "no-such-part");
        assertEquals(30_000, unknown.get("priceUsdPerGpu").asLong(), "no catalog figures: the typical H100-class server");
    }
}
