package io.inferplan.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.converter.DoubleStringConverter;

/**
 * The pricing tiers as an editable table (name, traffic share and the three prices per million tokens). Each
 * edit is one undoable change of {@code pricing.tiers}; the engine checks that shares add up to 100%.
 */
final class TierTable extends VBox {
    private final ScenarioSession session;
    private final TableView<Integer> table = new TableView<>();
    private final Label error = new Label();

    TierTable(ScenarioSession session) {
        this.session = session;
        setSpacing(6);
        table.setId("tier-table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(26);
        table.setPrefHeight(26 * 4 + 42);
        TableColumn<Integer, String> name = new TableColumn<>("Tier");
        name.setCellValueFactory(row -> new SimpleStringProperty(tier(row.getValue()).path("name").asText("")));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(event -> update(event.getRowValue(), "name", session.document().textNode(event.getNewValue())));
        name.setPrefWidth(76);
        table.getColumns().add(name);
        // Two-line headers: one line cut "$/M cached" to "$/M ca..." in the form's width.
        table.getColumns().add(number("Share\n%", "trafficShare", 100, node -> node.asDouble() * 100));
        table.getColumns().add(number("$/M\ninput", "usdPerMillionInputTokens", 1, JsonNode::asDouble));
        table.getColumns().add(number("$/M\ncached", "usdPerMillionCachedInputTokens", 1, JsonNode::asDouble));
        table.getColumns().add(number("$/M\noutput", "usdPerMillionOutputTokens", 1, JsonNode::asDouble));
        Button add = new Button("Add tier");
        add.setOnAction(e -> addTier());
        Button remove = new Button("Remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeTier(table.getSelectionModel().getSelectedItem()));
        error.getStyleClass().add("field-error");
        error.setId("tier-table-error");
        error.setManaged(false);
        error.setVisible(false);
        HBox buttons = new HBox(6, add, remove);
        buttons.setPadding(new Insets(0));
        getChildren().addAll(table, error, buttons);
    }

    void load() {
        ArrayNode tiers = tiers();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; tiers != null && i < tiers.size(); i++) {
            rows.add(i);
        }
        table.getItems().setAll(rows);
        table.refresh();
    }

    void showProblem(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
        table.getStyleClass().remove("invalid");
        if (message != null) {
            table.getStyleClass().add("invalid");
        }
    }

    private TableColumn<Integer, Double> number(String title, String field, double scale, ToDoubleFunction<JsonNode> read) {
        TableColumn<Integer, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> {
            JsonNode value = tier(row.getValue()).get(field);
            return new SimpleObjectProperty<>(value == null ? 0.0 : Math.round(read.applyAsDouble(value) * 1e6) / 1e6);
        });
        column.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter() {
            @Override
            public Double fromString(String text) {
                // The same reading as the form's fields: "1,5" is 1.5, not 15 or an error.
                return NumberText.parse(text).orElse(null);
            }
        }));
        column.setOnEditCommit(event -> {
            Double value = event.getNewValue();
            if (value == null || !Double.isFinite(value) || value < 0) {
                showProblem(title + ": enter a number of 0 or more");
                table.refresh();
                return;
            }
            update(event.getRowValue(), field, session.document().numberNode(value / scale));
        });
        column.setPrefWidth(70);
        return column;
    }

    private void update(int index, String field, JsonNode value) {
        session.edit(document -> ((ObjectNode) tiers().get(index)).set(field, value));
        load();
    }

    private void addTier() {
        session.edit(document -> {
            ObjectNode tier = tiersOrCreate().addObject();
            tier.put("name", "Tier " + tiers().size());
            tier.put("trafficShare", 0.0);
            tier.put("usdPerMillionInputTokens", 1.0);
            tier.put("usdPerMillionCachedInputTokens", 0.1);
            tier.put("usdPerMillionOutputTokens", 4.0);
        });
        load();
    }

    private void removeTier(Integer index) {
        if (index != null && tiers() != null && tiers().size() > 1) {
            session.edit(document -> tiers().remove(index.intValue()));
            load();
        }
    }

    private JsonNode tier(int index) {
        ArrayNode tiers = tiers();
        return tiers != null && index < tiers.size() ? tiers.get(index) : session.document().objectNode();
    }

    private ArrayNode tiers() {
        return JsonPaths.get(session.document(), "pricing.tiers") instanceof ArrayNode array ? array : null;
    }

    private ArrayNode tiersOrCreate() {
        ArrayNode tiers = tiers();
        if (tiers == null) {
            tiers = session.document().withObjectProperty("pricing").putArray("tiers");
        }
        return tiers;
    }
}
