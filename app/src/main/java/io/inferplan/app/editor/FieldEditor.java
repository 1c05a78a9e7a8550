package io.inferplan.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SearchableComboBox;

/**
 * The control for one {@link FieldSpec}, bound to the open scenario. A value that does not parse or is out of the
 * field's range is marked at the field with the reason and never reaches the document; a value the engine
 * rejects is marked the same way through {@link #showProblem}.
 */
final class FieldEditor {
    private FieldSpec spec;
    private final ScenarioSession session;
    private final Control control;
    private final Label error = new Label();
    private String localProblem;
    private String engineProblem;
    private boolean loading;
    /** For a choice whose change means more than its own value (a new accelerator brings its price); null: set the value. */
    private java.util.function.Consumer<String> choiceHandler;
    private java.util.function.Supplier<FieldSpec.Choice> missingChoice;

    FieldEditor(FieldSpec spec, ScenarioSession session) {
        this.spec = spec;
        this.session = session;
        this.control = spec.kind() == FieldSpec.Kind.CHOICE ? choiceBox() : textField();
        control.setId(spec.controlId());
        control.setMaxWidth(Double.MAX_VALUE);
        if (!spec.help().isEmpty()) {
            control.setTooltip(new Tooltip(spec.help()));
        }
        error.getStyleClass().add("field-error");
        error.setId(spec.controlId() + "-error");
        error.setManaged(false);
        error.setVisible(false);
    }

    FieldSpec spec() {
        return spec;
    }

    Control control() {
        return control;
    }

    Label errorLabel() {
        return error;
    }

    /** The field's problem now (its own parse or range check first, then the engine's), or null. */
    String problem() {
        return localProblem != null ? localProblem : engineProblem;
    }

    /** Shows the document's value (after opening, undo or redo). */
    void load() {
        loading = true;
        try {
            JsonNode value = session.get(spec.path());
            localProblem = null;
            if (control instanceof TextField field) {
                field.setText(format(value));
                showUncertainty(field, value);
            } else if (control instanceof ComboBox<?> box) {
                FieldSpec.Choice instead = value == null && missingChoice != null ? missingChoice.get() : null;
                if (instead != null) {
                    showChoice(box, instead);
                } else {
                    selectChoice(box, value == null ? null : value.asText());
                }
            }
        } finally {
            loading = false;
        }
        refreshDecoration();
    }

    /** A choice field's list changed (the user's own catalog entries): shows the new list, keeps the value. */
    void replaceChoices(List<FieldSpec.Choice> choices) {
        if (!(control instanceof ComboBox<?> box) || spec.choices().equals(choices)) {
            return;
        }
        spec = new FieldSpec(spec.path(), spec.label(), spec.unit(), spec.kind(), spec.min(), spec.max(), spec.scale(),
                spec.optional(), List.copyOf(choices), spec.help());
        @SuppressWarnings("unchecked")
        ComboBox<FieldSpec.Choice> items = (ComboBox<FieldSpec.Choice>) box;
        loading = true;
        try {
            items.getItems().setAll(spec.choices());
        } finally {
            loading = false;
        }
        load();
    }

    /** What a choice shows when the document has no value at its path (a scenario on its own, measured part). */
    void whenMissing(java.util.function.Supplier<FieldSpec.Choice> shown) {
        this.missingChoice = shown;
    }

    void onChoice(java.util.function.Consumer<String> handler) {
        this.choiceHandler = handler;
    }

    void showProblem(String message, io.inferplan.engine.OutOfRangeException range) {
        engineProblem = message == null ? null : range == null ? message : inMyUnits(range);
        refreshDecoration();
    }

    /**
     * The engine's range in the units this field shows: a share the engine keeps as 0.05 to 1 reads "from 5 to
     * 100 %" here, as the user typed it.
     */
    String inMyUnits(io.inferplan.engine.OutOfRangeException range) {
        String unit = spec.unit().isEmpty() ? "" : " " + spec.unit();
        String allowed = range.minExclusive()
                ? "must be greater than " + plain(range.min() / spec.scale()) + " and at most " + plain(range.max() / spec.scale()) + unit
                : "must be from " + plain(range.min() / spec.scale()) + " to " + plain(range.max() / spec.scale()) + unit;
        return Double.isFinite(range.value()) ? allowed + ", was " + plain(range.value() / spec.scale()) + unit : allowed;
    }

