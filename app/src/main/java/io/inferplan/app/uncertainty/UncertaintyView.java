package io.inferplan.app.uncertainty;

import io.inferplan.app.charts.ChartCard;
import io.inferplan.analysis.charts.ChartStyle;
import io.inferplan.analysis.charts.DriversChart;
import io.inferplan.analysis.charts.ProfitHistogramChart;
import io.inferplan.analysis.charts.UncertaintyFanChart;
import io.inferplan.app.fx.Columns;
import io.inferplan.app.fx.PageHeading;
import io.inferplan.app.fx.RunControls;
import io.inferplan.app.page.PageView;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.scenario.Distribution;
import io.inferplan.engine.uncertainty.UncertainInput;
import io.inferplan.engine.uncertainty.UncertaintyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * How far the open scenario's results can move when its guesses are off, and which guesses matter: the chance of
 * breaking even, the profit fan over the months, the spread of profit, the drivers, and the inputs drawn (each
 * editable as a distribution). {@link UncertaintyViewModel} decides when to draw.
 */
public final class UncertaintyView implements PageView {
    private final UncertaintyViewModel model;
    private final Supplier<ChartStyle> style;
    private final ChartCard fan = new ChartCard("Operating profit over the months", "uncertainty-fan");
    private final ChartCard histogram = new ChartCard("Operating profit over the draws", "uncertainty-histogram");
    private final ChartCard drivers = new ChartCard("What drives the spread", "uncertainty-drivers");
    private final Label chance = new Label("–");
    private final Label chanceDetail = new Label();
    private final GridPane percentiles = new GridPane(14, 4);
    private final TableView<UncertainInput> inputs = new TableView<>();
    private final ComboBox<DistributionChoice> kind = new ComboBox<>();
    private final List<TextField> values = List.of(new TextField(), new TextField(), new TextField());
    private final List<Label> valueLabels = List.of(new Label(), new Label(), new Label());
    private final Label editMessage = new Label();
    private final Button setDistribution = new Button("Set in scenario");
    private final Button plainValue = new Button("Back to a plain number");
    private final ScrollPane root;

