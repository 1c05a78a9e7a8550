package io.inferplan.app.compare;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.charts.ChartStyle;
import io.inferplan.app.charts.CompactFormat;
import io.inferplan.app.fx.Tasks;
import io.inferplan.app.shell.AppContext;
import io.inferplan.app.shell.PageView;
import io.inferplan.app.workspace.StoredScenario;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckListView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Two or more scenarios side by side: tick them in the list; their key figures line up in a table and their cost
 * per million tokens in a chart. Evaluations run off the FX thread.
 */
public final class CompareView implements PageView {
    private final AppContext context;
    private final CheckListView<StoredScenario> picker = new CheckListView<>();
    private final TableView<Row> table = new TableView<>();
    private final ChartCard chart = new ChartCard("Cost per million tokens by scenario", "compare-chart");
    private final Label status = new Label();
    private final SplitPane root;
    private long generation;
    /** False until the saved selection is back: checking it again must not overwrite what is saved. */
    private boolean selectionRestored;
    private boolean showing;
    static final String SELECTION_SETTING = "compare.selection";

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
    private static final class WrappingCell extends javafx.scene.control.TableCell<Row, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell(TableColumn<Row, String> column) {
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            text.getStyleClass().add("wrapped-cell-text");
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty ? null : item);
            setGraphic(empty ? null : text);
        }
    }

    /** One figure across the compared scenarios. */
    record Row(String figure, List<String> values) {
    }

    public CompareView(AppContext context) {
        this.context = context;
        picker.setItems(context.scenarios().all());
        picker.setId("compare-picker");
        // The check box cell shows the item's toString; a scenario shows its name through a converter.
        picker.setCellFactory(list -> new javafx.scene.control.cell.CheckBoxListCell<>(picker::getItemBooleanProperty,
                new javafx.util.StringConverter<StoredScenario>() {
                    @Override
                    public String toString(StoredScenario scenario) {
                        return scenario == null ? "" : scenario.name();
                    }

                    @Override
                    public StoredScenario fromString(String text) {
                        return null;
                    }
                }));
        picker.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<StoredScenario>) change -> {
            if (selectionRestored) {
                rememberSelection();
            }
            refresh();
        });
        picker.getItems().addListener((javafx.collections.ListChangeListener<StoredScenario>) change -> {
            if (showing && !selectionRestored) {
                restoreSelectionOnce();
                refresh();
            }
        });
        Label pickTitle = new Label("Scenarios to compare");
        pickTitle.getStyleClass().add("section-label");
        VBox left = new VBox(6, pickTitle, picker);
        VBox.setVgrow(picker, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        Label title = new Label("Compare");
        title.getStyleClass().add("page-title");
        status.getStyleClass().add("page-subtitle");
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
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        showing = true;
        restoreSelectionOnce();
        refresh();
    }

    @Override
    public void hidden() {
        showing = false;
    }

    /**
     * The page can be shown before the workspace's scenarios are listed (it was the page open at closing): the
     * saved selection is restored once there is something to tick, and only then saved again.
     */
    private void restoreSelectionOnce() {
        if (selectionRestored || picker.getItems().isEmpty()) {
            return;
        }
        restoreSelection();
        selectionRestored = true;
        rememberSelection();
    }

    /** The scenarios ticked when the app last closed, those still in the workspace; else the first three. */
    private void restoreSelection() {
        String saved = context.store().settings().getOrDefault(SELECTION_SETTING, "");
        List<String> ids = saved.isBlank() ? List.of() : List.of(saved.split(","));
        for (StoredScenario scenario : picker.getItems()) {
            if (ids.contains(scenario.id().toString())) {
                picker.getCheckModel().check(scenario);
            }
        }
        if (picker.getCheckModel().getCheckedItems().isEmpty()) {
            // Start with something to look at.
            for (int i = 0; i < Math.min(3, picker.getItems().size()); i++) {
                picker.getCheckModel().check(i);
            }
        }
    }

    private void rememberSelection() {
        context.store().putSettingLater(SELECTION_SETTING, String.join(",",
                picker.getCheckModel().getCheckedItems().stream().map(s -> s.id().toString()).toList()));
    }

    private void refresh() {
        List<StoredScenario> chosen = List.copyOf(picker.getCheckModel().getCheckedItems());
        if (chosen.size() < 2) {
            status.setText("Tick two or more scenarios.");
        }
        if (chosen.isEmpty()) {
            table.getItems().clear();
            chart.showMessage("Tick scenarios on the left to compare them.");
            return;
        }
        status.setText("Evaluating " + chosen.size() + " scenarios…");
        // Ticking three boxes starts three evaluations; only the newest may fill the table.
        long request = ++generation;
        Tasks.submit(() -> evaluateAll(chosen), results -> {
            if (request == generation) {
                show(results);
            }
        }, error -> status.setText("Could not compare: " + error.getMessage()));
    }

    private Map<String, Object> evaluateAll(List<StoredScenario> chosen) {
        Map<String, Object> results = new LinkedHashMap<>();
        for (StoredScenario scenario : chosen) {
            try {
                results.put(scenario.name(), context.analyzer().evaluate(scenario.documentJson()));
            } catch (RuntimeException e) {
                results.put(scenario.name(), e.getMessage());
            }
        }
        return results;
    }

    private void show(Map<String, Object> results) {
        table.getColumns().clear();
        TableColumn<Row, String> figure = new TableColumn<>("Figure");
        figure.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().figure()));
        figure.setMinWidth(180);
        figure.setMaxWidth(240);
        table.getColumns().add(figure);
        List<String> names = new ArrayList<>(results.keySet());
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            // The whole scenario name, on two lines if need be: the names are what tells the columns apart.
            TableColumn<Row, String> column = new TableColumn<>(twoLines(names.get(i)));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().values().get(index)));
            column.setCellFactory(c -> new WrappingCell(column));
            column.setMinWidth(140);
            column.setPrefWidth(220);
            table.getColumns().add(column);
        }
        // Up to four scenarios share the width; more scroll sideways at their own width.
        table.setColumnResizePolicy(names.size() <= 4 ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                : TableView.UNCONSTRAINED_RESIZE_POLICY);
        List<Row> rows = new ArrayList<>();
        rows.add(row("Model", results, ScenarioResult::model));
        rows.add(row("Accelerator", results, ScenarioResult::accelerator));
        rows.add(row("GPUs needed", results, r -> Integer.toString(r.capacity().gpusRequired())));
        rows.add(row("Cost per M input tokens", results, r -> Formats.usd(r.tokenCosts().costPerMillionInputTokensUsd())));
        rows.add(row("Cost per M output tokens", results, r -> Formats.usd(r.tokenCosts().costPerMillionOutputTokensUsd())));
        rows.add(row("Cost per M tokens, blended", results, r -> Formats.usd(r.tokenCosts().costPerMillionTokensBlendedUsd())));
        rows.add(row("Revenue per month", results, r -> Formats.usd(r.totals().revenueUsdPerMonth())));
        rows.add(row("Serving cost per month", results, r -> Formats.usd(r.totals().servingCostUsdPerMonth())));
        rows.add(row("Gross margin", results, r -> r.totals().grossMarginPercent() == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", r.totals().grossMarginPercent())));
        rows.add(row("Break-even month", results, r -> r.breakEven().breakEvenMonth() == null ? "never" : Integer.toString(r.breakEven().breakEvenMonth())));
        rows.add(row("Limited by", results, r -> r.replica().limitedBy()));
        rows.add(row("Trust", results, r -> r.replica().errorBand()));
        table.getItems().setAll(rows);
        long failed = results.values().stream().filter(v -> v instanceof String).count();
        status.setText(results.size() + " scenarios" + (failed > 0 ? " · " + failed + " could not be evaluated (see the table)" : ""));
        chart.show(costChart(results, context.chartStyle()));
    }

    private static Row row(String figure, Map<String, Object> results, Function<ScenarioResult, String> value) {
        List<String> values = new ArrayList<>();
        for (Object result : results.values()) {
            values.add(result instanceof ScenarioResult r ? value.apply(r) : "error: " + result);
        }
        return new Row(figure, values);
    }

    private static JFreeChart costChart(Map<String, Object> results, ChartStyle style) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        results.forEach((name, result) -> {
            if (result instanceof ScenarioResult r) {
                // Output first, as on the dashboard's cost chart: one colour means one thing on every page.
                data.addValue(r.tokenCosts().costPerMillionOutputTokensUsd(), "Output", name);
                data.addValue(r.tokenCosts().costPerMillionInputTokensUsd(), "Input", name);
            }
        });
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1} · {0}: ${2} per million tokens",
                new java.text.DecimalFormat("#,##0.000", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
        org.jfree.chart.axis.NumberAxis axis = new org.jfree.chart.axis.NumberAxis("USD per million tokens");
        axis.setNumberFormatOverride(CompactFormat.usd());
        CategoryAxis categories = new CategoryAxis(null);
        categories.setMaximumCategoryLabelLines(2);
        JFreeChart chart = new JFreeChart("Cost per million tokens by scenario", new CategoryPlot(data, categories, axis, renderer));
        style.apply(chart);
        return chart;
    }
}
