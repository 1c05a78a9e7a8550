package io.inferplan.app.latency;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.KvOccupancyChart;
import io.inferplan.analysis.charts.LatencyCurveChart;
import io.inferplan.analysis.charts.LatencyDistributionChart;
import io.inferplan.app.fx.PageHeading;
import io.inferplan.app.fx.RunControls;
import io.inferplan.app.page.PageView;
import io.inferplan.engine.sim.LatencyTargets;
import io.inferplan.engine.sim.ScenarioSimulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Tail latency under load, from the serving simulator: p50 and p99 TTFT and TPOT against the request rate per
 * replica (targets and capacity marked), how both spread over the requests at the operating point, and the KV cache
 * over the run. {@link LatencyViewModel} decides when to simulate.
 */
public final class LatencyView implements PageView {
    private final LatencyViewModel model;
    private final Supplier<ChartStyle> style;
    private final ChartCard ttftCurve = new ChartCard("TTFT against request rate", "latency-ttft-curve");
    private final ChartCard tpotCurve = new ChartCard("TPOT against request rate", "latency-tpot-curve");
    private final ChartCard ttftDistribution = new ChartCard("TTFT distribution", "latency-ttft-distribution");
    private final ChartCard tpotDistribution = new ChartCard("TPOT distribution", "latency-tpot-distribution");
    private final ChartCard kv = new ChartCard("KV cache over time", "latency-kv");
    private final ScrollPane root;

    public LatencyView(LatencyViewModel model, Supplier<ChartStyle> style) {
        this.model = model;
        this.style = style;
        VBox heading = PageHeading.of("latency", "Latency", model.summaryProperty());
        Label message = new Label();
        message.setId("latency-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        List<Node> running = RunControls.progressAndCancel("latency", 180, model.progressProperty(), model.runningProperty(), model::cancel);
        Button again = new Button("Simulate again");
        again.setId("latency-again");
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(event -> model.recompute());
        HBox controls = new HBox(8, running.get(0), running.get(1), message, again);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("One replica of the scenario's deployment, Poisson arrivals, the workload's lengths; the stack's "
                + "scheduler, chunked prefill and KV cache simulated step by step (docs/simulator.md).");
        note.getStyleClass().add("scenario-sources");
        note.setWrapText(true);

        GridPane grid = new GridPane(10, 10);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        List<ChartCard> cards = List.of(ttftCurve, tpotCurve, ttftDistribution, tpotDistribution);
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).setMinHeight(300);
            cards.get(i).setPrefHeight(330);
            grid.add(cards.get(i), i % 2, i / 2);
        }
        kv.setMinHeight(280);
        kv.setPrefHeight(300);
        grid.add(kv, 0, 2, 2, 1);
        VBox page = new VBox(10, heading, controls, note, grid);
        page.setPadding(new Insets(12));
        page.getStyleClass().add("page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("latency-page");
        model.resultProperty().addListener((obs, old, result) -> draw(result));
        model.messageProperty().addListener((obs, old, text) -> {
            if (model.resultProperty().get() == null && !text.isEmpty()) {
                cards().forEach(card -> card.showMessage(text));
            }
        });
        cards().forEach(card -> card.showMessage(model.messageProperty().get()));
    }

    private List<ChartCard> cards() {
        return List.of(ttftCurve, tpotCurve, ttftDistribution, tpotDistribution, kv);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        // The theme may have changed while the page was away.
        restyle();
        model.activate();
    }

    @Override
    public void hidden() {
        model.deactivate();
    }

    /** The charts, for the window's "export every chart". */
    @Override
    public List<ChartCard> charts() {
        return cards();
    }

    /** Redraws in the current theme. */
    public void restyle() {
        draw(model.resultProperty().get());
    }

    private void draw(LatencyViewModel.Result result) {
        if (result == null) {
            return;
        }
        ChartStyle chartStyle = style.get();
        ttftCurve.show(LatencyCurveChart.build(result.curve(), LatencyCurveChart.Latency.TTFT, chartStyle));
        tpotCurve.show(LatencyCurveChart.build(result.curve(), LatencyCurveChart.Latency.TPOT, chartStyle));
        ScenarioSimulation.OperatingPoint point = result.operatingPoint();
        var summary = point.summary();
        LatencyTargets targets = result.capacity().targets();
        ttftDistribution.show(LatencyDistributionChart.build("TTFT at the operating point", point.ttftSeconds(),
                marks(summary.ttft().p50Seconds(), targets.ttftPercentile(), targets.ttftOf(summary)), point.requestsPerSecond(), chartStyle));
        if (point.tpotSeconds().length == 0) {
            tpotDistribution.showMessage("No request generated two tokens or more: no time per output token to show.");
        } else {
            tpotDistribution.show(LatencyDistributionChart.build("TPOT at the operating point", point.tpotSeconds(),
                    marks(summary.tpot().p50Seconds(), targets.tpotPercentile(), targets.tpotOf(summary)), point.requestsPerSecond(), chartStyle));
        }
        if (point.sampleSeconds().length < 2) {
            kv.showMessage("The run was too short to sample the KV cache.");
        } else {
            kv.show(KvOccupancyChart.build(point.sampleSeconds(), point.kvShare(), point.runningSequences(), point.waitingRequests(),
                    summary.preemptions(), chartStyle));
        }
    }

    /** The median and the target's percentile (p99 when the target names none). */
    private static Map<String, Double> marks(double p50Seconds, double targetPercentile, double atTargetSeconds) {
        Map<String, Double> marks = new LinkedHashMap<>();
        marks.put("p50", p50Seconds);
        marks.put(LatencyTargets.label(targetPercentile), atTargetSeconds);
        return marks;
    }
}
