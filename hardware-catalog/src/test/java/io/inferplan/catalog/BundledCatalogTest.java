package io.inferplan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.engine.hardware.AcceleratorSpec;
import io.inferplan.engine.model.Precision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {
    private final AcceleratorCatalog catalog = AcceleratorCatalog.bundled();

    @Test
    void calibrationAcceleratorsResolveByTheirCalibrationNames() {
        for (String name : List.of("A100-SXM-80GB", "H100-SXM-80GB", "H200-SXM-141GB", "GH200-480GB", "L40S-48GB")) {
            assertTrue(catalog.find(name).isPresent(), name);
        }
    }

    @Test
    void aliasesResolveIgnoringCaseSpacesAndDashes() {
        for (String name : List.of("H100", "H100-SXM", "H100-SXM-80GB", "h100 sxm", "NVIDIA H100 SXM5 80GB", "nvidia h100")) {
            assertEquals("h100-sxm-80gb", catalog.find(name).orElseThrow().id(), name);
        }
        assertTrue(catalog.find("no such part").isEmpty());
        assertTrue(catalog.find("").isEmpty());
    }

    @Test
    void specCarriesDenseFiguresInSiUnits() {
        AcceleratorSpec h100 = catalog.find("H100").orElseThrow().toSpec();
        assertEquals(3.35e12, h100.memoryBandwidthBytesPerSecond(), 1e6);
        assertEquals(80.0 * (1L << 30), h100.memoryBytes(), 1, "memory sizes are JEDEC GB, i.e. GiB");
        assertEquals(989.4e12, h100.flopsPerSecondFor(Precision.BF16), 1e9);
        assertEquals(1978.9e12, h100.flopsPerSecondFor(Precision.FP8), 1e9);
        assertFalse(h100.measured());
        AcceleratorSpec gh200 = catalog.find("GH200").orElseThrow().toSpec();
        assertEquals(96.0 * (1L << 30), gh200.memoryBytes(), 1, "GPU memory is the HBM, not the CPU's LPDDR5X");
        assertEquals(4.0e12, gh200.memoryBandwidthBytesPerSecond(), 1e6);
        AcceleratorSpec l40s = catalog.find("L40S").orElseThrow().toSpec();
        assertEquals(0, l40s.scaleUpBandwidthBytesPerSecond());
        assertEquals(362.05e12, l40s.flopsPerSecondFor(Precision.BF16), 1e9);
    }

    @Test
    void everyEntryLoadsAndEveryFigureAndPriceHasASourceWithADate() {
        assertFalse(catalog.entries().isEmpty());
        for (CatalogEntry entry : catalog.entries()) {
            assertNotNull(entry.toSpec(), entry.id());
            for (String sourceId : entry.referencedSourceIds()) {
                Source source = entry.source(sourceId).orElse(null);
                assertNotNull(source, entry.id() + " cites " + sourceId);
                assertFalse(source.date().isBlank(), sourceId);
            }
            for (var figure : entry.figures().entrySet()) {
                if (figure.getValue().isEstimate()) {
                    assertFalse(figure.getValue().note().isBlank(), entry.id() + "." + figure.getKey() + " is an estimate and must say how");
                }
            }
            for (PriceQuote price : entry.prices()) {
                assertTrue(entry.source(price.source()).isPresent(), entry.id() + " price " + price.provider() + " cites " + price.source());
                if (price.isEstimate()) {
                    assertNotNull(price.note(), entry.id() + " price " + price.provider() + " is an estimate and must say how");
                }
                assertFalse(price.isUsers(), entry.id() + ": a bundled price cannot claim to be the user's");
            }
        }
    }

    /**
     * Parts the price and ownership rules below do not cover, each with the reason. Everything else in the bundle is
     * a current datacenter part, so a part added later must come with its prices, power and scale-out network.
     */
    static final Map<String, String> OUT_OF_SCOPE = Map.ofEntries(
            Map.entry("a100-sxm-40gb", "Ampere, end of life in 2024"),
            Map.entry("a100-sxm-80gb", "Ampere, end of life in 2024 (its rental prices are kept)"),
            Map.entry("a100-pcie-80gb", "Ampere, end of life in 2024"),
            Map.entry("h100-pcie-80gb", "superseded by the H200 NVL as NVIDIA's PCIe part"),
            Map.entry("h100-nvl-94gb", "superseded by the H200 NVL"),
            Map.entry("gh200-480gb", "superseded by GB200; rental prices kept, no public purchase price"),
            Map.entry("gh200-144gb", "superseded by GB200; no public rental or purchase price for this variant"),
            Map.entry("h800-sxm-80gb", "China-export part, not sold or rented in public markets"),
            Map.entry("h20-96gb", "China-export part, not sold or rented in public markets"),
            Map.entry("l4-24gb", "72 W single-slot inference card for small models, not a multi-node target"),
            Map.entry("rtx-4090-24gb", "consumer card"),
            Map.entry("rtx-5090-32gb", "consumer card"),
            Map.entry("mi250x-128gb", "CDNA 2, retired"),
            Map.entry("gaudi2-96gb", "superseded by Gaudi 3"));

    private List<CatalogEntry> currentParts() {
        List<CatalogEntry> current = catalog.entries().stream().filter(e -> !OUT_OF_SCOPE.containsKey(e.id())).toList();
        for (String id : OUT_OF_SCOPE.keySet()) {
            assertTrue(catalog.find(id).isPresent(), "out-of-scope list names " + id + ", which the catalog does not have");
        }
        assertTrue(current.size() >= 18, "current parts: " + current.size());
        return current;
    }

    @Test
    void everyCurrentPartCanBeRentedOnDemandAndBoughtUnlessCloudOnly() {
        for (CatalogEntry entry : currentParts()) {
            assertTrue(entry.cheapest(PriceKind.CLOUD_ON_DEMAND).isPresent(), entry.id() + " has no on-demand rental price");
            Optional<PriceQuote> purchase = entry.preferredPurchase();
            if (entry.isCloudOnly()) {
                assertTrue(purchase.isEmpty(), entry.id() + " is cloud-only and cannot carry a purchase price");
                continue;
            }
            assertTrue(purchase.isPresent(), entry.id() + " has no purchase price");
            assertNotNull(purchase.get().serverShareUsdPerGpu(), entry.id() + ": its purchase price says nothing of the system around the GPU");
            assertTrue(purchase.get().purchaseUsdPerGpu().orElseThrow() > 0, entry.id());
        }
    }

    @Test
    void everyCurrentPartHasAllInPowerUnlessCloudOnlyAndAScaleOutNetwork() {
        for (CatalogEntry entry : currentParts()) {
            assertNotNull(entry.scaleOutGbitsPerSecondPerGpu(), entry.id() + " has no scale-out bandwidth");
            assertTrue(entry.toSpec().scaleOutBandwidthBytesPerSecond() > 0, entry.id());
            if (entry.isCloudOnly()) {
                continue;
            }
            double board = entry.boardPowerWatts().number();
            double host = entry.hostWattsPerGpu().orElseThrow(() -> new AssertionError(entry.id() + " has no system power per GPU"));
            double allIn = entry.allInWattsPerGpu().orElseThrow(() -> new AssertionError(entry.id() + " has no facility PUE"));
            assertTrue(host > 0 && host < 2 * board, entry.id() + " host share " + host + " W against a " + board + " W board");
            assertTrue(allIn > board + host && allIn < 2 * (board + host), entry.id() + " all-in " + allIn + " W");
        }
    }

    @Test
    void scaleOutAndPowerReachTheEngineInItsUnits() {
        CatalogEntry h100 = catalog.find("H100 SXM").orElseThrow();
        assertEquals(50e9, h100.toSpec().scaleOutBandwidthBytesPerSecond(), 1, "400 Gb/s ConnectX-7 per GPU is 50 GB/s");
        assertEquals(575, h100.hostWattsPerGpu().orElseThrow(), 1e-9, "DGX H100: 10.2 kW / 8 - 700 W");
        assertEquals(1275 * 1.3, h100.allInWattsPerGpu().orElseThrow(), 1e-9);
        assertEquals(100e9, catalog.find("GB300").orElseThrow().toSpec().scaleOutBandwidthBytesPerSecond(), 1,
                "800 Gb/s ConnectX-8 per GPU");
    }

    @Test
    void denseNeverExceedsSparseAndFamiliesAreSet() {
        for (CatalogEntry entry : catalog.entries()) {
            assertNotNull(entry.family(), entry.id());
            entry.sparseTflops().forEach((precision, sparse) -> {
                Figure dense = entry.denseTflops().get(precision);
                if (dense != null) {
                    assertTrue(dense.number() <= sparse.number(), entry.id() + " " + precision + " dense " + dense.number() + " > sparse " + sparse.number());
                }
            });
        }
    }

    @Test
    void bundleCoversTheAcceleratorsPeopleBuyOrRent() {
        assertTrue(catalog.entries().size() >= 25, "entries: " + catalog.entries().size());
        for (String name : List.of("A100 40GB", "A100 80GB", "H100 SXM", "H100 PCIe", "H100 NVL", "H200", "GH200", "B200", "B300",
                "GB200", "GB300", "L4", "L40S", "RTX 4090", "RTX 5090", "RTX PRO 6000", "MI250X", "MI300X", "MI325X", "MI355X",
                "Gaudi 2", "Gaudi 3", "TPU v5e", "TPU v5p", "TPU v6e", "Trainium2", "Inferentia2")) {
            assertTrue(catalog.find(name).isPresent(), name);
        }
    }

    @Test
    void idsAliasesAndNamesAreUniqueAcrossTheCatalog() {
        Map<String, String> owner = new HashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            List<String> keys = new java.util.ArrayList<>(entry.aliases());
            keys.add(entry.id());
            keys.add(entry.name());
            for (String key : keys.stream().map(AcceleratorCatalog::normalise).distinct().toList()) {
                String previous = owner.put(key, entry.id());
                assertTrue(previous == null, "'" + key + "' belongs to both " + previous + " and " + entry.id());
            }
        }
    }

    /** Power-capped parts and the full-power part on the same die whose power per FLOP they are estimated from. */
    static final Map<String, String> POWER_SIBLINGS = Map.of(
            "h100-pcie-80gb", "h100-sxm-80gb",
            "h100-nvl-94gb", "h100-sxm-80gb",
            "h200-nvl-141gb", "h200-sxm-141gb",
            "a100-pcie-80gb", "a100-sxm-80gb");

    @Test
    void powerCappedPartsCarryTheSustainedClockTheirSiblingImpliesAsAnEstimate() {
        for (CatalogEntry entry : catalog.entries()) {
            String sibling = POWER_SIBLINGS.get(entry.id());
            if (sibling == null) {
                assertTrue(entry.sustainedTensorClockShare() == null, entry.id() + " is not a known power-capped part");
                assertEquals(1.0, entry.toSpec().sustainedComputeShare(), entry.id());
                continue;
            }
            CatalogEntry full = catalog.find(sibling).orElseThrow();
            double expected = io.inferplan.engine.hardware.PowerLimitedClock.sustainedShare(entry.boardPowerWatts().number(),
                    entry.denseTflops(Precision.BF16).orElseThrow(), full.boardPowerWatts().number(),
                    full.denseTflops(Precision.BF16).orElseThrow());
            Figure share = entry.sustainedTensorClockShare();
            assertNotNull(share, entry.id() + " has no sustained tensor clock share");
            assertTrue(share.isEstimate(), entry.id() + ": a derived figure says it is an estimate");
            assertEquals(expected, share.number(), 0.005, entry.id() + " against " + sibling);
            assertEquals(share.number(), entry.toSpec().sustainedComputeShare(), 1e-12, entry.id());
            assertTrue(entry.toSpec().sustainedFlopsPerSecondFor(Precision.BF16) < entry.toSpec().flopsPerSecondFor(Precision.BF16)
                    || share.number() == 1.0, entry.id());
        }
    }
}
