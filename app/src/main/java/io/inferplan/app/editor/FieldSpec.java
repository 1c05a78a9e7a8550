package io.inferplan.app.editor;

import java.util.List;

/**
 * One editable value of a scenario: where it lives in the document, how it reads, its unit and the range the
 * form accepts before the engine is even asked.
 *
 * @param scale   the document stores value x scale (a share 0.35 is shown as 35 %: scale 0.01)
 * @param choices for {@link Kind#CHOICE}: the ids the document accepts, with their labels
 */
public record FieldSpec(String path, String label, String unit, Kind kind, double min, double max, double scale,
                        boolean optional, List<Choice> choices, String help) {

    public enum Kind { NUMBER, INTEGER, CHOICE, TEXT }

    public record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public static FieldSpec number(String path, String label, String unit, double min, double max) {
        return new FieldSpec(path, label, unit, Kind.NUMBER, min, max, 1, false, List.of(), "");
    }

    public static FieldSpec percent(String path, String label, double maxPercent) {
        return new FieldSpec(path, label, "%", Kind.NUMBER, 0, maxPercent, 0.01, false, List.of(), "");
    }

    public static FieldSpec integer(String path, String label, String unit, int min, int max) {
        return new FieldSpec(path, label, unit, Kind.INTEGER, min, max, 1, false, List.of(), "");
    }

    public static FieldSpec choice(String path, String label, List<Choice> choices) {
        return new FieldSpec(path, label, "", Kind.CHOICE, 0, 0, 1, false, List.copyOf(choices), "");
    }

    public static FieldSpec text(String path, String label) {
        return new FieldSpec(path, label, "", Kind.TEXT, 0, 0, 1, false, List.of(), "");
    }

    public FieldSpec optionalField() {
        return new FieldSpec(path, label, unit, kind, min, max, scale, true, choices, help);
    }

    public FieldSpec withHelp(String text) {
        return new FieldSpec(path, label, unit, kind, min, max, scale, optional, choices, text);
    }

    public FieldSpec scaled(double newScale) {
        return new FieldSpec(path, label, unit, kind, min, max, newScale, optional, choices, help);
    }

    /** The test id of the field's control: its path with dots as dashes. */
    public String controlId() {
        return "field-" + path.replace('.', '-').replace('[', '-').replace("]", "");
    }
}
