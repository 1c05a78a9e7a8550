package io.inferplan.catalog;

import static io.inferplan.engine.Checks.nonNegative;
import static io.inferplan.engine.Checks.present;
import static io.inferplan.engine.Checks.text;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One catalog number with where it comes from. The unit is in the name of the field that holds the figure
 * ({@code memoryBandwidthGBps}, {@code denseTflops}...).
 *
 * @param value    the number, never negative
 * @param source   id of the {@link Source} it was read from
 * @param estimate true when the number was derived or estimated rather than printed in the source; the note says how
 * @param note     how it was derived (for example "datasheet 1,979 with sparsity, halved")
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Figure(Double value, String source, Boolean estimate, String note) {
    public Figure {
        present("figure.value", value);
        nonNegative("figure.value", value, 1e12);
        source = text("figure.source", source);
        note = note == null ? "" : note.strip();
        estimate = Boolean.TRUE.equals(estimate) ? Boolean.TRUE : null;
    }

    public static Figure of(double value, String source) {
        return new Figure(value, source, false, "");
    }

    public static Figure estimated(double value, String source, String note) {
        return new Figure(value, source, true, note);
    }

    /** True when the figure was derived or estimated rather than printed in its source. */
    public boolean isEstimate() {
        return Boolean.TRUE.equals(estimate);
    }

    public double number() {
        return value;
    }
}
