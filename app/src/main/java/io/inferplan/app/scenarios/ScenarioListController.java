package io.inferplan.app.scenarios;

import io.inferplan.app.workspace.StoredScenario;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;

/** The left-hand list of scenarios with search and the new / duplicate / rename / delete buttons. */
public final class ScenarioListController {
    private static final DateTimeFormatter EDITED = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

    private final ScenarioListViewModel viewModel;
    private final NewScenarioSource newScenarios;

    @FXML private TextField searchField;
    @FXML private ListView<StoredScenario> scenarioList;

    public ScenarioListController(ScenarioListViewModel viewModel, NewScenarioSource newScenarios) {
        this.viewModel = viewModel;
        this.newScenarios = newScenarios;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        scenarioList.setItems(viewModel.visible());
        scenarioList.setCellFactory(list -> new ScenarioCell());
        scenarioList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            } else if (viewModel.selectedProperty().get() != null) {
                // An item was replaced in place (autosave): keep showing the open scenario as selected.
                reselect(viewModel.selectedProperty().get());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, scenario) -> reselect(scenario));
        reselect(viewModel.selectedProperty().get());
        // Del and F2 are the Edit menu's accelerators: a key handler here as well fired each action twice.
    }

    private void reselect(StoredScenario scenario) {
        if (scenario == null) {
            scenarioList.getSelectionModel().clearSelection();
            return;
        }
        StoredScenario shown = scenarioList.getSelectionModel().getSelectedItem();
        if (shown != null && shown.id().equals(scenario.id())) {
            return;
        }
        for (int i = 0; i < scenarioList.getItems().size(); i++) {
            if (scenarioList.getItems().get(i).id().equals(scenario.id())) {
                scenarioList.getSelectionModel().select(i);
                scenarioList.scrollTo(i);
                return;
            }
        }
    }

    @FXML
    public void create() {
        viewModel.create("New scenario", newScenarios.newScenarioJson());
    }

    @FXML
    public void duplicate() {
        viewModel.duplicate(viewModel.selectedProperty().get());
    }

    @FXML
    public void rename() {
        StoredScenario scenario = viewModel.selectedProperty().get();
        if (scenario == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(scenario.name());
        dialog.setTitle("Rename scenario");
        dialog.setHeaderText(null);
        dialog.setContentText("Name:");
        dialog.initOwner(scenarioList.getScene().getWindow());
        Optional<String> name = dialog.showAndWait();
        name.ifPresent(text -> viewModel.rename(scenario, text));
    }

    @FXML
    public void delete() {
        viewModel.delete(viewModel.selectedProperty().get());
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Name on the first line, model and hardware summary with the last edit below. */
    private static final class ScenarioCell extends ListCell<StoredScenario> {
        private final Label title = new Label();
        private final Label subtitle = new Label();
        private final VBox box = new VBox(1, title, subtitle);

        ScenarioCell() {
            subtitle.getStyleClass().add("subtitle");
            // Fit the list's width (long names end in "…") instead of growing a horizontal scroll bar.
            setPrefWidth(0);
            title.setMinWidth(0);
            subtitle.setMinWidth(0);
        }

        @Override
        protected void updateItem(StoredScenario item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            title.setText(item.name());
            // The list is narrow: a long name ends in "…" here, whole in the tooltip.
            setTooltip(new javafx.scene.control.Tooltip(item.name()));
            subtitle.setText("edited " + EDITED.format(item.updatedAt()));
            setGraphic(box);
            setText(null);
        }
    }

    /** Where a fresh scenario's document comes from (the first sample, so it evaluates at once). */
    @FunctionalInterface
    public interface NewScenarioSource {
        String newScenarioJson();
    }
}
