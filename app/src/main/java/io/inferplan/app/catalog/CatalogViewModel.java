package io.inferplan.app.catalog;

import io.inferplan.app.editor.NumberText;
import io.inferplan.app.evaluation.EvaluationInputs;
import io.inferplan.app.evaluation.InputChange;
import io.inferplan.analysis.PartRate;
import io.inferplan.analysis.RentalRates;
import io.inferplan.cli.text.Formats;
import io.inferplan.analysis.PartNames;
import io.inferplan.app.tasks.TaskRunner;
import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.app.workspace.WorkspaceStore;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.EntryOrigin;
import io.inferplan.catalog.Figure;
import io.inferplan.catalog.store.CatalogStore;
import io.inferplan.engine.model.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The catalog page's state and actions: the entries in use and the filter over them, the user's own prices per
 * GPU-hour (kept in the workspace) with a reset that can be undone, and the user's own entries (kept in the catalog
 * store). Every change is handed to {@link EvaluationInputs}, which tells the evaluation; the entries shown follow
 * the catalog in use, whoever changed it (this page or the profile page).
 */
public final class CatalogViewModel {
    /** Typing "100000" for "100.000" must not price a GPU-hour like a month. */
    static final double MAX_USD_PER_GPU_HOUR = 10_000;

    /**
     * One column of the catalog table and of its CSV export: a title (a line break where it is long), the cell's
     * value (text, or a number that sorts as one; null where the entry has none) and the width it is shown at.
     */
    public record Column(String title, Function<CatalogEntry, ?> value, boolean numeric, double width) {
        /** The title on one line, as a CSV header. */
        public String csvTitle() {
            return title.replace("\n", " ").replace("GPU- hour", "GPU-hour");
        }
    }

