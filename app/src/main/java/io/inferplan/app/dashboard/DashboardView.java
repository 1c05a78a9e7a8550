package io.inferplan.app.dashboard;

import io.inferplan.analysis.charts.AnalysisCharts;
import io.inferplan.analysis.RouteRows;
import io.inferplan.analysis.Analysis;
import io.inferplan.app.evaluation.EvaluationService;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.CostByAcceleratorChart;
import io.inferplan.app.editor.ScenarioForm;
import io.inferplan.cli.text.Formats;
import io.inferplan.app.page.PageView;
import io.inferplan.engine.perf.Bottleneck;
import io.inferplan.engine.scenario.ScenarioResult;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The open scenario: editors on the left; KPI tiles and the six charts on the right, redrawn whenever a new
 * analysis arrives. An evaluation that fails marks the field and dims the tiles, leaving the last good results.
 */
public final class DashboardView implements PageView {
    private final DashboardViewModel model;
    private final ScenarioForm form;
    private final Supplier<ChartStyle> style;
    private final SplitPane root;
    private final Label problemBanner = new Label();
    private final Label description = new Label();
    private final Label sources = new Label();
    private final KpiTile inputCost = new KpiTile("kpi-input-cost", "Per M input tokens", "Serving cost per million input tokens at the fleet's average load");
    private final KpiTile outputCost = new KpiTile("kpi-output-cost", "Per M output tokens", "Serving cost per million output tokens (reasoning included)");
    private final KpiTile gpus = new KpiTile("kpi-gpus", "GPUs needed", "GPUs to serve the peak within the latency targets");
    private final KpiTile margin = new KpiTile("kpi-margin", "Gross margin", "Revenue minus serving cost, over revenue, all tiers");
    private final KpiTile breakEven = new KpiTile("kpi-break-even", "Break-even month", "First projected month whose revenue covers all its costs");
    private final KpiTile limit = new KpiTile("kpi-limit", "Limited by", "What limits one replica at its operating point");
    private final KpiTile latency = new KpiTile("kpi-latency", "TTFT · TPOT", "Mean time to first token and time per output token at the operating point, against the scenario's targets");
    private final KpiTile trust = new KpiTile("kpi-trust", "Trust", "How far the performance figures may be off for this hardware and serving stack, from published measurements");
    private final ChartCard costChart = new ChartCard("Cost by accelerator", "chart-cost-by-accelerator");
    private final ChartCard marginChart = new ChartCard("Margin by tier", "chart-margin-by-tier");
    private final ChartCard breakEvenChart = new ChartCard("Break-even", "chart-break-even");
    private final ChartCard breakdownChart = new ChartCard("Cost per GPU-hour", "chart-cost-breakdown");
    private final ChartCard projectionChart = new ChartCard("Projection", "chart-projection");
    private final ChartCard paretoChart = new ChartCard("Throughput vs interactivity", "chart-pareto");
    private final ChartCard routeChart = new ChartCard("Cost and margin by route", "chart-cost-by-route");
    private final GridPane routeTable = new GridPane(12, 4);
    private final GridPane routeCards = new GridPane(10, 10);
    private long chartsDrawn;

    public DashboardView(EvaluationService evaluation, ScenarioForm form, Supplier<ChartStyle> style) {
        this(new DashboardViewModel(evaluation, form::describe), form, style, evaluation);
    }