    public UncertaintyView(UncertaintyViewModel model, Supplier<ChartStyle> style) {
        this.model = model;
        this.style = style;
        VBox heading = PageHeading.of("uncertainty", "Uncertainty", model.summaryProperty());

        GridPane grid = new GridPane(10, 10);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        VBox chanceTile = chanceTile();
        grid.add(chanceTile, 0, 0);
        grid.add(fan, 1, 0);
        grid.add(histogram, 0, 1);
        grid.add(drivers, 1, 1);
        for (ChartCard card : cards()) {
            card.setMinHeight(300);
            card.setPrefHeight(330);
        }
        VBox page = new VBox(10, heading, controls(), grid, inputsCard());
        page.setPadding(new Insets(12));
        page.getStyleClass().add("page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("uncertainty-page");
        model.resultProperty().addListener((obs, old, result) -> draw(result));
        model.cumulativeProperty().addListener((obs, old, on) -> draw(model.resultProperty().get()));
        model.messageProperty().addListener((obs, old, text) -> {
            if (model.resultProperty().get() == null && !text.isEmpty()) {
                cards().forEach(card -> card.showMessage(text));
            }
        });
        cards().forEach(card -> card.showMessage(model.messageProperty().get()));
    }

    private List<ChartCard> cards() {
        return List.of(fan, histogram, drivers);
    }

    private Node controls() {
        ComboBox<Integer> draws = new ComboBox<>();
        draws.setId("uncertainty-draws");
        draws.getItems().setAll(UncertaintyViewModel.DRAW_CHOICES);
        draws.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        draws.setValue(model.drawsProperty().get());
        draws.valueProperty().addListener((obs, old, n) -> {
            if (n != null) {
                model.drawsProperty().set(n);
            }
        });
        TextField seed = new TextField(Long.toString(model.seedProperty().get()));
        seed.setId("uncertainty-seed");
        seed.setPrefColumnCount(6);
        seed.setOnAction(event -> {
            try {
                model.seedProperty().set(Long.parseLong(seed.getText().strip()));
                seed.getStyleClass().remove("invalid");
            } catch (NumberFormatException e) {
                seed.getStyleClass().add("invalid");
            }
        });
        seed.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                seed.getOnAction().handle(null);
            }
        });
        CheckBox standard = new CheckBox("Standard uncertainty (growth, prices, utilisation, lengths, the engine's own error)");
        standard.setId("uncertainty-standard");
        standard.selectedProperty().bindBidirectional(model.standardInputsProperty());
        CheckBox cumulative = new CheckBox("Fan: profit summed from month 1");
        cumulative.selectedProperty().bindBidirectional(model.cumulativeProperty());
        List<Node> running = RunControls.progressAndCancel("uncertainty", 160, model.progressProperty(), model.runningProperty(), model::cancel);
        Button again = new Button("Draw again");
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(event -> model.runAgain());
        Label message = RunControls.message("uncertainty", model.messageProperty());
        HBox first = new HBox(8, new Label("Draws"), draws, new Label("Seed"), seed, standard, cumulative);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, running.get(0), running.get(1), message, again);
        second.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, first, second);
    }

    private VBox chanceTile() {
        Label heading = new Label("Chance of breaking even within the horizon");
        heading.getStyleClass().add("kpi-title");
        chance.getStyleClass().addAll("kpi-value", "kpi-value-large");
        chance.setId("uncertainty-chance");
        chanceDetail.setWrapText(true);
        chanceDetail.getStyleClass().add("kpi-detail");
        percentiles.setId("uncertainty-percentiles");
        VBox tile = new VBox(6, heading, chance, chanceDetail, new javafx.scene.control.Separator(), percentiles);
        tile.getStyleClass().addAll("kpi-tile", "chart-card");
        tile.setPadding(new Insets(12));
        tile.setMinHeight(300);
        return tile;
    }

    private Node inputsCard() {
        Label heading = new Label("What is drawn");
        heading.getStyleClass().add("section-title");
        inputs.setId("uncertainty-inputs");
        inputs.setPrefHeight(260);
        inputs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        inputs.getColumns().addAll(List.of(
                Columns.text("Input", UncertainInput::name),
                Columns.text("Distribution", input -> describe(input)),
                Columns.text("Where it comes from", UncertainInput::source)));
        inputs.setPlaceholder(new Label("Nothing drawn yet."));
        kind.getItems().setAll(DistributionChoice.values());
        kind.setValue(DistributionChoice.TRIANGULAR);
        kind.valueProperty().addListener((obs, old, next) -> fillEditor(inputs.getSelectionModel().getSelectedItem()));
        inputs.getSelectionModel().selectedItemProperty().addListener((obs, old, input) -> fillEditor(input));
        setDistribution.setId("uncertainty-set");
        setDistribution.setOnAction(event -> apply());
        plainValue.setId("uncertainty-plain");
        plainValue.setOnAction(event -> {
            UncertainInput input = inputs.getSelectionModel().getSelectedItem();
            if (input != null) {
                editMessage.setText(model.removeDistribution(input));
            }
        });
        editMessage.setId("uncertainty-edit-message");
        editMessage.setWrapText(true);
        HBox editor = new HBox(6, new Label("Distribution"), kind);
        for (int i = 0; i < values.size(); i++) {
            values.get(i).setPrefColumnCount(7);
            values.get(i).setId("uncertainty-value-" + i);
            editor.getChildren().addAll(valueLabels.get(i), values.get(i));
        }
        editor.getChildren().addAll(setDistribution, plainValue);
        editor.setAlignment(Pos.CENTER_LEFT);
        fillEditor(null);
        Label note = new Label("Select an input the scenario holds as a number to give it a distribution of its own; it is "
                + "saved in the scenario (other pages read its value) and replaces the standard one. An input drawn as a "
                + "factor over several numbers (the GPU price, a token length) is given one at its first number; the engine's "
                + "own error has none (docs/uncertainty.md).");
        note.getStyleClass().add("scenario-sources");
        note.setWrapText(true);
        VBox card = new VBox(6, heading, inputs, editor, editMessage, note);
        card.getStyleClass().add("chart-card");
        card.setPadding(new Insets(10));
        return card;
    }

    private static String describe(UncertainInput input) {
        String text = input.distribution().describe();
        return input.effect() == UncertainInput.Effect.VALUE ? text : text + " (a factor)";
    }

    private void fillEditor(UncertainInput input) {
        boolean editable = input != null && model.editablePath(input).isPresent();
        DistributionChoice choice = kind.getValue();
        List<Double> start = editable ? choice.around(model.currentValue(input).orElse(0.0)) : List.of();
        for (int i = 0; i < values.size(); i++) {
            boolean used = i < choice.fields().size();
            valueLabels.get(i).setText(used ? choice.fields().get(i) : "");
            values.get(i).setVisible(used);
            values.get(i).setManaged(used);
            valueLabels.get(i).setManaged(used);
            values.get(i).setText(used && editable ? Distribution.describeNumber(start.get(i)) : "");
            values.get(i).setDisable(!editable);
        }
        kind.setDisable(!editable);
        setDistribution.setDisable(!editable);
        plainValue.setDisable(input == null || !editable || !model.declared(input));
        editMessage.setText(input == null ? "" : editable ? "Gives " + model.editablePath(input).orElseThrow() + " a distribution of its own."
                : input.name() + " has no number in the scenario: it takes no distribution here.");
    }

    private void apply() {
        UncertainInput input = inputs.getSelectionModel().getSelectedItem();
        if (input == null) {
            return;
        }
        DistributionChoice choice = kind.getValue();
        List<Double> numbers = new ArrayList<>();
        for (int i = 0; i < choice.fields().size(); i++) {
            String text = values.get(i).getText().strip();
            try {
                numbers.add(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                editMessage.setText(choice.fields().get(i) + ": not a number, was '" + text + "'");
                return;
            }
        }
        try {
            editMessage.setText(model.setDistribution(input, choice.make(numbers)));
        } catch (InvalidInputException e) {
            editMessage.setText("Not set: " + e.field() + ": " + e.reason());
        }
    }

    private void draw(UncertaintyResult result) {
        if (result == null) {
            return;
        }
        ChartStyle chartStyle = style.get();
        fan.show(UncertaintyFanChart.build(model.cumulativeProperty().get() ? result.cumulativeOperatingProfit()
                : result.monthlyOperatingProfit(), model.cumulativeProperty().get(), chartStyle));
        histogram.show(ProfitHistogramChart.build(result.operatingProfitDraws(), result.operatingProfitUsdPerMonth().p50(), chartStyle));
        if (result.drivers().isEmpty()) {
            drivers.showMessage("Nothing is drawn: switch on the standard uncertainty or give a number a distribution.");
        } else {
            drivers.show(DriversChart.build(result.drivers(), chartStyle));
        }
        chance.setText(String.format(Locale.ROOT, "%.0f%%", result.probabilityOfBreakEven() * 100));
        chanceDetail.setText(result.breakEvenMonth() == null
                ? "No draw breaks even within the projection's months."
                : String.format(Locale.ROOT, "Of the draws that break even, half do by month %.0f (p10 month %.0f, p90 month %.0f). "
                        + "Month-1 operating profit: %s (p10) to %s (p90).", result.breakEvenMonth().p50(), result.breakEvenMonth().p10(),
                result.breakEvenMonth().p90(), UncertaintyViewModel.usd(result.operatingProfitUsdPerMonth().p10()),
                UncertaintyViewModel.usd(result.operatingProfitUsdPerMonth().p90())));
        showPercentiles(result);
        UncertainInput selected = inputs.getSelectionModel().getSelectedItem();
        inputs.getItems().setAll(result.inputs());
        if (selected != null) {
            result.inputs().stream().filter(i -> i.name().equals(selected.name())).findFirst()
                    .ifPresent(i -> inputs.getSelectionModel().select(i));
        }
    }

    /** The four metrics at p10, p50, p90 and their mean, as a small table in the tile. */
    private void showPercentiles(UncertaintyResult r) {
        percentiles.getChildren().clear();
        String[] heads = {"", "p10", "median", "p90", "mean"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(heads[c]);
            head.getStyleClass().add("kpi-title");
            percentiles.add(head, c, 0);
        }
        row(1, "Operating profit, month 1", r.operatingProfitUsdPerMonth(), UncertaintyViewModel::usd);
        row(2, "Cost per M output tokens", r.costPerMillionOutputTokensUsd(), UncertaintyViewModel::money);
        row(3, "GPUs needed", r.gpusRequired(), v -> String.format(Locale.ROOT, "%,.0f", v));
        if (r.breakEvenMonth() != null) {
            row(4, "Break-even month (of those that do)", r.breakEvenMonth(), v -> String.format(Locale.ROOT, "%.0f", v));
        }
    }

    private void row(int at, String name, UncertaintyResult.Percentiles p, java.util.function.DoubleFunction<String> format) {
        percentiles.add(new Label(name), 0, at);
        double[] values = {p.p10(), p.p50(), p.p90(), p.mean()};
        for (int c = 0; c < values.length; c++) {
            Label value = new Label(format.apply(values[c]));
            value.setStyle("-fx-font-weight: bold;");
            percentiles.add(value, c + 1, at);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        draw(model.resultProperty().get());
        model.activate();
    }

    @Override
    public void hidden() {
        model.deactivate();
    }

    @Override
    public List<ChartCard> charts() {
        return cards();
    }
}