    private final EvaluationInputs inputs;
    private final Optional<CatalogStore> catalogStore;
    private final WorkspaceStore workspace;
    private final TaskRunner runner;
    private final ObservableList<CatalogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<CatalogEntry> filtered = new FilteredList<>(entries, e -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Map<String, OwnPrice>> ownPrices = new ReadOnlyObjectWrapper<>(Map.of());
    /** The own prices the last reset removed, until "Undo reset" puts them back. */
    private List<OwnPrice> resetPrices = List.of();
    private final ReadOnlyBooleanWrapper canUndoReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final List<Column> columns = List.of(
            // The vendor has its own column; names and families without it fit their columns uncut.
            text("Accelerator", e -> PartNames.withoutVendor(e.name()), 205),
            text("Vendor", CatalogEntry::vendor, 70),
            text("Family", e -> PartNames.withoutVendor(e.family().displayName()), 100),
            number("Memory\nGB", e -> e.memoryGB().number()),
            number("Bandwidth\nGB/s", e -> e.memoryBandwidthGBps().number()),
            number("BF16\nTFLOPS", e -> e.denseTflops(Precision.BF16).orElse(null)),
            number("FP8\nTFLOPS", e -> e.denseTflops(Precision.FP8).orElse(null)),
            number("FP4\nTFLOPS", e -> e.denseTflops(Precision.FP4).orElse(null)),
            number("Power\nW", e -> e.boardPowerWatts() == null ? null : e.boardPowerWatts().number()),
            number("$/GPU-\nhour", this::hourlyRate),
            text("Price source", this::priceSource, 160),
            text("Sources", e -> Integer.toString(e.sources().size()), 60),
            text("Origin", e -> e.origin().name().toLowerCase(Locale.ROOT), 70));

    public CatalogViewModel(EvaluationInputs inputs, Optional<CatalogStore> catalogStore, WorkspaceStore workspace, TaskRunner runner) {
        this.inputs = inputs;
        this.catalogStore = catalogStore;
        this.workspace = workspace;
        this.runner = runner;
        entries.setAll(inputs.catalog().entries());
        filter.addListener((obs, old, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(e -> needle.isEmpty() || (e.name() + " " + e.vendor() + " " + e.family().displayName() + " "
                    + e.memoryType() + " " + String.join(" ", e.aliases())).toLowerCase(Locale.ROOT).contains(needle));
            updateStatus();
        });
        inputs.changes().listen(change -> {
            if (change == InputChange.CATALOG) {
                entries.setAll(inputs.catalog().entries());
                updateStatus();
            } else if (change == InputChange.OWN_PRICES) {
                runner.submit(workspace::ownPrices, this::showOwnPrices, error -> status.set("Could not read own prices: " + error.getMessage()));
            }
        });
        updateStatus();
        changeOwnPrices(() -> { }, prices -> { }, "Could not read own prices: ");
    }

    public List<Column> columns() {
        return columns;
    }

    /** The entries the filter leaves, in the catalog's order (the table sorts its own view of them). */
    public ObservableList<CatalogEntry> filtered() {
        return filtered;
    }

    /** Matches name, vendor, family, memory type and aliases, ignoring case. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The user's own prices by accelerator id, as last read from the workspace. */
    public ReadOnlyObjectProperty<Map<String, OwnPrice>> ownPricesProperty() {
        return ownPrices.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoResetProperty() {
        return canUndoReset.getReadOnlyProperty();
    }

    /** What the page says under its title: the counts, or what the last action did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Own entries need the catalog store, which may not have opened. */
    public boolean canEditOwnEntries() {
        return catalogStore.isPresent();
    }

    /** Only the user's own entries can be removed; the bundled ones are what removing brings back. */
    public boolean canRemove(CatalogEntry entry) {
        return entry != null && entry.origin() != EntryOrigin.BUNDLED && catalogStore.isPresent();
    }

    /** The rate this part is compared at (the own price, else the cheapest on-demand quote), or null. */
    public Double hourlyRate(CatalogEntry entry) {
        return rate(entry).map(PartRate::usdPerGpuHour).orElse(null);
    }

    /** Where the rate comes from, with the note the user kept with their own price. */
    public String priceSource(CatalogEntry entry) {
        return rate(entry).map(rate -> {
            OwnPrice own = ownPrices.get().get(entry.id());
            boolean noted = rate.source().equals(RentalRates.OWN) && own != null && own.note() != null && !own.note().isBlank();
            return noted ? rate.source() + " (" + own.note() + ")" : rate.source();
        }).orElse("–");
    }

    private Optional<PartRate> rate(CatalogEntry entry) {
        return inputs.rentalRates().comparisonRate(entry);
    }

    /**
     * Sets the user's price per GPU-hour for this part from what they typed. Returns why nothing changed (also
     * shown as the status) when the text is not a price in range; empty when the price is being saved.
     */
    public Optional<String> setOwnPrice(CatalogEntry entry, String typed) {
        Optional<Double> parsed = NumberText.parse(typed);
        String problem = parsed.isEmpty() ? "'" + typed + "' is not a price; nothing changed."
                : !(parsed.get() > 0 && parsed.get() <= MAX_USD_PER_GPU_HOUR)
                ? "A price must be above 0 and at most 10,000 USD per GPU-hour; nothing changed." : null;
        if (problem != null) {
            status.set(problem);
            return Optional.of(problem);
        }
        OwnPrice price = new OwnPrice(entry.id(), parsed.get(), null, "own quote");
        changeOwnPrices(() -> workspace.putOwnPrice(price), prices -> { }, "Could not save the price: ");
        return Optional.empty();
    }

    /** Removes every own price; {@link #undoReset()} puts them back. */
    public void resetPrices() {
        List<OwnPrice> removed = List.copyOf(ownPrices.get().values());
        if (removed.isEmpty()) {
            status.set("You have no own prices; the catalog's are in use.");
            return;
        }
        changeOwnPrices(workspace::clearOwnPrices, prices -> {
            resetPrices = removed;
            canUndoReset.set(true);
            status.set("Removed your own price for " + removed.size() + " accelerators; the catalog's are in use. Undo reset brings them back.");
        }, "Could not reset: ");
    }

    public void undoReset() {
        List<OwnPrice> restore = resetPrices;
        changeOwnPrices(() -> workspace.putOwnPrices(restore), prices -> {
            resetPrices = List.of();
            canUndoReset.set(false);
        }, "Could not restore your prices: ");
    }

    /** Writes the workspace's own prices, then hands the rates now stored to the evaluation and shows them. */
    private void changeOwnPrices(Runnable write, Consumer<Map<String, OwnPrice>> then, String failure) {
        runner.submit(() -> {
            write.run();
            Map<String, OwnPrice> now = workspace.ownPrices();
            inputs.useOwnPrices(OwnPrice.rates(now));
            return now;
        }, prices -> {
            showOwnPrices(prices);
            then.accept(prices);
        }, error -> status.set(failure + error.getMessage()));
    }

    private void showOwnPrices(Map<String, OwnPrice> prices) {
        ownPrices.set(Map.copyOf(prices));
        updateStatus();
    }

    /** A quote or own figures for a part (same id: it replaces the bundled entry), or a new part. */
    public void saveOwnEntry(CatalogEntry entry) {
        changeCatalog(() -> catalogStore.orElseThrow().saveUserEntry(entry),
                "Saved your entry '" + entry.name() + "' (" + entry.id() + "); scenarios now use it.", "Could not save your entry: ");
    }

    /** Removes the user's entry; a bundled entry with the same id shows again. The removed one stays in the history. */
    public void removeOwnEntry(CatalogEntry entry) {
        if (!canRemove(entry)) {
            return;
        }
        changeCatalog(() -> catalogStore.orElseThrow().resetToBundled(entry.id()), "Removed your entry " + entry.id() + ".",
                "Could not remove the entry: ");
    }

    private void changeCatalog(Runnable write, String done, String failure) {
        runner.submit(() -> {
            write.run();
            inputs.useCatalog(catalogStore.orElseThrow().catalog());
            return true;
        }, saved -> status.set(done), error -> status.set(failure + error.getMessage()));
    }

    private void updateStatus() {
        status.set(filtered.size() + " of " + entries.size() + " accelerators · " + ownPrices.get().size()
                + " with your own price · every figure with its source");
    }

    /**
     * The chosen parts figure by figure: a row per figure any of them has (its name, then each part's value with
     * its source), and their rates last. Empty for fewer than two parts: there is nothing to set side by side.
     */
    public List<List<String>> sideBySide(List<CatalogEntry> chosen) {
        if (chosen.size() < 2) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        chosen.forEach(e -> e.figures().keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> row = new ArrayList<>(List.of(key));
            for (CatalogEntry entry : chosen) {
                Figure figure = entry.figures().get(key);
                // Figure.estimate() is TRUE or null (null keeps "estimate" out of the JSON): never unbox it.
                row.add(figure == null ? "–" : Formats.number(figure.number()) + (Boolean.TRUE.equals(figure.estimate()) ? " (est.)" : "")
                        + "  [" + entry.source(figure.source()).map(s -> s.title()).orElse(figure.source()) + "]");
            }
            rows.add(row);
        }
        List<String> price = new ArrayList<>(List.of("$/GPU-hour"));
        chosen.forEach(e -> price.add(hourlyRate(e) == null ? "–" : Formats.usd(hourlyRate(e)) + "  [" + priceSource(e) + "]"));
        rows.add(price);
        return rows;
    }

    /** Where an export goes (a file in the app). */
    @FunctionalInterface
    public interface CsvTarget {
        void write(List<List<String>> rows) throws java.io.IOException;
    }

    /** Writes {@link #csvRows} of the entries shown, off the caller's thread. */
    public void exportCsv(List<CatalogEntry> shown, CsvTarget target) {
        List<List<String>> rows = csvRows(shown);
        runner.submit(() -> {
            target.write(rows);
            return rows.size() - 1;
        }, count -> status.set("Exported " + count + " accelerators."), error -> status.set("Could not export: " + error.getMessage()));
    }

    /** The table as CSV rows: the columns' titles, then each entry in the order shown. */
    public List<List<String>> csvRows(List<CatalogEntry> shown) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::csvTitle).toList());
        for (CatalogEntry entry : shown) {
            rows.add(columns.stream().map(c -> {
                Object value = c.value().apply(entry);
                return value == null ? "" : value.toString();
            }).toList());
        }
        return rows;
    }

    private static Column text(String title, Function<CatalogEntry, String> value, double width) {
        return new Column(title, value, false, width);
    }

    private static Column number(String title, Function<CatalogEntry, Double> value) {
        return new Column(title, value, true, 80);
    }
}
