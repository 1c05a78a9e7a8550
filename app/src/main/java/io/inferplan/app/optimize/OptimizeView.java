package io.inferplan.app.optimize;

import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.PartFrontierChart;
import io.inferplan.app.charts.ChartCard;
import io.inferplan.app.fx.Columns;
import io.inferplan.app.fx.PageHeading;
import io.inferplan.app.fx.RunControls;
import io.inferplan.app.page.PageView;
import io.inferplan.cli.search.SimulatedCells;
import io.inferplan.engine.model.Precision;
import io.inferplan.engine.optimize.FrontierPoint;
import io.inferplan.engine.optimize.RankedConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * Which part, in which configuration, serves the open scenario's workload within its targets for the least money:
 * the ranked configurations, each part's throughput/interactivity frontier, filters, and "Use this configuration".
 * {@link OptimizeViewModel} decides when to search.
 */
public final class OptimizeView implements PageView {
    private final OptimizeViewModel model;
    private final Supplier<ChartStyle> style;
    private final TableView<RankedConfiguration> table = new TableView<>();
    private final ChartCard frontier = new ChartCard("Throughput against interactivity", "optimize-frontier");
    private final Label applied = new Label();
    private final ScrollPane root;

    public OptimizeView(OptimizeViewModel model, Supplier<ChartStyle> style) {
        this.model = model;
        this.style = style;
        VBox heading = PageHeading.of("optimize", "Optimize", model.summaryProperty());

        VBox page = new VBox(10, heading, filters(), progressRow(), tableCard(), frontierRow());
        page.setPadding(new Insets(12));
        page.getStyleClass().add("page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("optimize-page");
        model.outcomeProperty().addListener((obs, old, outcome) -> drawFrontier());
        model.selectedProperty().addListener((obs, old, chosen) -> drawFrontier());
        model.messageProperty().addListener((obs, old, text) -> {
            if (model.outcomeProperty().get() == null && !text.isEmpty()) {
                frontier.showMessage(text);
            }
        });
        frontier.showMessage(model.messageProperty().get());
    }

    private Node filters() {
        CheckComboBox<String> vendors = new CheckComboBox<>();
        vendors.setId("optimize-vendors");
        vendors.setTitle("all vendors");
        vendors.getItems().setAll(model.knownVendors());
        vendors.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            model.vendors().retainAll(vendors.getCheckModel().getCheckedItems());
            model.vendors().addAll(vendors.getCheckModel().getCheckedItems());
            vendors.setTitle(model.vendors().isEmpty() ? "all vendors" : null);
        });
        ComboBox<Precision> floor = new ComboBox<>();
        floor.setId("optimize-precision-floor");
        floor.getItems().setAll(Precision.FP4, Precision.FP8, Precision.BF16);
        floor.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "" : switch (p) {
                    case FP4 -> "FP4 and wider (all)";
                    case FP8 -> "FP8 and wider (no FP4)";
                    default -> "BF16 only (no quantization)";
                };
            }

            @Override
            public Precision fromString(String text) {
                return null;
            }
        });
        floor.valueProperty().bindBidirectional(model.precisionFloorProperty());
        ComboBox<Integer> maxGpus = new ComboBox<>();
        maxGpus.setId("optimize-max-gpus");
        maxGpus.getItems().setAll(OptimizeViewModel.MAX_GPU_CHOICES);
        maxGpus.setValue(model.maxGpusPerReplicaProperty().get());
        maxGpus.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.maxGpusPerReplicaProperty().set(value);
            }
        });
        CheckBox meeting = new CheckBox("Only configurations meeting the targets");
        meeting.setId("optimize-only-meeting");
        meeting.selectedProperty().bindBidirectional(model.onlyMeetingTargetsProperty());
        HBox row = new HBox(8, new Label("Vendors"), vendors, new Label("Weights and KV"), floor,
                new Label("GPUs per replica up to"), maxGpus, meeting);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node progressRow() {
        List<Node> running = RunControls.progressAndCancel("optimize", 180, model.progressProperty(), model.runningProperty(), model::cancel);
        Label message = RunControls.message("optimize", model.messageProperty());
        Button again = new Button("Search again");
        again.setId("optimize-again");
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(event -> model.searchAgain());
        Button use = new Button("Use this configuration");
        use.setId("optimize-apply");
        use.getStyleClass().add("accent");
        use.disableProperty().bind(model.selectedProperty().isNull());
        use.setOnAction(event -> applied.setText(model.apply(model.selectedProperty().get())));
        applied.setId("optimize-applied");
        applied.setWrapText(true);
        applied.getStyleClass().add("scenario-sources");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, running.get(0), running.get(1), message, grow, again, use);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, applied);
    }

    private Node tableCard() {
        table.setId("optimize-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No configuration yet."));
        table.setPrefHeight(380);
        table.setMinHeight(240);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RankedConfiguration, String> rank = Columns.fixedOrder("#", c -> Integer.toString(model.rows().indexOf(c) + 1));
        rank.setMaxWidth(48);
        TableColumn<RankedConfiguration, String> configuration = Columns.text("Configuration", RankedConfiguration::describe);
        configuration.setPrefWidth(330);
        TableColumn<RankedConfiguration, String> gpus = Columns.text("GPUs",
                c -> c.gpusTotal() + " = " + c.gpusPerReplica() + " × " + c.replicas());
        gpus.setMinWidth(96);
        gpus.setComparator(java.util.Comparator.comparingInt(text -> Integer.parseInt(text.substring(0, text.indexOf(' ')))));
        table.getColumns().addAll(List.of(rank, configuration, gpus,
                fits(Columns.number("$/M out", RankedConfiguration::costPerMillionOutputTokensUsd, v -> money(v)), 70),
                fits(Columns.number("$/M in", RankedConfiguration::costPerMillionInputTokensUsd, v -> money(v)), 64),
                fits(Columns.number("$/M mix", RankedConfiguration::costPerMillionTokensBlendedUsd, v -> money(v)), 68),
                fits(Columns.number("TTFT ms", c -> c.ttftSeconds() * 1e3, v -> String.format(Locale.ROOT, "%,.0f", v)), 72),
                fits(Columns.number("TPOT ms", c -> c.tpotSeconds() * 1e3, v -> String.format(Locale.ROOT, "%.1f", v)), 72),
                wide(Columns.text("p99 TTFT", c -> simulated(c, c.ttftP99Seconds(), "%,.0f"))),
                wide(Columns.text("p99 TPOT", c -> simulated(c, c.tpotP99Seconds(), "%.1f"))),
                wide(Columns.text("Sim. GPUs", OptimizeView::simulatedGpus)),
                Columns.number("kW", RankedConfiguration::powerKilowatts, v -> String.format(Locale.ROOT, "%,.1f", v)),
                Columns.number("Margin", RankedConfiguration::grossMarginPercent, v -> String.format(Locale.ROOT, "%.0f%%", v)),
                Columns.number("± error", RankedConfiguration::errorBandPercent, v -> String.format(Locale.ROOT, "%.0f%%", v)),
                Columns.text("Targets", c -> c.meetsLatencyTargets() ? "met" : "missed"),
                Columns.text("Priced at", RankedConfiguration::priceSource)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        Label note = new Label("Ranked as the engine ranks them: meeting the latency targets first, each group cheapest per "
                + "output token first. A missed target: even one request alone misses it; its costs are at full throughput. "
                + "GPUs = per replica × replicas. TTFT and TPOT are steady-state means at the operating point; the p99 columns (ms) are "
                + "the serving simulator's at the scenario's peak on the row's replicas (first " + OptimizeViewModel.SIMULATED_ROWS
                + " rows; overloaded: its queue grows there), and Sim. GPUs the fleet it needs within the targets at their "
                + "percentiles. $/M mix: blended, per million tokens of the scenario's own input, cached and output mix. kW: the fleet's IT "
                + "power (boards, plus the server share when owned; no facility PUE). ± error is how far the performance figures "
                + "may be off. Not searched here: "
                + "disaggregated prefill/decode (`inferplan optimize --disaggregated`: a much less accurate model; docs/optimize.md).");
        note.getStyleClass().add("scenario-sources");
        note.setWrapText(true);
        return new VBox(4, table, note);
    }

    private Node frontierRow() {
        frontier.setMinHeight(340);
        frontier.setPrefHeight(400);
        return frontier;
    }

    /** At least {@code width} px: the header and a figure stay whole when the table is crowded. */
    private static <T> TableColumn<RankedConfiguration, T> fits(TableColumn<RankedConfiguration, T> column, double width) {
        column.setMinWidth(width);
        return column;
    }

    /** Room for the simulated columns' headers and "overloaded"; right-aligned like the other figures. */
    private static <T> TableColumn<RankedConfiguration, T> wide(TableColumn<RankedConfiguration, T> column) {
        column.setMinWidth(84);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    /** A simulated latency in ms; blank for rows not simulated. */
    private static String simulated(RankedConfiguration c, Double seconds, String format) {
        return SimulatedCells.percentileMillis(c, seconds, format, "");
    }

    private static String simulatedGpus(RankedConfiguration c) {
        if (!c.simulated()) {
            return "";
        }
        return c.simulatedReplicas() == 0 ? "none meets" : String.format(Locale.ROOT, "%,d", c.simulatedGpusTotal());
    }

    private static String money(double usd) {
        return usd >= 100 ? String.format(Locale.ROOT, "$%,.0f", usd) : String.format(Locale.ROOT, "$%.3f", usd);
    }

    /** The frontiers of the cheapest parts (as ranked), and the selected configuration's point. */
    private void drawFrontier() {
        OptimizeViewModel.Outcome outcome = model.outcomeProperty().get();
        if (outcome == null) {
            return;
        }
        List<FrontierPoint> points = outcome.result().frontier();
        if (points.isEmpty()) {
            frontier.showMessage("No configuration fits this model on the searched parts: no frontier to draw.");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (RankedConfiguration c : outcome.result().configurations()) {
            if (!parts.contains(c.accelerator())) {
                parts.add(c.accelerator());
            }
        }
        var groups = PartFrontierChart.byPart(points, parts);
        RankedConfiguration chosen = model.selectedProperty().get();
        FrontierPoint mark = chosen == null ? null : new FrontierPoint(chosen.accelerator(), chosen.weightPrecision(), 0,
                chosen.outputTokensPerSecondPerUser(), chosen.outputTokensPerSecondPerGpu(), chosen.describe());
        frontier.show(PartFrontierChart.build(groups, mark, style.get()));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        drawFrontier();
        model.activate();
    }

    @Override
    public void hidden() {
        model.deactivate();
    }

    @Override
    public List<ChartCard> charts() {
        return List.of(frontier);
    }
}
