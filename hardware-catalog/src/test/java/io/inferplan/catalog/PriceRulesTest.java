package io.inferplan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.economics.CostModel;
import io.inferplan.engine.JsonSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceRulesTest {
    private static final Source OWN = new Source("own-2026-12-01", "Reseller quote Q-17", "", "2026-12-01");

    private static PriceQuote purchase(double usdPerGpu, Double shareUsdPerGpu) {
        return new PriceQuote(PriceKind.LIST, "vendor", usdPerGpu, null, null, null, null, "own-2026-12-01", "2026-12", null, null,
                shareUsdPerGpu, null);
    }

    private static PriceQuote server(double usdPerServer, int gpus, Double shareUsdPerGpu) {
        return new PriceQuote(PriceKind.LIST, "system vendor", null, usdPerServer, gpus, null, null, "own-2026-12-01", "2026-12", null,
                null, shareUsdPerGpu, null);
    }

    private static PriceQuote hourly(double usd) {
        return new PriceQuote(PriceKind.CLOUD_ON_DEMAND, "cloud", null, null, null, usd, null, "own-2026-12-01", "2026-12", null, null);
    }

    private static CatalogEntry h100With(List<PriceQuote> prices) {
        return AcceleratorCatalog.bundled().find("H100 SXM").orElseThrow().withPrices(prices, List.of(OWN));
    }

    @Test
    void aSystemShareComesOnTopOfAPerGpuPriceAndInsideAServerPrice() {
        PriceQuote gpu = purchase(30_000, 18_000.0);
        assertEquals(30_000, gpu.purchaseUsdPerGpu().orElseThrow());
        assertEquals(48_000, gpu.capexUsdPerGpu().orElseThrow());

        PriceQuote dgx = server(515_000, 8, 24_375.0);
        assertEquals(40_000, dgx.purchaseUsdPerGpu().orElseThrow(), 1e-9, "the server price less the system's share");
        assertEquals(64_375, dgx.capexUsdPerGpu().orElseThrow(), 1e-9, "the whole server, per GPU");

        PriceQuote kit = server(125_000, 8, null);
        assertEquals(15_625, kit.purchaseUsdPerGpu().orElseThrow(), 1e-9, "no share given: all of it is the accelerators");
        assertEquals(15_625, kit.capexUsdPerGpu().orElseThrow(), 1e-9);
    }

    @Test
    void aShareThatSwallowsTheServerPriceOrSitsOnARentalIsRejected() {
        InvalidInputException tooBig = assertThrows(InvalidInputException.class, () -> server(80_000, 8, 10_000.0));
        assertTrue(tooBig.getMessage().contains("serverShareUsdPerGpu"), tooBig.getMessage());
        assertThrows(InvalidInputException.class, () -> purchase(30_000, -1.0));
        assertThrows(InvalidInputException.class, () -> new PriceQuote(PriceKind.CLOUD_ON_DEMAND, "cloud", null, null, null, 2.0,
                null, "s", "2026", null, null, 100.0, null));
    }

    @Test
    void theUsersOwnQuoteWinsOverCheaperBundledOnes() {
        List<PriceQuote> prices = new ArrayList<>(List.of(hourly(1.65), hourly(2.10), purchase(25_000, 15_000.0)));
        CatalogEntry bundledOnly = h100With(prices);
        assertEquals(1.65, bundledOnly.preferred(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour());

        prices.add(hourly(3.10).asUsers());
        prices.add(purchase(28_000, 9_000.0).asUsers());
        CatalogEntry quoted = h100With(prices);
        assertEquals(3.10, quoted.preferred(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour(),
                "the user's $3.10 quote, not the $1.65 price page");
        assertEquals(1.65, quoted.cheapest(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour(), "cheapest stays cheapest");
        assertEquals(28_000, quoted.preferredPurchase().orElseThrow().purchaseUsdPerGpu().orElseThrow());
    }

    @Test
    void theUsersMarkSurvivesJsonAndBundledPricesCarryNone() throws Exception {
        PriceQuote mine = purchase(28_000, 9_000.0).asUsers();
        String json = JsonSupport.mapper().writeValueAsString(mine);
        assertEquals("user", JsonSupport.mapper().readTree(json).path("origin").asText(), json);
        assertEquals(9_000, JsonSupport.mapper().readTree(json).path("serverShareUsdPerGpu").asDouble(), json);
        PriceQuote back = JsonSupport.mapper().readValue(json, PriceQuote.class);
        assertEquals(mine, back);
        assertTrue(back.isUsers());
        var bundled = JsonSupport.mapper().readTree(JsonSupport.mapper().writeValueAsString(purchase(28_000, null)));
        assertTrue(!bundled.has("origin") && !bundled.has("serverShareUsdPerGpu"), bundled.toString());
    }

    @Test
    void ownedHardwareTakesPriceShareAndHostPowerFromTheCatalogAndTheRestFromTheSite() {
        CostModel.Own site = new CostModel.Own(30_000, 8_000, 4, 0.08, 300, 1.4, 0.12, 150, 0.05, "scenario");
        CatalogEntry h100 = AcceleratorCatalog.bundled().find("H100 SXM").orElseThrow();
        CostModel.Own owned = h100.ownedOn(site).orElseThrow();
        PriceQuote quote = h100.preferredPurchase().orElseThrow();
        assertEquals(quote.purchaseUsdPerGpu().orElseThrow(), owned.priceUsdPerGpu());
        assertEquals(quote.serverShareUsdPerGpu(), owned.serverShareUsdPerGpu());
        assertEquals(575, owned.serverOverheadWattsPerGpu(), 1e-9, "DGX H100 10.2 kW / 8 less the 700 W board");
        assertEquals(1.4, owned.powerUsageEffectiveness(), "the site's PUE, not the catalog's reference one");
        assertEquals(0.12, owned.usdPerKilowattHour());
        assertEquals(4, owned.depreciationYears());

        CatalogEntry noFigures = h100With(List.of(purchase(20_000, null)));
        CatalogEntry bare = new CatalogEntry(noFigures.id(), noFigures.name(), noFigures.vendor(), noFigures.family(), "", null,
                List.of(), List.of(), null, noFigures.memoryGB(), "", noFigures.memoryBandwidthGBps(), noFigures.denseTflops(),
                null, noFigures.boardPowerWatts(), "", null, null, null, noFigures.prices(), "", noFigures.sources());
        CostModel.Own fallback = bare.ownedOn(site).orElseThrow();
        assertEquals(8_000, fallback.serverShareUsdPerGpu(), "no share in the quote: the site's");
        assertEquals(300, fallback.serverOverheadWattsPerGpu(), "no system power in the catalog: the site's");
    }
}
