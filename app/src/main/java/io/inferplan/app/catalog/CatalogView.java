package io.inferplan.app.catalog;

import io.inferplan.analysis.charts.ChartExporter;
import io.inferplan.cli.text.Formats;
import io.inferplan.app.page.PageView;
import io.inferplan.catalog.CatalogEntry;
import java.io.File;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The accelerator catalog: a sortable, filterable table with each entry's sources; select two or more for a
 * side-by-side comparison; set your own price per GPU-hour or reset to the bundled prices; add or remove your own
 * entries. The dialogs live here; what they decide is done by {@link CatalogViewModel}.
 */
public final class CatalogView implements PageView {
    private final CatalogViewModel model;
    private final TableView<CatalogEntry> table = new TableView<>();
    private final TableView<List<String>> sideBySide = new TableView<>();
    private final VBox root;

    public CatalogView(CatalogViewModel model) {
        this.model = model;
        SortedList<CatalogEntry> sorted = new SortedList<>(model.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("catalog-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        model.columns().forEach(column -> table.getColumns().add(column.numeric() ? number(column) : text(column)));
        model.ownPricesProperty().addListener((obs, old, prices) -> table.refresh());
        TextField filter = new TextField();
        filter.setPromptText("Filter: name, vendor, family, memory type…");
        filter.setId("catalog-filter");
        filter.textProperty().bindBidirectional(model.filterProperty());
        var selected = table.getSelectionModel().selectedItemProperty();
        Button ownPrice = new Button("Set own price…");
        ownPrice.disableProperty().bind(selected.isNull());
        ownPrice.setOnAction(event -> setOwnPrice(selected.get()));
        Button ownEntry = new Button("Own quote or part…");
        ownEntry.setId("catalog-own-entry");
        ownEntry.setDisable(!model.canEditOwnEntries());
        ownEntry.setOnAction(event -> new OwnEntryDialog(window(), selected.get()).showAndWait().ifPresent(model::saveOwnEntry));
        Button removeOwn = new Button("Remove my entry");
        removeOwn.setId("catalog-remove-own");
        removeOwn.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canRemove(selected.get()), selected));
        removeOwn.setOnAction(event -> model.removeOwnEntry(selected.get()));
        Button reset = new Button("Reset to bundled prices");
        reset.setId("catalog-reset-prices");
        reset.setOnAction(event -> confirmResetPrices());
        Button undoReset = new Button("Undo reset");
        undoReset.setId("catalog-undo-reset");
        undoReset.visibleProperty().bind(model.canUndoResetProperty());
        undoReset.managedProperty().bind(undoReset.visibleProperty());
        undoReset.setOnAction(event -> model.undoReset());
        Button export = new Button("Export CSV…");
        export.setOnAction(event -> exportCsv());
        Label title = new Label("Catalog");
        title.getStyleClass().add("page-title");
        Label status = new Label();
        status.getStyleClass().add("page-subtitle");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox tools = new HBox(8, filter, ownEntry, removeOwn, ownPrice, reset, undoReset, export);
        sideBySide.setId("catalog-side-by-side");
        sideBySide.setPlaceholder(new Label("Select two or more accelerators (Ctrl+click) to compare them side by side."));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<CatalogEntry>) change -> updateSideBySide());
        SplitPane split = new SplitPane(table, sideBySide);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(10, new VBox(2, title, status), tools, split);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("page");
        root.setId("catalog-page");
    }

    @Override
    public Node node() {
        return root;
    }

    private javafx.stage.Window window() {
        return root.getScene().getWindow();
    }

    private void setOwnPrice(CatalogEntry entry) {
        Double current = model.hourlyRate(entry);
        TextInputDialog dialog = new TextInputDialog(current == null ? "" : Double.toString(current));
        dialog.initOwner(window());
        dialog.setTitle("Own price");
        dialog.setHeaderText("Your price for " + entry.name());
        dialog.setContentText("USD per GPU-hour:");
        dialog.showAndWait().ifPresent(typed -> model.setOwnPrice(entry, typed));
    }

    /** Every own price at once is a lot to lose to one click: ask first, and offer an undo after. */
    private void confirmResetPrices() {
        int count = model.ownPricesProperty().get().size();
        if (count == 0) {
            model.resetPrices();
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Remove your own price per GPU-hour for " + count + " accelerator"
                + (count == 1 ? "" : "s") + " and use the catalog's? \"Undo reset\" brings them back.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setTitle("Reset to bundled prices");
        confirm.setHeaderText("Reset your own prices?");
        confirm.showAndWait().filter(answer -> answer == ButtonType.OK).ifPresent(answer -> model.resetPrices());
    }

    private void updateSideBySide() {
        List<CatalogEntry> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        sideBySide.getColumns().clear();
        List<List<String>> rows = model.sideBySide(chosen);
        sideBySide.getItems().setAll(rows);
        if (rows.isEmpty()) {
            return;
        }
        sideBySide.getColumns().add(sideBySideColumn("Figure", 0, 170));
        for (int i = 0; i < chosen.size(); i++) {
            sideBySide.getColumns().add(sideBySideColumn(chosen.get(i).name(), i + 1, 220));
        }
    }

    private static TableColumn<List<String>, String> sideBySideColumn(String title, int index, double width) {
        TableColumn<List<String>, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(index)));
        column.setPrefWidth(width);
        return column;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("catalog.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        model.exportCsv(table.getItems(), rows -> ChartExporter.CsvWriter.write(file.toPath(), rows));
    }

    private static TableColumn<CatalogEntry, String> text(CatalogViewModel.Column spec) {
        TableColumn<CatalogEntry, String> column = new TableColumn<>(spec.title());
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper((String) spec.value().apply(cell.getValue())));
        column.setPrefWidth(spec.width());
        return column;
    }

    private static TableColumn<CatalogEntry, Double> number(CatalogViewModel.Column spec) {
        TableColumn<CatalogEntry, Double> column = new TableColumn<>(spec.title());
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>((Double) spec.value().apply(cell.getValue())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        boolean money = spec.title().startsWith("$");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "–" : money ? Formats.usd(item) : Formats.tableFigure(item));
                setStyle("-fx-alignment: center-right;");
            }
        });
        column.setPrefWidth(spec.width());
        return column;
    }
}
