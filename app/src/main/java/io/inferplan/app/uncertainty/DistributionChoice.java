package io.inferplan.app.uncertainty;

import io.inferplan.engine.scenario.Distribution;
import java.util.List;

/**
 * The distributions a user can give a number on the Uncertainty page, with the fields each takes, in the order
 * the editor shows them.
 */
public enum DistributionChoice {
    TRIANGULAR("triangular", List.of("min", "mode", "max")),
    UNIFORM("uniform", List.of("min", "max")),
    NORMAL("normal", List.of("p10", "p90")),
    LOGNORMAL("lognormal", List.of("p10", "p90"));

    private final String id;
    private final List<String> fields;

    DistributionChoice(String id, List<String> fields) {
        this.id = id;
        this.fields = fields;
    }

    public String id() {
        return id;
    }

    public List<String> fields() {
        return fields;
    }

    /**
     * @param values one per {@link #fields()}, in order
     * @throws io.inferplan.engine.InvalidInputException naming the field when the values make no distribution
     */
    public Distribution make(List<Double> values) {
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException(id + " takes " + fields + ", got " + values.size() + " values");
        }
        return switch (this) {
            case TRIANGULAR -> new Distribution.Triangular(values.get(0), values.get(1), values.get(2));
            case UNIFORM -> new Distribution.Uniform(values.get(0), values.get(1));
            case NORMAL -> new Distribution.Normal(values.get(0), values.get(1), null, null);
            case LOGNORMAL -> new Distribution.LogNormal(values.get(0), values.get(1), null, null);
        };
    }

    /** The editor's starting values for a number now at {@code value}: ±20% around it. */
    public List<Double> around(double value) {
        double low = value * 0.8;
        double high = value * 1.2;
        if (value < 0) {
            low = value * 1.2;
            high = value * 0.8;
        } else if (value == 0) {
            low = 0;
            high = 1;
        }
        return switch (this) {
            case TRIANGULAR -> List.of(low, value, high);
            case UNIFORM, NORMAL -> List.of(low, high);
            case LOGNORMAL -> List.of(Math.max(low, 1e-9), Math.max(high, 2e-9));
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
