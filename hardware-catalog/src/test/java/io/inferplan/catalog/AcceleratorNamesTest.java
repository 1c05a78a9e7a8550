package io.inferplan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.catalog.AcceleratorName.FormFactor;
import io.inferplan.engine.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accelerator names as MLPerf tables, vendor pages, cloud consoles and nvidia-smi write them. */
class AcceleratorNamesTest {
    private final AcceleratorCatalog catalog = AcceleratorCatalog.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the names issue 10 lists
            "B200-SXM-180GB, b200-180gb",
            "GB200-186GB, gb200-nvl72",
            "GH200-144GB, gh200-144gb",
            "B300-SXM-288GB, b300-288gb",
            "GB300-288GB, gb300-nvl72",
            "H200-NVL-141GB, h200-nvl-141gb",
            "NVIDIA H200 SXM 141GB, h200-sxm-141gb",
            "AMD Instinct MI325X, mi325x-256gb",
            "HGX B200, b200-180gb",
            "H100-SXM5-80GB, h100-sxm-80gb",
            // the same parts written other ways
            "nvidia h200 141 GB, h200-sxm-141gb",
            "H200 141GB HBM3e, h200-sxm-141gb",
            "NVIDIA H200 NVL, h200-nvl-141gb",
            "h200_nvl, h200-nvl-141gb",
            "DGX H200, h200-sxm-141gb",
            "DGX B200, b200-180gb",
            "NVIDIA Blackwell B200 180 GB, b200-180gb",
            "B200 192GB, b200-180gb",
            "GB300 NVL72 288GB, gb300-nvl72",
            "NVIDIA GB200 NVL72, gb200-nvl72",
            "GH200 480GB, gh200-480gb",
            "GH200 96GB HBM3, gh200-480gb",
            "NVIDIA GH200 Grace Hopper Superchip 144GB, gh200-144gb",
            "NVIDIA GH200 144G HBM3e, gh200-144gb",   // as nvidia-smi names it
            "GH200, gh200-480gb",
            "H100 80GB, h100-sxm-80gb",
            "H100 PCIe 80GB, h100-pcie-80gb",
            "H100 NVL 94GB, h100-nvl-94gb",
            "80GB H100 SXM5, h100-sxm-80gb",
            "A100 SXM4 40GB, a100-sxm-40gb",
            "A100-PCIe-80GB, a100-pcie-80gb",
            "Instinct MI300X OAM 192GB, mi300x-192gb",
            "AMD MI355X 288GB, mi355x-288gb",
            "Intel Gaudi 3 128GB, gaudi3-128gb",
            "NVIDIA GeForce RTX 4090 24GB, rtx-4090-24gb",
            "NVIDIA RTX PRO 6000 Blackwell 96GB, rtx-pro-6000-96gb",
            // the export parts
            "H800, h800-sxm-80gb",
            "NVIDIA H800 SXM5 80GB, h800-sxm-80gb",
            "HGX H800, h800-sxm-80gb",
            "H20, h20-96gb",
            "NVIDIA H20 96GB HBM3, h20-96gb",
            "HGX H20, h20-96gb",
    })
    void resolvesNamesByVendorProductFormFactorAndMemory(String name, String id) {
        assertEquals(id, catalog.find(name).map(CatalogEntry::id).orElse("(unknown)"), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "H100-SXM-94GB",   // 94 GB is the H100 NVL, not an SXM part
            "H200 96GB",       // no H200 with 96 GB
            "MI325X PCIe",     // an OAM part only
            "GH200 120GB",
            "H300",
    })
    void aMemoryOrFormFactorThatNamesNoPartIsUnknown(String name) {
        assertTrue(catalog.find(name).isEmpty(), name + " resolved to " + catalog.find(name).map(CatalogEntry::id));
    }

    @Test
    void parserSplitsVendorProductFormFactorAndMemory() {
        assertEquals(new AcceleratorName("nvidia", "h200", FormFactor.SXM, 141), AcceleratorName.parse("NVIDIA H200 SXM 141GB"));
        assertEquals(new AcceleratorName("", "h100", FormFactor.SXM, 80), AcceleratorName.parse("H100-SXM5-80GB"));
        assertEquals(new AcceleratorName("amd", "mi325x", FormFactor.ANY, 0), AcceleratorName.parse("AMD Instinct MI325X"));
        assertEquals(new AcceleratorName("", "b200", FormFactor.SXM, 0), AcceleratorName.parse("HGX B200"));
        assertEquals(new AcceleratorName("", "h200", FormFactor.NVL, 141), AcceleratorName.parse("h200 nvl 141 gb"));
        assertEquals(new AcceleratorName("", "gb200", FormFactor.SUPERCHIP, 186), AcceleratorName.parse("GB200-NVL72-186GB"));
        assertEquals(new AcceleratorName("", "h100", FormFactor.NVL, 94), AcceleratorName.parse("H100 NVL PCIe 94GB"),
                "NVL is more specific than PCIe");
        assertEquals(new AcceleratorName("", "rtxpro6000", FormFactor.ANY, 96), AcceleratorName.parse("RTX PRO 6000 Blackwell 96GB"));
        assertEquals(new AcceleratorName("", "blackwellultra", FormFactor.ANY, 0), AcceleratorName.parse("Blackwell Ultra"),
                "architecture words stay when they are all there is");
        assertEquals(new AcceleratorName("", "h100", FormFactor.ANY, 94.5), AcceleratorName.parse("H100 94.5GB"));
        assertEquals(new AcceleratorName("", "", FormFactor.ANY, 0), AcceleratorName.parse(""));
        assertEquals(new AcceleratorName("", "", FormFactor.ANY, 0), AcceleratorName.parse(null));
    }

    @Test
    void everyEntryIsFoundByItsPartsInAnyOrder() {
        for (CatalogEntry entry : catalog.entries()) {
            AcceleratorName parts = AcceleratorName.parse(entry.id());
            // Memory first, so the text is no id, name or alias and only the parser can read it.
            String shuffled = (parts.hasMemory() ? String.format(Locale.ROOT, "%.0f GB ", parts.memoryGB()) : "")
                    + entry.vendor() + " " + entry.id().replaceAll("-?\\d+gb$", "").replace('-', ' ');
            assertEquals(entry.id(), catalog.find(shuffled).map(CatalogEntry::id).orElse("(unknown)"), shuffled);
        }
    }

    @Test
    void didYouMeanRanksByProductThenMemory() {
        assertEquals("gb300-nvl72", catalog.rankedSuggestions("GB301-288GB", 3).getFirst());
        assertEquals("b300-288gb", catalog.rankedSuggestions("B301-288GB", 3).getFirst());
        assertEquals("gb200-nvl72", catalog.rankedSuggestions("GB201-186GB", 3).getFirst());
        assertEquals("mi325x-256gb", catalog.rankedSuggestions("MI326X 256GB", 3).getFirst());
        // Same product, wrong memory: the parts of that product first, the nearer memory ahead.
        List<String> h100 = catalog.rankedSuggestions("H100-SXM-94GB", 3);
        assertTrue(h100.containsAll(List.of("h100-sxm-80gb", "h100-nvl-94gb")), h100.toString());
        List<String> gh200 = catalog.rankedSuggestions("GH200-141GB", 2);
        assertEquals(List.of("gh200-144gb", "gh200-480gb"), gh200);
    }

    @Test
    void unknownNameErrorSaysWhatIsMissingAndSuggests() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> catalog.require("accelerator", "GB300-144GB"));
        assertEquals("accelerator", e.field());
        assertTrue(e.getMessage().contains("the catalog has no GB300 with 144 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean gb300-nvl72"), e.getMessage());
        InvalidInputException typo = assertThrows(InvalidInputException.class, () -> catalog.require("accelerator", "GB301-288GB"));
        assertTrue(typo.getMessage().contains("did you mean gb300-nvl72, b300-288gb"), typo.getMessage());
    }

    @Test
    void newPartsCarryTheirOwnFigures() {
        CatalogEntry nvl = catalog.find("H200-NVL-141GB").orElseThrow();
        CatalogEntry sxm = catalog.find("H200-SXM-141GB").orElseThrow();
        assertEquals(600, nvl.boardPowerWatts().number(), 1e-9);
        assertEquals(700, sxm.boardPowerWatts().number(), 1e-9);
        assertTrue(nvl.denseTflops(io.inferplan.engine.model.Precision.FP8).orElseThrow()
                < sxm.denseTflops(io.inferplan.engine.model.Precision.FP8).orElseThrow());
        assertEquals(4900, catalog.find("GH200-144GB").orElseThrow().memoryBandwidthGBps().number(), 1e-9);
        assertEquals(4000, catalog.find("GH200-480GB").orElseThrow().memoryBandwidthGBps().number(), 1e-9);
        assertEquals(200, catalog.find("H800").orElseThrow().scaleUpGBpsPerDirection().number(), 1e-9, "400 GB/s both ways");
        CatalogEntry h20 = catalog.find("H20").orElseThrow();
        assertEquals(96, h20.memoryGB().number(), 1e-9);
        assertEquals(4000, h20.memoryBandwidthGBps().number(), 1e-9);
        assertEquals(148, h20.denseTflops(io.inferplan.engine.model.Precision.FP16).orElseThrow(), 1e-9);
        assertEquals(450, h20.scaleUpGBpsPerDirection().number(), 1e-9);
    }
}
