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
        }
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
}
