package io.inferplan.app.results;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.charts.ChartExporter;
import io.inferplan.app.charts.ChartStyle;
import io.inferplan.app.charts.ProjectionChart;
import io.inferplan.app.fx.Columns;
import io.inferplan.app.shell.PageView;
import io.inferplan.cli.text.Formats;
import io.inferplan.engine.economics.ProjectionMonth;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
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
    private final EvaluationService evaluation;
    private final Supplier<ChartStyle> style;
    private final ChartCard chart = new ChartCard("Projection", "projection-chart");
    private final TableView<ProjectionMonth> table = new TableView<>();
    private final Label summary = new Label();
    private final VBox root;

    public ProjectionView(EvaluationService evaluation, Supplier<ChartStyle> style) {
        this.evaluation = evaluation;
        this.style = style;
        Label title = new Label("Projection");
        title.getStyleClass().add("page-title");
        summary.getStyleClass().add("page-subtitle");
        Button export = new Button("Export table as CSV…");
        export.setOnAction(event -> exportCsv());
        HBox header = new HBox(12, new VBox(2, title, summary), spacer(), export);
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
        evaluation.analysisProperty().addListener((obs, old, analysis) -> refresh());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        refresh();
    }

    private void refresh() {
        Analysis analysis = evaluation.analysisProperty().get();
        if (analysis == null) {
            chart.showMessage("Open a scenario to see its projection.");
            return;
        }
        var projection = analysis.result().projection();
        chart.show(ProjectionChart.build(projection.months().stream()
                .map(m -> new ProjectionChart.Month(m.month(), m.revenueUsd(), m.servingCostUsd() + m.fixedCostsUsd(), m.operatingProfitUsd()))
                .toList(), projection.breakEvenMonth(), style.get()));
        table.getItems().setAll(projection.months());
        summary.setText(analysis.result().scenarioName() + " · " + projection.months().size() + " months · revenue "
                + Formats.usd(projection.totalRevenueUsd()) + ", cost " + Formats.usd(projection.totalCostUsd())
                + ", operating profit " + Formats.usd(projection.totalOperatingProfitUsd()) + " · peak " + projection.peakGpus() + " GPUs");
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("projection.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("month", "accelerator", "averageRequestsPerSecond", "gpus", "revenueUsd", "servingCostUsd",
                "fixedCostsUsd", "grossMarginPercent", "operatingProfitUsd", "capexUsd", "cumulativeCashUsd", "costPerMillionTokensUsd"));
        for (ProjectionMonth m : table.getItems()) {
            rows.add(List.of(Integer.toString(m.month()), m.accelerator(), Double.toString(m.averageRequestsPerSecond()),
                    Long.toString(m.gpus()), Double.toString(m.revenueUsd()), Double.toString(m.servingCostUsd()),
                    Double.toString(m.fixedCostsUsd()), m.grossMarginPercent() == null ? "" : Double.toString(m.grossMarginPercent()),
                    Double.toString(m.operatingProfitUsd()), Double.toString(m.capexUsd()), Double.toString(m.cumulativeCashUsd()),
                    Double.toString(m.costPerMillionTokensUsd())));
        }
        try {
            ChartExporter.CsvWriter.write(file.toPath(), rows);
        } catch (IOException e) {
            summary.setText("Could not export: " + e.getMessage());
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
