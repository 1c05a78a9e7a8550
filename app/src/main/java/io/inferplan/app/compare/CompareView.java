package io.inferplan.app.compare;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.ScenarioCostChart;
import io.inferplan.app.compare.CompareViewModel.Comparison;
import io.inferplan.app.compare.CompareViewModel.Outcome;
import io.inferplan.app.compare.CompareViewModel.Row;
import io.inferplan.app.page.PageView;
import io.inferplan.app.workspace.StoredScenario;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;

/**
 * Two or more scenarios side by side: tick them in the list; their key figures line up in a table and their cost
 * per million tokens in a chart ({@link CompareViewModel} evaluates them).
 */
public final class CompareView implements PageView {
    private final CompareViewModel model;
    private final Supplier<ChartStyle> style;
    private final CheckListView<StoredScenario> picker = new CheckListView<>();
    private final TableView<Row> table = new TableView<>();
    private final ChartCard chart = new ChartCard("Cost per million tokens by scenario", "compare-chart");
    private final SplitPane root;
    /** True while the picker is being ticked to match the model: those ticks are the model's, not the user's. */
    private boolean syncing;

    /** A long name split at the space nearest its middle, for a two-line column header. */
    static String twoLines(String name) {
        if (name.length() <= 24) {
            return name;
        }
        int middle = name.length() / 2;
        int best = -1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return best < 0 ? name : name.substring(0, best) + "\n" + name.substring(best + 1);
    }

    /**
     * A cell whose long text (the trust band, what limits a replica) wraps instead of ending in "...": a text
     * node wrapped at the column's width, whose height the row then takes (a wrapping label kept one line).
     */
    private static final class WrappingCell extends TableCell<Row, String> {
        private final Text text = new Text();

        WrappingCell(TableColumn<Row, String> column) {
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            text.getStyleClass().add("wrapped-cell-text");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty ? null : item);
            setGraphic(empty ? null : text);
        }
    }

    public CompareView(CompareViewModel model, Supplier<ChartStyle> style) {
        this.model = model;
        this.style = style;
        picker.setItems(model.scenarios());
        picker.setId("compare-picker");
        // The check box cell shows the item's toString; a scenario shows its name through a converter.
        picker.setCellFactory(list -> new CheckBoxListCell<>(picker::getItemBooleanProperty, new StringConverter<StoredScenario>() {
            @Override
            public String toString(StoredScenario scenario) {
                return scenario == null ? "" : scenario.name();
            }

            @Override
            public StoredScenario fromString(String text) {
                return null;
            }
        }));
        picker.getCheckModel().getCheckedItems().addListener((ListChangeListener<StoredScenario>) change -> {
            if (!syncing) {
                model.check(List.copyOf(picker.getCheckModel().getCheckedItems()));
            }
        });
        model.checked().addListener((ListChangeListener<StoredScenario>) change -> tickAsTheModelSays());
        Label pickTitle = new Label("Scenarios to compare");
        pickTitle.getStyleClass().add("section-label");
        VBox left = new VBox(6, pickTitle, picker);
        VBox.setVgrow(picker, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        Label title = new Label("Compare");
        title.getStyleClass().add("page-title");
        Label status = new Label();
        status.getStyleClass().add("page-subtitle");
        status.textProperty().bind(model.statusProperty());
        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        chart.setPrefHeight(340);
        VBox right = new VBox(10, new VBox(2, title, status), table, chart);
        right.setPadding(new Insets(12));
        right.getStyleClass().add("page");
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new SplitPane(left, right);
        root.setDividerPositions(0.25);
        root.setId("compare-page");
        model.comparisonProperty().addListener((obs, old, comparison) -> show(comparison));
        model.messageProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                chart.showMessage(text);
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.activate();
    }

    @Override
    public void hidden() {
        model.deactivate();
    }

    private void tickAsTheModelSays() {
        var checks = picker.getCheckModel();
        if (List.copyOf(checks.getCheckedItems()).equals(model.checked())) {
            return;
        }
        syncing = true;
        try {
            checks.clearChecks();
            model.checked().forEach(checks::check);
        } finally {
            syncing = false;
        }
    }

    private void show(Comparison comparison) {
        table.getColumns().clear();
        TableColumn<Row, String> figure = new TableColumn<>("Figure");
        figure.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().figure()));
        figure.setMinWidth(180);
        figure.setMaxWidth(240);
        table.getColumns().add(figure);
        List<Outcome> outcomes = comparison.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            int index = i;
            // The whole scenario name, on two lines if need be: the names are what tells the columns apart.
            TableColumn<Row, String> column = new TableColumn<>(twoLines(outcomes.get(i).scenario()));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().values().get(index)));
            column.setCellFactory(c -> new WrappingCell(column));
            column.setMinWidth(140);
            column.setPrefWidth(220);
            table.getColumns().add(column);
        }
        // Up to four scenarios share the width; more scroll sideways at their own width.
        table.setColumnResizePolicy(outcomes.size() <= 4 ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                : TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getItems().setAll(comparison.rows());
        if (!outcomes.isEmpty()) {
            chart.show(ScenarioCostChart.build(outcomes.stream().filter(o -> o.result() != null)
                    .map(o -> new ScenarioCostChart.Bar(o.scenario(), o.result().tokenCosts().costPerMillionOutputTokensUsd(),
                            o.result().tokenCosts().costPerMillionInputTokensUsd())).toList(), style.get()));
        }
    }
}
