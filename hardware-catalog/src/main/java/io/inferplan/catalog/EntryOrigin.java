package io.inferplan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.inferplan.engine.InvalidInputException;
import java.util.Locale;

/** Where a catalog entry comes from. */
public enum EntryOrigin {
    /** Shipped with InferPlan (read-only JSON). */
    BUNDLED,
    /** Made or edited by the user (kept in the catalog database). */
    USER,
    /** Built from a profile run on this machine. */
    MEASURED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EntryOrigin parse(String text) {
        for (EntryOrigin origin : values()) {
            if (origin.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return origin;
            }
        }
        throw new InvalidInputException("entry.origin", "must be one of bundled, user, measured; was '" + text + "'");
    }
}
