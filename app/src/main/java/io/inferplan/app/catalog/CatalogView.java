package io.inferplan.app.catalog;

import io.inferplan.app.charts.ChartExporter;
import io.inferplan.app.fx.Columns;
import io.inferplan.app.fx.Tasks;
import io.inferplan.app.shell.AppContext;
import io.inferplan.app.shell.PageView;
import io.inferplan.app.workspace.OwnPrice;
import io.inferplan.catalog.CatalogEntry;
import io.inferplan.catalog.Figure;
import io.inferplan.catalog.PriceKind;
import io.inferplan.catalog.PriceQuote;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.model.Precision;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import io.inferplan.app.fx.PartNames;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The accelerator catalog: a sortable, filterable table with each entry's sources; select two or more for a
 * side-by-side comparison; set your own price per GPU-hour (kept in the workspace) or reset to the bundled prices.
 */
public final class CatalogView implements PageView {
    private final AppContext context;
    private final javafx.collections.ObservableList<CatalogEntry> entries;
    private final FilteredList<CatalogEntry> filtered;
    private final TableView<CatalogEntry> table = new TableView<>();
    private final TableView<List<String>> sideBySide = new TableView<>();
    private final TextField filter = new TextField();
    private final Label status = new Label();
    private Map<String, OwnPrice> ownPrices = new HashMap<>();
    /** The own prices the last reset removed, until undone or the page is left: "Undo reset" puts them back. */
    private List<OwnPrice> resetPrices = List.of();
    private final Button undoReset = new Button("Undo reset");
    private final VBox root;

