package io.inferplan.app.sensitivity;


import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.TornadoChart;
import io.inferplan.app.fx.Columns;
import io.inferplan.cli.text.Formats;
import io.inferplan.app.page.PageView;
import io.inferplan.engine.scenario.Sensitivity;
import io.inferplan.engine.scenario.Sensitivity.Metric;
import io.inferplan.engine.scenario.Sensitivity.Swing;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * What moves the open scenario's result most: each input alone moved down and up by a chosen share, as a tornado
 * chart and a table, with progress and cancel while it runs ({@link SensitivityViewModel} decides when).
 */
public final class SensitivityView implements PageView {
    private final SensitivityViewModel model;
    private final Supplier<ChartStyle> style;
    private final ChoiceBox<Metric> metric = new ChoiceBox<>();
    private final ChoiceBox<Double> step = new ChoiceBox<>();
    private final ChartCard chart = new ChartCard("Sensitivity", "sensitivity-chart");
    private final TableView<Swing> table = new TableView<>();
    private final Label summary = new Label();
    private final VBox root;
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");

    public SensitivityView(SensitivityViewModel model, Supplier<ChartStyle> style) {
        this.model = model;
        this.style = style;
        Label title = new Label("Sensitivity");
        title.getStyleClass().add("page-title");
        summary.getStyleClass().add("page-subtitle");
        summary.setId("sensitivity-summary");
        summary.textProperty().bind(model.summaryProperty());

        metric.getItems().setAll(Metric.values());
        metric.setConverter(converter(m -> SensitivityViewModel.capitalised(m.label())));
        metric.setId("sensitivity-metric");
        metric.valueProperty().bindBidirectional(model.metricProperty());
        step.getItems().setAll(SensitivityViewModel.STEPS);
        step.setConverter(converter(s -> "±" + String.format(Locale.ROOT, "%.0f%%", s * 100)));
        step.setId("sensitivity-step");
        step.valueProperty().bindBidirectional(model.stepProperty());
        progress.setId("sensitivity-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(model.progressProperty());
        cancel.setId("sensitivity-cancel");
        cancel.setOnAction(event -> model.cancel());
        for (Node node : List.of(progress, cancel)) {
            node.visibleProperty().bind(model.runningProperty());
            node.managedProperty().bind(model.runningProperty());
        }
        HBox controls = new HBox(8, new Label("Result"), metric, new Label("Move each input by"), step, progress, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        table.setId("sensitivity-table");
        table.getColumns().addAll(List.of(
                column("Input", s -> s.driver().label()),
                column("Now", s -> Formats.withUnit(s.baseInput(), s.baseUnit())),
                column("Result, input lower", s -> side(s.low(), s.lowProblem())),
                column("Result, input higher", s -> side(s.high(), s.highProblem())),
                column("Swing", s -> format(s.spread(model.resultProperty().get().base())))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No inputs to move: open a scenario."));
        table.setPrefHeight(260);
        chart.setPrefHeight(420);
        chart.setMinHeight(320);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = new VBox(10, new VBox(2, title, summary), controls, chart, table);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("page");
        root.setId("sensitivity-page");
        model.resultProperty().addListener((obs, old, result) -> draw(result));
        model.messageProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                chart.showMessage(text);
            }
        });
        chart.showMessage(model.messageProperty().get());
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
        model.activate();
    }

    @Override
    public void hidden() {
        model.deactivate();
    }

    /** The latest result drawn, or null (tests). */
    public Sensitivity.Result result() {
        return model.resultProperty().get();
    }

    private void draw(Sensitivity.Result result) {
        if (result == null) {
            return;
        }
        Metric m = result.metric();
        List<TornadoChart.Bar> bars = result.swings().stream()
                .map(s -> new TornadoChart.Bar(s.driver().label(), s.low() - result.base(), s.high() - result.base())).toList();
        chart.show(TornadoChart.build(bars, m.label(), m.unit(), m.isMoney(), result.step(), style.get()));
        table.getItems().setAll(result.swings());
    }

    private String side(double value, String problem) {
        return Double.isNaN(value) ? "not a valid scenario" + (problem == null ? "" : ": " + problem) : format(value);
    }

    private String format(double value) {
        Sensitivity.Result shown = model.resultProperty().get();
        return SensitivityViewModel.format(shown == null ? model.metricProperty().get() : shown.metric(), value);
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        return Columns.fixedOrder(title, value);
    }
}