    private TextField textField() {
        TextField field = new TextField();
        field.setPrefColumnCount(8);
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                session.endTyping();
            }
        });
        field.textProperty().addListener((obs, old, text) -> {
            if (!loading) {
                commit(text);
            }
        });
        return field;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<FieldSpec.Choice> choiceBox() {
        // Long lists (models, accelerators) get a search field; short ones stay a plain drop-down.
        ComboBox<FieldSpec.Choice> box = spec.choices().size() > 8 ? new SearchableComboBox<>() : new ComboBox<>();
        box.getItems().setAll(spec.choices());
        box.valueProperty().addListener((obs, old, choice) -> {
            if (!loading && choice != null) {
                if (choiceHandler != null) {
                    choiceHandler.accept(choice.id());
                } else {
                    session.set(spec.path(), TextNode.valueOf(choice.id()));
                }
            }
        });
        return box;
    }

    private void showChoice(ComboBox<?> box, FieldSpec.Choice shown) {
        @SuppressWarnings("unchecked")
        ComboBox<FieldSpec.Choice> choices = (ComboBox<FieldSpec.Choice>) box;
        choices.getItems().removeIf(c -> c.id().equals(shown.id()));
        choices.getItems().add(shown);
        choices.setValue(shown);
    }

    private void selectChoice(ComboBox<?> box, String id) {
        @SuppressWarnings("unchecked")
        ComboBox<FieldSpec.Choice> choices = (ComboBox<FieldSpec.Choice>) box;
        Optional<FieldSpec.Choice> match = spec.choices().stream().filter(c -> c.id().equalsIgnoreCase(id == null ? "" : id)).findFirst();
        if (match.isEmpty() && id != null) {
            // A value the list does not know (an imported scenario, a user entry): keep it selectable.
            FieldSpec.Choice unknown = new FieldSpec.Choice(id, id);
            choices.getItems().add(unknown);
            match = Optional.of(unknown);
        }
        choices.setValue(match.orElse(null));
    }

    private void commit(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            if (spec.optional()) {
                localProblem = null;
                session.set(spec.path(), null);
            } else {
                localProblem = "required";
            }
            refreshDecoration();
            return;
        }
        if (spec.kind() == FieldSpec.Kind.TEXT) {
            localProblem = null;
            session.set(spec.path(), TextNode.valueOf(trimmed));
            refreshDecoration();
            return;
        }
        Optional<Double> parsed = NumberText.parse(trimmed);
        if (parsed.isEmpty()) {
            localProblem = "'" + trimmed + "' is not a number" + (trimmed.contains(",") ? " (write 1999 or 1.5)" : "");
            refreshDecoration();
            return;
        }
        double shown = parsed.get();
        if (!Double.isFinite(shown) || shown < spec.min() || shown > spec.max()) {
            localProblem = "must be from " + plain(spec.min()) + " to " + plain(spec.max()) + (spec.unit().isEmpty() ? "" : " " + spec.unit());
        } else if (spec.kind() == FieldSpec.Kind.INTEGER && shown != Math.rint(shown)) {
            localProblem = "must be a whole number";
        } else {
            localProblem = null;
            engineProblem = null;
            double stored = shown * spec.scale();
            session.set(spec.path(), spec.kind() == FieldSpec.Kind.INTEGER ? IntNode.valueOf((int) shown) : DoubleNode.valueOf(round(stored)));
        }
        refreshDecoration();
    }

    private void refreshDecoration() {
        String problem = problem();
        control.getStyleClass().remove("invalid");
        if (problem != null) {
            control.getStyleClass().add("invalid");
        }
        error.setText(problem == null ? "" : problem);
        error.setVisible(problem != null);
        error.setManaged(problem != null);
    }

    /**
     * A number written as a distribution (for the Uncertainty page) shows the value a plain evaluation reads, and
     * says so: typing a number replaces the distribution (undo brings it back).
     */
    private void showUncertainty(TextField field, JsonNode value) {
        var written = uncertain(value);
        field.getStyleClass().remove("uncertain");
        if (written.isPresent()) {
            field.getStyleClass().add("uncertain");
            field.setTooltip(new Tooltip("Uncertain: " + written.get().distribution().describe() + " (Uncertainty page). "
                    + "Shown at its value; typing a number replaces the distribution."));
        } else {
            field.setTooltip(spec.help().isEmpty() ? null : new Tooltip(spec.help()));
        }
    }

    private java.util.Optional<io.inferplan.engine.scenario.UncertainNumbers.Written> uncertain(JsonNode value) {
        try {
            return io.inferplan.engine.scenario.UncertainNumbers.written(value, spec.path());
        } catch (io.inferplan.engine.InvalidInputException e) {
            // A malformed distribution: the evaluation names it at the field; show what is written.
            return java.util.Optional.empty();
        }
    }

    private String format(JsonNode value) {
        if (value == null) {
            return "";
        }
        var written = uncertain(value);
        if (written.isPresent()) {
            return plain(written.get().value() / spec.scale());
        }
        if (value.isNumber()) {
            return plain(value.asDouble() / spec.scale());
        }
        return value.asText();
    }

    /** Shares are stored as 0.35 and shown as 35: round away binary noise such as 35.00000000004. */
    private static double round(double value) {
        return new BigDecimal(value).round(new java.math.MathContext(12)).doubleValue();
    }

    static String plain(double value) {
        double rounded = new BigDecimal(value).round(new java.math.MathContext(10)).doubleValue();
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return new BigDecimal(rounded).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