    private DashboardView(DashboardViewModel model, ScenarioForm form, Supplier<ChartStyle> style, EvaluationService evaluation) {
        this.model = model;
        this.form = form;
        this.style = style;
        problemBanner.getStyleClass().add("banner-error");
        problemBanner.setId("problem-banner");
        problemBanner.setMaxWidth(Double.MAX_VALUE);
        problemBanner.setVisible(false);
        problemBanner.setManaged(false);

        TilePane tiles = new TilePane(8, 8, inputCost, outputCost, gpus, margin, breakEven, limit, latency, trust);
        tiles.setPrefColumns(4);
        tiles.setPrefTileWidth(150);
        tiles.setId("kpi-tiles");
        GridPane charts = chartGrid(List.of(costChart, marginChart, breakEvenChart, breakdownChart, projectionChart, paretoChart));
        description.setId("scenario-description");
        description.setWrapText(true);
        description.getStyleClass().add("scenario-description");
        sources.setId("scenario-sources");
        sources.setWrapText(true);
        sources.getStyleClass().add("scenario-sources");
        // Two lines at most, so a long list of price pages never pushes the charts down; all of it in the tooltip.
        sources.setMaxHeight(34);
        VBox about = new VBox(2, description, sources);
        buildRouteCards();
        // With routes, the routes are the result: their cards come right under the tiles, before the baseline's charts.
        VBox results = new VBox(10, problemBanner, about, tiles, sizingStatus(evaluation), routeCards, charts);
        results.setPadding(new Insets(12));
        results.getStyleClass().add("page");
        ScrollPane scroller = new ScrollPane(results);
        scroller.setFitToWidth(true);
        scroller.setId("results");
        root = new SplitPane(form.node(), scroller);
        root.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(form.node(), false);
        root.setId("dashboard");

        inputCost.follow(model.tile(DashboardViewModel.Kpi.INPUT_COST), model.staleProperty());
        outputCost.follow(model.tile(DashboardViewModel.Kpi.OUTPUT_COST), model.staleProperty());
        gpus.follow(model.tile(DashboardViewModel.Kpi.GPUS), model.staleProperty());
        margin.follow(model.tile(DashboardViewModel.Kpi.MARGIN), model.staleProperty());
        breakEven.follow(model.tile(DashboardViewModel.Kpi.BREAK_EVEN), model.staleProperty());
        limit.follow(model.tile(DashboardViewModel.Kpi.LIMIT), model.staleProperty());
        latency.follow(model.tile(DashboardViewModel.Kpi.LATENCY), model.staleProperty());
        trust.follow(model.tile(DashboardViewModel.Kpi.TRUST), model.staleProperty());
        model.problemProperty().addListener((obs, old, text) -> showProblem(text));
        model.descriptionProperty().addListener((obs, old, text) -> showAbout());
        model.sourcesProperty().addListener((obs, old, list) -> showAbout());
        model.analysisProperty().addListener((obs, old, analysis) -> draw(old, analysis));
        model.routeRowsProperty().addListener((obs, old, rows) -> showRouteRows(rows));
        // The second phase's bars come a moment after the rest: dimmed until then, never blank.
        costChart.opacityProperty().bind(javafx.beans.binding.Bindings.when(evaluation.sweepingProperty()).then(0.55).otherwise(1.0));
        evaluation.problemProperty().addListener((obs, old, problem) -> form.showProblem(problem == null ? null : problem.field(),
                problem == null ? null : problem.message(), problem == null ? null : problem.range()));
    }