    public CatalogView(AppContext context) {
        this.context = context;
        entries = FXCollections.observableArrayList(context.catalog().entries());
        filtered = new FilteredList<>(entries, e -> true);
        SortedList<CatalogEntry> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("catalog-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().addAll(List.of(
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
                text("Origin", e -> e.origin().name().toLowerCase(Locale.ROOT), 70)));
        filter.setPromptText("Filter: name, vendor, family, memory type…");
        filter.setId("catalog-filter");
        filter.textProperty().addListener((obs, old, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(e -> needle.isEmpty() || (e.name() + " " + e.vendor() + " " + e.family().displayName() + " "
                    + e.memoryType() + " " + String.join(" ", e.aliases())).toLowerCase(Locale.ROOT).contains(needle));
            updateStatus();
        });
        Button ownPrice = new Button("Set own price…");
        ownPrice.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        ownPrice.setOnAction(event -> setOwnPrice(table.getSelectionModel().getSelectedItem()));
        Button ownEntry = new Button("Own quote or part…");
        ownEntry.setId("catalog-own-entry");
        ownEntry.setDisable(context.catalogStore().isEmpty());
        ownEntry.setOnAction(event -> editOwnEntry(table.getSelectionModel().getSelectedItem()));
        Button removeOwn = new Button("Remove my entry");
        removeOwn.setId("catalog-remove-own");
        removeOwn.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            CatalogEntry selected = table.getSelectionModel().getSelectedItem();
            return selected == null || selected.origin() == io.inferplan.catalog.EntryOrigin.BUNDLED || context.catalogStore().isEmpty();
        }, table.getSelectionModel().selectedItemProperty()));
        removeOwn.setOnAction(event -> removeOwnEntry(table.getSelectionModel().getSelectedItem()));
        Button reset = new Button("Reset to bundled prices");
        reset.setId("catalog-reset-prices");
        reset.setOnAction(event -> confirmResetPrices());
        undoReset.setId("catalog-undo-reset");
        undoReset.setVisible(false);
        undoReset.managedProperty().bind(undoReset.visibleProperty());
        undoReset.setOnAction(event -> undoResetPrices());
        Button export = new Button("Export CSV…");
        export.setOnAction(event -> exportCsv());
        Label title = new Label("Catalog");
        title.getStyleClass().add("page-title");
        status.getStyleClass().add("page-subtitle");
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox tools = new HBox(8, filter, ownEntry, removeOwn, ownPrice, reset, undoReset, export);
        sideBySide.setId("catalog-side-by-side");
        sideBySide.setPlaceholder(new Label("Select two or more accelerators (Ctrl+click) to compare them side by side."));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<CatalogEntry>) change -> updateSideBySide());
        SplitPane split = new SplitPane(table, sideBySide);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(10, new VBox(2, title, status), tools, split);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("page");
        root.setId("catalog-page");
        loadOwnPrices();
    }

    @Override
    public Node node() {
        return root;
    }

    private void loadOwnPrices() {
        Tasks.submit(() -> context.store().ownPrices(), prices -> {
            ownPrices = new HashMap<>(prices);
            table.refresh();
            updateStatus();
        }, error -> status.setText("Could not read own prices: " + error.getMessage()));
    }

    private void updateStatus() {
        status.setText(filtered.size() + " of " + context.catalog().entries().size() + " accelerators · "
                + ownPrices.size() + " with your own price · every figure with its source");
    }

    private Double hourlyRate(CatalogEntry entry) {
        OwnPrice own = ownPrices.get(entry.id());
        if (own != null && own.usdPerGpuHour() != null) {
            return own.usdPerGpuHour();
        }
        return entry.cheapest(PriceKind.CLOUD_ON_DEMAND).map(PriceQuote::usdPerGpuHour).orElse(null);
    }

    private String priceSource(CatalogEntry entry) {
        OwnPrice own = ownPrices.get(entry.id());
        if (own != null && own.usdPerGpuHour() != null) {
            return "your price" + (own.note() == null || own.note().isBlank() ? "" : " (" + own.note() + ")");
        }
        return entry.cheapest(PriceKind.CLOUD_ON_DEMAND).map(p -> p.provider() + ", " + p.asOf()).orElse("–");
    }

    /** A quote or own figures for the selected part (same id: it replaces the bundled entry), or a new part. */
    private void editOwnEntry(CatalogEntry selected) {
        new OwnEntryDialog(root.getScene().getWindow(), selected).showAndWait().ifPresent(entry -> Tasks.submit(() -> {
            context.catalogStore().orElseThrow().saveUserEntry(entry);
            context.reloadCatalog();
            return entry;
        }, saved -> {
            reloadEntries();
            status.setText("Saved your entry '" + saved.name() + "' (" + saved.id() + "); scenarios now use it.");
        }, error -> status.setText("Could not save your entry: " + error.getMessage())));
    }

    /** Removes the user's entry; a bundled entry with the same id shows again. The removed one stays in the history. */
    private void removeOwnEntry(CatalogEntry selected) {
        if (selected == null) {
            return;
        }
        Tasks.submit(() -> {
            context.catalogStore().orElseThrow().resetToBundled(selected.id());
            context.reloadCatalog();
            return selected;
        }, removed -> {
            reloadEntries();
            status.setText("Removed your entry " + removed.id() + ".");
        }, error -> status.setText("Could not remove the entry: " + error.getMessage()));
    }

    private void reloadEntries() {
        entries.setAll(context.catalog().entries());
        if (context.session().scenario() != null) {
            context.evaluation().requestNow(context.session().json());
        }
    }

    private void setOwnPrice(CatalogEntry entry) {
        Double current = hourlyRate(entry);
        TextInputDialog dialog = new TextInputDialog(current == null ? "" : Double.toString(current));
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Own price");
        dialog.setHeaderText("Your price for " + entry.name());
        dialog.setContentText("USD per GPU-hour:");
        Optional<String> answer = dialog.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        double rate;
        try {
            rate = Double.parseDouble(answer.get().strip());
        } catch (NumberFormatException e) {
            status.setText("'" + answer.get() + "' is not a price; nothing changed.");
            return;
        }
        if (!(rate > 0 && rate <= 10_000)) {
            status.setText("A price per GPU-hour must be above 0 and at most 10,000 USD; nothing changed.");
            return;
        }
        OwnPrice price = new OwnPrice(entry.id(), rate, null, "own quote");
        Tasks.submit(() -> {
            context.store().putOwnPrice(price);
            context.reloadOwnPrices();
            return price;
        }, saved -> {
            ownPrices.put(entry.id(), saved);
            table.refresh();
            updateStatus();
            requestReevaluation();
        }, error -> status.setText("Could not save the price: " + error.getMessage()));
    }

    /** Every own price at once is a lot to lose to one click: ask first, and offer an undo after. */
    private void confirmResetPrices() {
        if (ownPrices.isEmpty()) {
            status.setText("You have no own prices; the catalog's are in use.");
            return;
        }
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Remove your own price per GPU-hour for " + ownPrices.size() + " accelerator" + (ownPrices.size() == 1 ? "" : "s")
                        + " and use the catalog's? \"Undo reset\" brings them back.",
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Reset to bundled prices");
        confirm.setHeaderText("Reset your own prices?");
        confirm.showAndWait().filter(answer -> answer == javafx.scene.control.ButtonType.OK).ifPresent(answer -> resetPrices());
    }

    private void resetPrices() {
        List<OwnPrice> removed = List.copyOf(ownPrices.values());
        Tasks.submit(() -> {
            context.store().clearOwnPrices();
            context.reloadOwnPrices();
            return true;
        }, done -> {
            resetPrices = removed;
            undoReset.setVisible(true);
            ownPrices.clear();
            table.refresh();
            updateStatus();
            status.setText("Removed your own price for " + removed.size() + " accelerators; the catalog's are in use. Undo reset brings them back.");
            requestReevaluation();
        }, error -> status.setText("Could not reset: " + error.getMessage()));
    }

    private void undoResetPrices() {
        List<OwnPrice> restore = resetPrices;
        Tasks.submit(() -> {
            context.store().putOwnPrices(restore);
            context.reloadOwnPrices();
            return restore;
        }, restored -> {
            resetPrices = List.of();
            undoReset.setVisible(false);
            restored.forEach(p -> ownPrices.put(p.acceleratorId(), p));
            table.refresh();
            updateStatus();
            requestReevaluation();
        }, error -> status.setText("Could not restore your prices: " + error.getMessage()));
    }

    private void requestReevaluation() {
        if (context.session().scenario() != null) {
            context.evaluation().request(context.session().json());
        }
    }

    private void updateSideBySide() {
        List<CatalogEntry> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        sideBySide.getColumns().clear();
        sideBySide.getItems().clear();
        if (chosen.size() < 2) {
            return;
        }
        TableColumn<List<String>, String> field = new TableColumn<>("Figure");
        field.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(0)));
        field.setPrefWidth(170);
        sideBySide.getColumns().add(field);
        for (int i = 0; i < chosen.size(); i++) {
            int index = i + 1;
            TableColumn<List<String>, String> column = new TableColumn<>(chosen.get(i).name());
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(index)));
            column.setPrefWidth(220);
            sideBySide.getColumns().add(column);
        }
        List<String> keys = new ArrayList<>();
        chosen.forEach(e -> e.figures().keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }));
        for (String key : keys) {
            List<String> row = new ArrayList<>();
            row.add(key);
            for (CatalogEntry entry : chosen) {
                Figure figure = entry.figures().get(key);
                // Figure.estimate() is TRUE or null (null keeps "estimate" out of the JSON): never unbox it.
                row.add(figure == null ? "–" : Formats.number(figure.number()) + (Boolean.TRUE.equals(figure.estimate()) ? " (est.)" : "")
                        + "  [" + entry.source(figure.source()).map(s -> s.title()).orElse(figure.source()) + "]");
            }
            sideBySide.getItems().add(row);
        }
        List<String> price = new ArrayList<>(List.of("$/GPU-hour"));
        chosen.forEach(e -> price.add(hourlyRate(e) == null ? "–" : Formats.usd(hourlyRate(e)) + "  [" + priceSource(e) + "]"));
        sideBySide.getItems().add(price);
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("catalog.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        table.getColumns().forEach(c -> header.add(c.getText().replace("\n", " ").replace("GPU- hour", "GPU-hour")));
        rows.add(header);
        for (CatalogEntry entry : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (TableColumn<CatalogEntry, ?> column : table.getColumns()) {
                Object value = column.getCellData(entry);
                row.add(value == null ? "" : value.toString());
            }
            rows.add(row);
        }
        try {
            ChartExporter.CsvWriter.write(file.toPath(), rows);
        } catch (IOException e) {
            status.setText("Could not export: " + e.getMessage());
        }
    }

    private static TableColumn<CatalogEntry, String> text(String title, Function<CatalogEntry, String> value, double width) {
        TableColumn<CatalogEntry, String> column = Columns.text(title, value);
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<CatalogEntry, Double> number(String title, Function<CatalogEntry, Double> value) {
        TableColumn<CatalogEntry, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "–" : title.startsWith("$") ? Formats.usd(item) : Formats.tableFigure(item));
                setStyle("-fx-alignment: center-right;");
            }
        });
        column.setPrefWidth(80);
        return column;
    }
}
