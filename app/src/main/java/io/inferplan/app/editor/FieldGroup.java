package io.inferplan.app.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A grid of labelled fields: label, control, unit, and the field's error below the control. */
final class FieldGroup extends GridPane {
    private final List<FieldEditor> editors = new ArrayList<>();

    FieldGroup(List<FieldSpec> specs, ScenarioSession session) {
        setHgap(8);
        setVgap(4);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(100);
        label.setPrefWidth(104);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setMinWidth(90);
        ColumnConstraints unit = new ColumnConstraints();
        unit.setMinWidth(84);
        unit.setPrefWidth(86);
        unit.setHalignment(HPos.LEFT);
        getColumnConstraints().addAll(label, field, unit);
        int row = 0;
        for (FieldSpec spec : specs) {
            FieldEditor editor = new FieldEditor(spec, session);
            editors.add(editor);
            Label name = new Label(spec.label());
            name.getStyleClass().add("field-label");
            name.setLabelFor(editor.control());
            Label unitLabel = new Label(spec.unit());
            unitLabel.getStyleClass().add("field-unit");
            add(name, 0, row);
            add(editor.control(), 1, row);
            add(unitLabel, 2, row);
            add(editor.errorLabel(), 1, row + 1, 2, 1);
            row += 2;
        }
    }

    List<FieldEditor> editors() {
        return editors;
    }
}