    /** A line under the tiles while the simulator sizes the fleet (the tiles then change to its figures). */
    private static Node sizingStatus(EvaluationService evaluation) {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(evaluation.sizingProgressProperty());
        Label text = new Label("Sizing the fleet for the latency percentiles by simulation…");
        text.getStyleClass().add("scenario-sources");
        javafx.scene.layout.HBox running = new javafx.scene.layout.HBox(8, bar, text);
        running.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        running.visibleProperty().bind(evaluation.sizingProperty());
        running.managedProperty().bind(evaluation.sizingProperty());
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(evaluation.sizingProblemProperty());
        problem.visibleProperty().bind(evaluation.sizingProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox status = new VBox(2, running, problem);
        status.setId("sizing-status");
        return status;
    }

    public DashboardViewModel model() {
        return model;
    }

    /**
     * Offers "Solve for…" on the tiles a goal seek can reach: cost per million output tokens, GPUs, gross margin, and
     * break-even (operating profit). {@code solve} hears the target and the tile's figure now (NaN without one).
     */
    public void offerSolve(java.util.function.BiConsumer<io.inferplan.engine.solve.GoalSeek.Target, Double> solve) {
        var targets = new java.util.LinkedHashMap<KpiTile, io.inferplan.engine.solve.GoalSeek.Target>();
        targets.put(outputCost, io.inferplan.engine.solve.GoalSeek.Target.COST_PER_MILLION_OUTPUT_TOKENS);
        targets.put(gpus, io.inferplan.engine.solve.GoalSeek.Target.GPUS);
        targets.put(margin, io.inferplan.engine.solve.GoalSeek.Target.GROSS_MARGIN_PERCENT);
        targets.put(breakEven, io.inferplan.engine.solve.GoalSeek.Target.OPERATING_PROFIT);
        targets.forEach((tile, target) -> tile.offerSolve(() -> {
            Analysis shown = model.analysisProperty().get();
            solve.accept(target, shown == null ? Double.NaN : target.of(shown.result()));
        }));
    }

    @Override
    public Node node() {
        return root;
    }

    public ScenarioForm form() {
        return form;
    }

    /** How many times the charts have been redrawn from a new analysis (tests and timing wait on it). */
    public long chartsDrawn() {
        return chartsDrawn;
    }

    public boolean problemShown() {
        return problemBanner.isVisible();
    }

    public String problemText() {
        return problemBanner.getText();
    }

    /** The charts in view: the six, and the route card when the scenario has routes. */
    @Override
    public List<ChartCard> charts() {
        List<ChartCard> cards = new java.util.ArrayList<>(List.of(costChart, marginChart, breakEvenChart, breakdownChart,
                projectionChart, paretoChart));
        if (routeCards.isVisible()) {
            cards.add(routeChart);
        }
        return cards;
    }

    /** Whether the route card is shown (only for a scenario with routes). */
    public boolean routesShown() {
        return routeCards.isVisible();
    }

    /**
     * The route chart beside its rows, under the tiles; hidden for a scenario without routes. The tiles show the whole
     * routed service; the six charts stay the unrouted baseline's (the top-level deployment), which the caption says.
     */
    private void buildRouteCards() {
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        routeCards.getColumnConstraints().addAll(half, half);
        routeChart.setMinHeight(300);
        routeChart.setPrefHeight(300);
        routeTable.setId("route-rows");
        Label caption = new Label("By route, each on its own deployment; the tiles above are the whole service, the "
                + "charts below the unrouted baseline (all traffic on the top-level deployment).");
        caption.setWrapText(true);
        caption.getStyleClass().add("scenario-sources");
        VBox rows = new VBox(8, caption, routeTable);
        rows.setPadding(new Insets(8));
        // The table has six columns: it gets the whole width under the chart, where none of them is cut short.
        routeCards.add(routeChart, 0, 0, 2, 1);
        routeCards.add(rows, 0, 1, 2, 1);
        routeCards.setId("route-cards");
        routeCards.setVisible(false);
        routeCards.setManaged(false);
    }

    private void showRouteRows(List<RouteRows> rows) {
        boolean shown = !rows.isEmpty();
        routeCards.setVisible(shown);
        routeCards.setManaged(shown);
        routeTable.getChildren().clear();
        String[] header = {"Route", "Runs on", "Cost", "Margin", "Output", "TTFT · TPOT"};
        for (int c = 0; c < header.length; c++) {
            Label label = new Label(header[c]);
            label.getStyleClass().add("scenario-sources");
            routeTable.add(label, c, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            RouteRows row = rows.get(r);
            String[] cells = {row.route(), row.runsOn(), row.cost(), row.margin(), row.perToken(), row.latency()};
            for (int c = 0; c < cells.length; c++) {
                Label cell = new Label(cells[c]);
                cell.setWrapText(c == 1);
                if (c != 1) {
                    cell.setMinWidth(Region.USE_PREF_SIZE);
                }
                cell.setId("route-" + r + "-" + c);
                routeTable.add(cell, c, r + 1);
            }
        }
    }

    /** Redraws the charts in the current theme. */
    public void restyle() {
        if (model.analysisProperty().get() != null) {
            draw(null, model.analysisProperty().get());
        }
    }

    private GridPane chartGrid(List<ChartCard> cards) {
        GridPane grid = new GridPane(10, 10);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        for (int i = 0; i < cards.size(); i++) {
            ChartCard card = cards.get(i);
            card.setMinHeight(300);
            card.setPrefHeight(320);
            grid.add(card, i % 2, i / 2);
        }
        for (int r = 0; r < (cards.size() + 1) / 2; r++) {
            RowConstraints row = new RowConstraints(300, 320, Double.MAX_VALUE);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        return grid;
    }

    /**
     * Draws what changed: a new result redraws the scenario's own charts at once; the accelerator sweep that follows
     * (the same result with its second phase done) redraws only the cost-by-accelerator chart.
     */
    private void draw(Analysis old, Analysis analysis) {
        if (analysis == null) {
            return;
        }
        ChartStyle chartStyle = style.get();
        boolean newResult = old == null || old.result() != analysis.result();
        if (newResult) {
            drawScenarioCharts(analysis, chartStyle);
            chartsDrawn++;
        }
        if (analysis.acceleratorSweepDone() && (newResult || !old.acceleratorSweepDone())) {
            var sweep = analysis.acceleratorSweep();
            if (sweep.costs().isEmpty()) {
                costChart.showMessage("No part in the catalog with a price can serve this model"
                        + (sweep.unpriced().isEmpty() ? "." : "; without a price: " + String.join(", ", sweep.unpriced())
                        + " (set one in the Catalog page)."));
            } else {
                costChart.show(CostByAcceleratorChart.build(sweep.costs(), sweep.coverage(), sweep.unpriced(), chartStyle));
            }
        }
    }

    private void drawScenarioCharts(Analysis analysis, ChartStyle chartStyle) {
        ScenarioResult r = analysis.result();
        AnalysisCharts.marginByTier(r, chartStyle).ifPresentOrElse(marginChart::show,
                () -> marginChart.showMessage("No tier brings revenue: set prices in Pricing tiers."));
        breakEvenChart.show(AnalysisCharts.breakEven(analysis, chartStyle));
        breakdownChart.show(AnalysisCharts.costBreakdown(r, chartStyle));
        projectionChart.show(AnalysisCharts.projection(r, chartStyle));
        AnalysisCharts.pareto(analysis, chartStyle).ifPresentOrElse(paretoChart::show,
                () -> paretoChart.showMessage("No batch size fits this model on this hardware."));
        AnalysisCharts.costByRoute(analysis, chartStyle).ifPresentOrElse(routeChart::show,
                () -> routeChart.showMessage("No routes in this scenario."));
    }

    private void showProblem(String text) {
        boolean failed = !text.isEmpty();
        problemBanner.setText(text);
        problemBanner.setVisible(failed);
        problemBanner.setManaged(failed);
    }

    private void showAbout() {
        String text = model.descriptionProperty().get();
        List<String> cited = model.sourcesProperty().get();
        boolean hasText = !text.isBlank();
        description.setText(text);
        description.setVisible(hasText);
        description.setManaged(hasText);
        String joined = String.join(" · ", cited);
        sources.setText(cited.isEmpty() ? "" : "Sources: " + joined);
        sources.setTooltip(cited.isEmpty() ? null : new javafx.scene.control.Tooltip(String.join("\n", cited)));
        sources.setVisible(!cited.isEmpty());
        sources.setManaged(!cited.isEmpty());
    }
}
