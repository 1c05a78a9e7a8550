package io.inferplan.app.projection;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartExporter;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.ProjectionChart;
import io.inferplan.app.fx.Columns;
import io.inferplan.cli.text.Formats;
import io.inferplan.app.page.PageView;
import io.inferplan.engine.economics.ProjectionMonth;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The open scenario month by month: the projection chart large, and every month's figures in a table (CSV export). */
public final class ProjectionView implements PageView {
    private final ProjectionViewModel model;
    private final Supplier<ChartStyle> style;
    private final ChartCard chart = new ChartCard("Projection", "projection-chart");
    private final TableView<ProjectionMonth> table = new TableView<>();
    private final Label summary = new Label();
    private final Label exportProblem = new Label();
    private final VBox root;

    public ProjectionView(ProjectionViewModel model, Supplier<ChartStyle> style) {
        this.model = model;
        this.style = style;
        Label title = new Label("Projection");
        title.getStyleClass().add("page-title");
        summary.getStyleClass().add("page-subtitle");
        summary.textProperty().bind(model.summaryProperty());
        Button export = new Button("Export table as CSV…");
        export.setOnAction(event -> exportCsv());
        exportProblem.getStyleClass().add("field-error");
        HBox header = new HBox(12, new VBox(2, title, summary), spacer(), exportProblem, export);
        table.setId("projection-table");
        table.getColumns().addAll(List.of(
                column("Month", m -> Integer.toString(m.month())),
                column("Hardware", ProjectionMonth::accelerator),
                // One decimal in every row: demand grows by a share each month, so whole numbers are the exception.
                column("Requests/s", m -> String.format(java.util.Locale.ROOT, "%,.1f", m.averageRequestsPerSecond())),
                column("GPUs", m -> Long.toString(m.gpus())),
                column("Revenue", m -> Formats.usd(m.revenueUsd())),
                column("Serving cost", m -> Formats.usd(m.servingCostUsd())),
                column("Gross margin", m -> m.grossMarginPercent() == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", m.grossMarginPercent())),
                column("Operating profit", m -> Formats.usd(m.operatingProfitUsd())),
                column("Cumulative cash", m -> Formats.usd(m.cumulativeCashUsd())),
                column("Cost per M tokens", m -> Formats.usd(m.costPerMillionTokensUsd()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        chart.setPrefHeight(380);
        chart.setMinHeight(300);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(10, header, chart, table);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("page");
        root.setId("projection-page");
        table.setItems(model.months());
        model.projectionProperty().addListener((obs, old, projection) -> draw());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public List<ChartCard> charts() {
        return List.of(chart);
    }

    @Override
    public void shown() {
        draw();
    }

    /** Redraws the chart in the current theme. */
    private void draw() {
        var projection = model.projectionProperty().get();
        if (projection == null) {
            chart.showMessage("Open a scenario to see its projection.");
            return;
        }
        chart.show(ProjectionChart.build(projection.months().stream()
                .map(m -> new ProjectionChart.Month(m.month(), m.revenueUsd(), m.servingCostUsd() + m.fixedCostsUsd(), m.operatingProfitUsd()))
                .toList(), projection.breakEvenMonth(), style.get()));
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("projection.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        List<List<String>> rows = model.csvRows();
        try {
            ChartExporter.CsvWriter.write(file.toPath(), rows);
        } catch (IOException e) {
            exportProblem.setText("Could not export: " + e.getMessage());
        }
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        return Columns.fixedOrder(title, value);
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region region = new javafx.scene.layout.Region();
        HBox.setHgrow(region, Priority.ALWAYS);
        return region;
    }
}
