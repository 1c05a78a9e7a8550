package io.inferplan.app.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferplan.app.evaluation.AnalysisFixture;
import io.inferplan.app.evaluation.InputChange;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.app.workspace.WorkspaceStore;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.engine.hardware.AcceleratorFamily;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogViewModelTest {
    @TempDir
    Path directory;
    private final AnalysisFixture fixture = new AnalysisFixture();
    private final List<InputChange> published = new ArrayList<>();
    private WorkspaceStore workspace;
    private CatalogStore catalogStore;
    private CatalogViewModel model;

    @BeforeEach
    void open() {
        workspace = WorkspaceStore.open(directory.resolve("workspace"));
        catalogStore = CatalogStore.open(directory.resolve("catalog"));
        fixture.changes.listen(published::add);
        model = new CatalogViewModel(fixture.inputs, Optional.of(catalogStore), workspace, TaskRunner.sameThread());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private CatalogEntry entry(String id) {
        return fixture.inputs.catalog().find(id).orElseThrow();
    }

    private static double cheapestOnDemand(CatalogEntry entry) {
        return entry.cheapest(PriceKind.CLOUD_ON_DEMAND).map(PriceQuote::usdPerGpuHour).orElseThrow();
    }

    @Test
    void theFilterNarrowsTheEntriesAndTheStatusCountsThem() {
        int all = fixture.inputs.catalog().entries().size();
        assertEquals(all, model.filtered().size());
        assertEquals(all + " of " + all + " accelerators · 0 with your own price · every figure with its source", model.statusProperty().get());
        model.filterProperty().set("  H200 ");
        assertFalse(model.filtered().isEmpty());
        assertTrue(model.filtered().size() < all);
        assertTrue(model.filtered().stream().allMatch(e -> (e.name() + " " + String.join(" ", e.aliases())).toLowerCase().contains("h200")),
                model.filtered().toString());
        assertTrue(model.statusProperty().get().startsWith(model.filtered().size() + " of " + all + " accelerators"));
    }

    @Test
    void anOwnPriceIsReadLikeEveryNumberRefusedOutOfRangeAndWinsOverTheCatalogs() {
        CatalogEntry h100 = entry("h100-sxm-80gb");
        assertEquals(cheapestOnDemand(h100), model.hourlyRate(h100));
        assertTrue(model.priceSource(h100).startsWith("catalog: "), model.priceSource(h100));

        assertEquals(Optional.of("'abc' is not a price; nothing changed."), model.setOwnPrice(h100, "abc"));
        assertEquals("'abc' is not a price; nothing changed.", model.statusProperty().get());
        String range = "A price must be above 0 and at most 10,000 USD per GPU-hour; nothing changed.";
        assertEquals(Optional.of(range), model.setOwnPrice(h100, "0"));
        assertEquals(Optional.of(range), model.setOwnPrice(h100, "10,001"));
        assertTrue(workspace.ownPrices().isEmpty(), "nothing refused was stored");
        assertTrue(published.isEmpty());

        assertEquals(Optional.empty(), model.setOwnPrice(h100, "1,5"));
        assertEquals(1.5, workspace.ownPrices().get(h100.id()).usdPerGpuHour(), "a decimal comma, not 15");
        assertEquals(1.5, fixture.inputs.ownUsdPerGpuHour().get(h100.id()), "the evaluation prices with it");
        assertEquals(List.of(InputChange.OWN_PRICES), published);
        assertEquals(1.5, model.hourlyRate(h100));
        assertEquals("your price (own quote)", model.priceSource(h100));
        assertTrue(model.statusProperty().get().contains(" · 1 with your own price · "), model.statusProperty().get());
    }

    @Test
    void aResetRemovesEveryOwnPriceAndItsUndoPutsThemBack() {
        assertEquals(Optional.empty(), model.setOwnPrice(entry("h100-sxm-80gb"), "1.99"));
        assertEquals(Optional.empty(), model.setOwnPrice(entry("h200-sxm-141gb"), "2.49"));
        assertFalse(model.canUndoResetProperty().get());

        model.resetPrices();
        assertTrue(workspace.ownPrices().isEmpty());
        assertTrue(fixture.inputs.ownUsdPerGpuHour().isEmpty());
        assertEquals(cheapestOnDemand(entry("h100-sxm-80gb")), model.hourlyRate(entry("h100-sxm-80gb")));
        assertTrue(model.canUndoResetProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Removed your own price for 2 accelerators"), model.statusProperty().get());

        model.undoReset();
        assertEquals(2, workspace.ownPrices().size());
        assertEquals(2.49, fixture.inputs.ownUsdPerGpuHour().get("h200-sxm-141gb"));
        assertEquals(2, model.ownPricesProperty().get().size());
        assertFalse(model.canUndoResetProperty().get());
    }

    @Test
    void aResetWithNoOwnPricesSaysSoAndChangesNothing() {
        model.resetPrices();
        assertEquals("You have no own prices; the catalog's are in use.", model.statusProperty().get());
        assertFalse(model.canUndoResetProperty().get());
        assertTrue(published.isEmpty());
    }

    @Test
    void anOwnEntryIsStoredUsedAndRemovedAndTheListFollows() {
        CatalogEntry part = new OwnEntryForm("Acme X1 96GB", "Acme", AcceleratorFamily.OTHER, "96", "3200", "800", "1600", "", "600",
                "", "2.10", "Acme datasheet rev 3").toEntry(null, LocalDate.of(2026, 11, 24));
        int before = model.filtered().size();
        model.saveOwnEntry(part);
        assertTrue(catalogStore.userEntry(part.id()).isPresent());
        assertTrue(fixture.inputs.catalog().find(part.id()).isPresent(), "scenarios evaluate against it");
        assertEquals(List.of(InputChange.CATALOG), published);
        assertEquals(before + 1, model.filtered().size(), "the table follows the catalog in use");
        assertEquals("Saved your entry 'Acme X1 96GB' (own-acme-x1-96gb); scenarios now use it.", model.statusProperty().get());
        CatalogEntry shown = model.filtered().stream().filter(e -> e.id().equals(part.id())).findFirst().orElseThrow();
        assertTrue(model.canRemove(shown));
        assertFalse(model.canRemove(entry("h100-sxm-80gb")), "a bundled entry is not the user's to remove");

        model.removeOwnEntry(shown);
        assertTrue(fixture.inputs.catalog().find(part.id()).isEmpty());
        assertEquals(before, model.filtered().size());
        assertEquals("Removed your entry own-acme-x1-96gb.", model.statusProperty().get());
    }

    @Test
    void withoutACatalogStoreOwnEntriesAreOffered() {
        CatalogViewModel noStore = new CatalogViewModel(fixture.inputs, Optional.empty(), workspace, TaskRunner.sameThread());
        assertFalse(noStore.canEditOwnEntries());
        assertFalse(noStore.canRemove(entry("h100-sxm-80gb")));
    }

    @Test
    void twoPartsSideBySideFigureByFigureWithTheirRatesLast() {
        assertEquals(List.of(), model.sideBySide(List.of(entry("h100-sxm-80gb"))), "one part has nothing beside it");
        List<List<String>> rows = model.sideBySide(List.of(entry("h100-sxm-80gb"), entry("h200-sxm-141gb")));
        List<String> memory = rows.stream().filter(r -> r.getFirst().equals("memoryGB")).findFirst().orElseThrow();
        assertTrue(memory.get(1).startsWith("80"), memory.toString());
        assertTrue(memory.get(2).startsWith("141"), memory.toString());
        assertTrue(memory.get(1).contains("  ["), "each figure names its source: " + memory);
        List<String> price = rows.getLast();
        assertEquals("$/GPU-hour", price.getFirst());
        double h200Rate = entry("h200-sxm-141gb").preferred(PriceKind.CLOUD_ON_DEMAND).orElseThrow().usdPerGpuHour();
        assertTrue(price.get(2).startsWith(String.format(java.util.Locale.ROOT, "$%.2f  [catalog: ", h200Rate)), price.toString());
        assertTrue(rows.stream().allMatch(r -> r.size() == 3));
    }

    @Test
    void theCsvHasTheTablesColumnsAndTheEntriesInTheOrderShown() throws Exception {
        assertEquals(Optional.empty(), model.setOwnPrice(entry("h100-sxm-80gb"), "1.99"));
        List<CatalogEntry> shown = List.of(entry("h200-sxm-141gb"), entry("h100-sxm-80gb"));
        List<List<String>>[] written = new List[1];
        model.exportCsv(shown, rows -> written[0] = rows);
        List<List<String>> rows = written[0];
        assertEquals(3, rows.size());
        List<String> header = rows.getFirst();
        assertEquals("Accelerator", header.getFirst());
        int rate = header.indexOf("$/GPU-hour");
        int memory = header.indexOf("Memory GB");
        assertTrue(rate > 0 && memory > 0, header.toString());
        assertEquals("141.0", rows.get(1).get(memory));
        assertEquals("1.99", rows.get(2).get(rate));
        assertEquals("your price (own quote)", rows.get(2).get(header.indexOf("Price source")));
        assertEquals("Exported 2 accelerators.", model.statusProperty().get());

        model.exportCsv(shown, r -> {
            throw new java.io.IOException("disk full");
        });
        assertEquals("Could not export: disk full", model.statusProperty().get());
    }
}
