package io.inferplan.app.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Every editor of the open scenario, in sections: workload, deployment, cost (rent or own), pricing tiers and
 * projection. Fields reload when the document changes for any reason other than their own edit.
 */
public final class ScenarioForm {
    private final ScenarioSession session;
    private final List<FieldEditor> editors = new ArrayList<>();
    private final FieldGroup rentGroup;
    private final FieldGroup ownGroup;
    private final ComboBox<String> basis = new ComboBox<>();
    private final TierTable tiers;
    private final ScrollPane root;
    private boolean loading;

    public ScenarioForm(ScenarioSession session, List<FieldSpec.Choice> accelerators) {
        this.session = session;
        FieldGroup workload = group(ScenarioFields.workload());
        FieldGroup deployment = group(ScenarioFields.deployment(accelerators));
        rentGroup = group(ScenarioFields.rent());
        ownGroup = group(ScenarioFields.own());
        FieldGroup projection = group(ScenarioFields.projection());
        tiers = new TierTable(session);

        basis.getItems().addAll("rent", "own");
        basis.setId("field-cost-basis");
        basis.valueProperty().addListener((obs, old, value) -> {
            if (!loading && value != null && old != null && !value.equals(old)) {
                switchBasis(value);
            }
        });
        Label basisLabel = new Label("GPUs are");
        basisLabel.setMinWidth(110);
        HBox basisRow = new HBox(8, basisLabel, basis);
        VBox cost = new VBox(8, basisRow, rentGroup, ownGroup);

        VBox content = new VBox(8,
                section("Workload", workload, true),
                section("Deployment", deployment, true),
                section("Cost", cost, true),
                section("Pricing tiers", tiers, true),
                section("Projection", projection, false));
        content.getStyleClass().add("editor-pane");
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setId("scenario-form");
        root.setMinWidth(350);
        root.setPrefWidth(380);
        session.onChange(cause -> {
            if (cause != ScenarioSession.Cause.EDITED) {
                reload();
            }
        });
    }

    public Node node() {
        return root;
    }

    /** Shows the engine's complaint at the field it names; null clears every field's engine problem. */
    public void showProblem(String fieldPath, String message) {
        for (FieldEditor editor : editors) {
            boolean mine = message != null && JsonPaths.matches(editor.spec().path(), fieldPath);
            editor.showProblem(mine ? message : null);
        }
        boolean tierProblem = message != null && fieldPath != null && fieldPath.replace("scenario.", "").startsWith("pricing");
        tiers.showProblem(tierProblem ? message : null);
    }

    /** The accelerators the deployment can pick from changed (an own entry saved or removed). */
    public void setAcceleratorChoices(List<FieldSpec.Choice> accelerators) {
        editors.stream().filter(e -> e.spec().path().equals(ScenarioFields.ACCELERATOR_PATH))
                .forEach(e -> e.replaceChoices(accelerators));
    }

    /** Whether the field at {@code path} is marked invalid now (for tests and the status bar). */
    public String problemAt(String path) {
        return editors.stream().filter(e -> e.spec().path().equals(path)).map(FieldEditor::problem).filter(p -> p != null)
                .findFirst().orElse(null);
    }

    private void reload() {
        loading = true;
        try {
            String costBasis = session.get("cost.basis") == null ? "rent" : session.get("cost.basis").asText();
            basis.setValue(costBasis);
            showBasis(costBasis);
            editors.forEach(FieldEditor::load);
            tiers.load();
        } finally {
            loading = false;
        }
    }

    private void switchBasis(String value) {
        session.edit(document -> {
            ObjectNode cost = document.putObject("cost");
            cost.put("basis", value);
            if ("own".equals(value)) {
                cost.put("priceUsdPerGpu", 30_000);
                cost.put("serverShareUsdPerGpu", 8_000);
                cost.put("depreciationYears", 4);
                cost.put("costOfCapitalPerYear", 0.08);
                cost.put("serverOverheadWattsPerGpu", 300);
                cost.put("powerUsageEffectiveness", 1.3);
                cost.put("usdPerKilowattHour", 0.10);
                cost.put("hostingUsdPerKilowattMonth", 150);
                cost.put("operationsShareOfCapexPerYear", 0.05);
            } else {
                cost.put("term", "on-demand");
                cost.put("usdPerGpuHour", 3.0);
            }
        });
        reload();
    }

    private void showBasis(String value) {
        boolean own = "own".equals(value);
        ownGroup.setVisible(own);
        ownGroup.setManaged(own);
        rentGroup.setVisible(!own);
        rentGroup.setManaged(!own);
    }

    private FieldGroup group(List<FieldSpec> specs) {
        FieldGroup group = new FieldGroup(specs, session);
        editors.addAll(group.editors());
        return group;
    }

    private TitledPane section(String title, Node content, boolean expanded) {
        TitledPane pane = new TitledPane(title, content);
        pane.setExpanded(expanded);
        pane.setAnimated(false);
        pane.setId("section-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return pane;
    }
}
