package io.inferplan.app.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.catalog.AcceleratorCatalog;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.hardware.AcceleratorFamily;
import io.inferplan.engine.model.Precision;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnEntryFormTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dataDirectory;

    @Test
    void aQuoteForABundledPartKeepsItsIdAndUnchangedFiguresWithTheirSources() {
        CatalogEntry h100 = AcceleratorCatalog.bundled().find("H100").orElseThrow();
        OwnEntryForm quote = OwnEntryForm.from(h100);
        quote = new OwnEntryForm(quote.name(), quote.vendor(), quote.family(), quote.memoryGB(), quote.bandwidthGBps(), quote.bf16Tflops(),
                quote.fp8Tflops(), quote.fp4Tflops(), quote.boardPowerWatts(), "24,500", "1.85", "Quote from Supplier X, ref 42");
        CatalogEntry entry = quote.toEntry(h100, TODAY);

        assertEquals(h100.id(), entry.id(), "same id: the user's entry replaces the bundled one");
        assertEquals(EntryOrigin.USER, entry.origin());
        assertSame(h100.memoryGB(), entry.memoryGB(), "an unchanged figure keeps its datasheet source");
        assertTrue(entry.prices().stream().anyMatch(p -> p.kind() == PriceKind.QUOTE && p.usdPerGpu() == 24_500 && p.asOf().equals("2026-11-24")));
        assertTrue(entry.prices().stream().anyMatch(p -> p.kind() == PriceKind.CLOUD_ON_DEMAND && p.usdPerGpuHour() == 1.85));
        assertTrue(entry.sources().stream().anyMatch(s -> s.title().equals("Quote from Supplier X, ref 42")));
    }

    @Test
    void aCustomPartIsStoredAndUsableByTheEngine() {
        OwnEntryForm part = new OwnEntryForm("Acme X1 96GB", "Acme", AcceleratorFamily.OTHER, "96", "3200", "800", "1600", "", "600",
                "", "2.10", "Acme datasheet rev 3");
        CatalogEntry entry = part.toEntry(null, TODAY);
        assertEquals("own-acme-x1-96gb", entry.id());

        CatalogStore store = CatalogStore.open(dataDirectory);
        store.saveUserEntry(entry);
        var spec = store.catalog().find("own-acme-x1-96gb").orElseThrow().toSpec();
        assertEquals(1600e12, spec.flopsPerSecondFor(Precision.FP8), 1e6);
        assertEquals(3200e9, spec.memoryBandwidthBytesPerSecond(), 1);
        assertTrue(store.resetToBundled(entry.id()));
        assertTrue(store.catalog().find("own-acme-x1-96gb").isEmpty());
    }

    @Test
    void badValuesNameTheFieldAndTheRange() {
        OwnEntryForm noMemory = new OwnEntryForm("Part", "Acme", AcceleratorFamily.OTHER, "", "3200", "800", "", "", "", "", "", "");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> noMemory.toEntry(null, TODAY));
        assertEquals("Memory GB", missing.field());

        OwnEntryForm negativeRent = new OwnEntryForm("Part", "Acme", AcceleratorFamily.OTHER, "96", "3200", "800", "", "", "", "", "-1", "");
        InvalidInputException rent = assertThrows(InvalidInputException.class, () -> negativeRent.toEntry(null, TODAY));
        assertTrue(rent.getMessage().startsWith("Rental (USD per GPU-hour): must be a number from"), rent.getMessage());

        OwnEntryForm noCompute = new OwnEntryForm("Part", "Acme", AcceleratorFamily.OTHER, "96", "3200", "", "", "", "", "", "", "");
        assertEquals("BF16 TFLOPS", assertThrows(InvalidInputException.class, () -> noCompute.toEntry(null, TODAY)).field());
    }
}
