package io.inferplan.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferplan.analysis.CostBasisDefaults;
import io.inferplan.analysis.PartRate;
import io.inferplan.analysis.RentalRates;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.function.Supplier;
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
    private static final String RATE_PATH = "cost.usdPerGpuHour";
    private static final String CUSTOM_ACCELERATOR_PATH = "deployment.customAccelerator";
    private final ScenarioSession session;
    private final List<FieldEditor> editors = new ArrayList<>();
    private final FieldGroup rentGroup;
    private final FieldGroup ownGroup;
    private final ComboBox<String> basis = new ComboBox<>();
    private final TierTable tiers;
    private final ScrollPane root;
    private final Supplier<RentalRates> rates;
    private final Label rateSource = new Label();
    private boolean loading;

    /**
     * {@code rates}: a part's known hourly prices with their sources, the one a change of part takes first (own
     * price, else the catalog's cheapest on-demand).
     */
    public ScenarioForm(ScenarioSession session, List<FieldSpec.Choice> accelerators, Supplier<RentalRates> rates) {
        this.session = session;
        this.rates = rates;
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
        rateSource.setId("field-cost-usdPerGpuHour-source");
        rateSource.getStyleClass().add("field-note");
        rateSource.setWrapText(true);
        rateSource.managedProperty().bind(rentGroup.managedProperty());
        rateSource.visibleProperty().bind(rentGroup.visibleProperty());
        editor(ScenarioFields.ACCELERATOR_PATH).onChoice(this::changeAccelerator);
        // A scenario on its own part (the profile page's measured device) shows that part, not a blank or the old one.
        editor(ScenarioFields.ACCELERATOR_PATH).whenMissing(() -> {
            JsonNode custom = session.get(CUSTOM_ACCELERATOR_PATH);
            return custom == null || !custom.isObject() ? null
                    : new FieldSpec.Choice(text(custom.get("id"), "custom"), text(custom.get("name"), text(custom.get("id"), "custom")));
        });
        VBox cost = new VBox(8, basisRow, rentGroup, rateSource, ownGroup);

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
            updateRateSource();
        });
    }

    public Node node() {
        return root;
    }

    /** Shows the engine's complaint at the field it names; null clears every field's engine problem. */
    public void showProblem(String fieldPath, String message) {
        showProblem(fieldPath, message, null);
    }

    /** As above, with the engine's range when the problem is a number out of range (restated in the field's units). */
    public void showProblem(String fieldPath, String message, io.inferplan.engine.OutOfRangeException range) {
        for (FieldEditor editor : editors) {
            boolean mine = message != null && JsonPaths.matches(editor.spec().path(), fieldPath);
            editor.showProblem(mine ? message : null, mine ? range : null);
        }
        boolean tierProblem = message != null && fieldPath != null && fieldPath.replace("scenario.", "").startsWith("pricing");
        tiers.showProblem(tierProblem ? message : null);
    }

    /**
     * The problem as the form would word it: the field's label instead of its path, the range in the field's
     * units; a path no field edits keeps the path, which is then all the user can look for.
     */
    public String describe(String fieldPath, String message, io.inferplan.engine.OutOfRangeException range) {
        for (FieldEditor editor : editors) {
            if (fieldPath != null && JsonPaths.matches(editor.spec().path(), fieldPath)) {
                return editor.spec().label() + ": " + (range == null ? message : editor.inMyUnits(range));
            }
        }
        return (fieldPath == null ? "" : fieldPath + ": ") + message;
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

    /** The text under the rate: whose number it is (tests read it too). */
    public String rateSource() {
        return rateSource.getText();
    }

    /**
     * A new part brings its own price: the user's own rate for it, else the catalog's cheapest on-demand quote,
     * in the same undo step as the part. Without a price for it, the old rate stays and the note says so.
     */
    private void changeAccelerator(String id) {
        boolean renting = !"own".equals(text(session.get("cost.basis"), "rent"));
        Optional<PartRate> rate = renting ? rates.get().all(id).stream().findFirst() : Optional.empty();
        JsonNode custom = session.get(CUSTOM_ACCELERATOR_PATH);
        if (custom != null && custom.isObject() && id.equals(text(custom.get("id"), null))) {
            return; // the scenario's own part, shown in the list: nothing changed
        }
        session.edit(document -> {
            // A catalog part replaces the scenario's own part: the engine takes one or the other.
            JsonPaths.set(document, CUSTOM_ACCELERATOR_PATH, null);
            JsonPaths.set(document, ScenarioFields.ACCELERATOR_PATH, TextNode.valueOf(id));
            rate.ifPresent(r -> JsonPaths.set(document, RATE_PATH, DoubleNode.valueOf(r.usdPerGpuHour())));
        });
        editor(RATE_PATH).load();
        updateRateSource();
    }

    private void updateRateSource() {
        JsonNode rate = session.get(RATE_PATH);
        if (rate == null || !rate.isNumber()) {
            rateSource.setText("");
            return;
        }
        String partId = text(session.get(ScenarioFields.ACCELERATOR_PATH), null);
        if (partId == null) {
            rateSource.setText("Rate: typed by you (the scenario's own part has no catalog price)");
            return;
        }
        List<PartRate> all = rates.get().all(partId);
        // The number may be any of the part's known prices (a sample's Lambda rate), not only the first.
        Optional<PartRate> matching = all.stream().filter(r -> Math.abs(r.usdPerGpuHour() - rate.asDouble()) < 1e-9).findFirst();
        Optional<PartRate> known = matching.isPresent() ? matching : all.stream().findFirst();
        rateSource.getStyleClass().remove("field-error");
        if (known.isEmpty()) {
            // Nothing to take the price from: say so loudly, the number may be the previous part's.
            rateSource.getStyleClass().add("field-error");
            rateSource.setText("Rate: check it: " + partId + " has no price in your prices or the catalog (set one on the Catalog page)");
        } else if (Math.abs(known.get().usdPerGpuHour() - rate.asDouble()) < 1e-9) {
            rateSource.setText("Rate: " + known.get().source());
        } else {
            rateSource.setText("Rate: " + PartRate.TYPED + " (" + known.get().source() + ": $"
                    + FieldEditor.plain(known.get().usdPerGpuHour()) + ")");
        }
    }

    private FieldEditor editor(String path) {
        return editors.stream().filter(e -> e.spec().path().equals(path)).findFirst().orElseThrow();
    }

    private static String text(JsonNode node, String otherwise) {
        return node == null || node.isNull() || node.isMissingNode() ? otherwise : node.asText();
    }

    private void switchBasis(String value) {
        session.edit(document -> {
            ObjectNode cost = document.putObject("cost");
            if ("own".equals(value)) {
                CostBasisDefaults.ownHardware(cost, rates.get(), text(document.at("/deployment/accelerator"), null));
            } else {
                CostBasisDefaults.rentOnDemand(cost, rates.get(), text(document.at("/deployment/accelerator"), null));
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
