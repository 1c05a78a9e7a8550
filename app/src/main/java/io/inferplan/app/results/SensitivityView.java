package io.inferplan.app.results;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.charts.ChartStyle;
import io.inferplan.app.charts.TornadoChart;
import io.inferplan.app.editor.ScenarioSession;
import io.inferplan.app.fx.Columns;
import io.inferplan.app.fx.Background;
import io.inferplan.app.shell.PageView;
import io.inferplan.cli.text.Formats;
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
import javafx.concurrent.Task;
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
 * chart and a table. Recomputed off the FX thread, with progress and cancel, whenever the scenario is re-evaluated
 * while the page is open; a newer request or leaving the page cancels the run in progress.
 */
public final class SensitivityView implements PageView {
    private static final List<Double> STEPS = List.of(0.1, 0.2, 0.5);

    private final EvaluationService evaluation;
    private final ScenarioSession session;
    private final ScenarioAnalyzer analyzer;
    private final Supplier<ChartStyle> style;
    private final ChoiceBox<Metric> metric = new ChoiceBox<>();
    private final ChoiceBox<Double> step = new ChoiceBox<>();
    private final ChartCard chart = new ChartCard("Sensitivity", "sensitivity-chart");
    private final TableView<Swing> table = new TableView<>();
    private final Label summary = new Label();
    private final VBox root;
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private Task<Sensitivity.Result> running;
    private Sensitivity.Result shown;
    private boolean visible;

    public SensitivityView(EvaluationService evaluation, ScenarioSession session, ScenarioAnalyzer analyzer, Supplier<ChartStyle> style) {
        this.evaluation = evaluation;
        this.session = session;
        this.analyzer = analyzer;
        this.style = style;
        Label title = new Label("Sensitivity");
        title.getStyleClass().add("page-title");
        summary.getStyleClass().add("page-subtitle");
        summary.setId("sensitivity-summary");

        metric.getItems().setAll(Metric.values());
        metric.setValue(Metric.OPERATING_PROFIT);
        metric.setConverter(converter(m -> capitalised(m.label())));
        metric.setId("sensitivity-metric");
        step.getItems().setAll(STEPS);
        step.setValue(0.2);
        step.setConverter(converter(s -> "±" + String.format(Locale.ROOT, "%.0f%%", s * 100)));
        step.setId("sensitivity-step");
        metric.valueProperty().addListener((obs, old, value) -> recompute());
        step.valueProperty().addListener((obs, old, value) -> recompute());
        progress.setId("sensitivity-progress");
        progress.setPrefWidth(160);
        cancel.setId("sensitivity-cancel");
        cancel.setOnAction(event -> cancelRunning());
        showRunning(false);
        HBox controls = new HBox(8, new Label("Result"), metric, new Label("Move each input by"), step, progress, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        table.setId("sensitivity-table");
        table.getColumns().addAll(List.of(
                column("Input", s -> s.driver().label()),
                column("Now", s -> Formats.withUnit(s.baseInput(), s.baseUnit())),
                column("Result, input lower", s -> side(s.low(), s.lowProblem())),
                column("Result, input higher", s -> side(s.high(), s.highProblem())),
                column("Swing", s -> format(s.spread(shown.base())))));
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
        evaluation.analysisProperty().addListener((obs, old, analysis) -> {
            if (visible) {
                recompute();
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        visible = true;
        recompute();
    }

    @Override
    public void hidden() {
        visible = false;
        cancelRunning();
    }

    /** The latest result drawn, or null (tests). */
    public Sensitivity.Result result() {
        return shown;
    }

    private void recompute() {
        cancelRunning();
        String json = session.json();
        if (json == null || evaluation.analysisProperty().get() == null) {
            chart.showMessage("Open a valid scenario to see what moves its result.");
            return;
        }
        Metric chosen = metric.getValue();
        double share = step.getValue();
        Task<Sensitivity.Result> task = new Task<>() {
            @Override
            protected Sensitivity.Result call() {
                return Sensitivity.of(json, chosen, share, Sensitivity.STANDARD, analyzer::evaluate, new Sensitivity.Progress() {
                    @Override
                    public void update(int done, int total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        showRunning(true);
        task.setOnSucceeded(event -> {
            finished(task);
            show(task.getValue());
        });
        task.setOnFailed(event -> {
            finished(task);
            chart.showMessage("Sensitivity not available: " + task.getException().getMessage());
            summary.setText("");
        });
        task.setOnCancelled(event -> finished(task));
        Background.run(task);
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    private void finished(Task<Sensitivity.Result> task) {
        if (running == task) {
            running = null;
            progress.progressProperty().unbind();
            showRunning(false);
        }
    }

    private void showRunning(boolean on) {
        progress.setVisible(on);
        progress.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
    }

    private void show(Sensitivity.Result result) {
        shown = result;
        Metric m = result.metric();
        List<TornadoChart.Bar> bars = result.swings().stream()
                .map(s -> new TornadoChart.Bar(s.driver().label(), s.low() - result.base(), s.high() - result.base())).toList();
        chart.show(TornadoChart.build(bars, m.label(), m.unit(), m.isMoney(), result.step(), style.get()));
        table.getItems().setAll(result.swings());
        String top = result.swings().isEmpty() ? "" : " · largest: " + result.swings().getFirst().driver().label()
                + " (" + format(result.swings().getFirst().spread(result.base())) + " between its two sides)";
        summary.setText(capitalised(m.label()) + " now " + format(result.base()) + " " + m.suffix() + top);
    }

    private String side(double value, String problem) {
        return Double.isNaN(value) ? "not a valid scenario" + (problem == null ? "" : ": " + problem) : format(value);
    }

    private String format(double value) {
        Metric m = shown == null ? metric.getValue() : shown.metric();
        return m.isMoney() ? Formats.usd(value) : Formats.number(value);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
