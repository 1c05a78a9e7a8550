package io.inferplan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.inferplan.engine.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a price is: a purchase price (per GPU or per server) or a rental rate per GPU-hour. */
public enum PriceKind {
    /** Manufacturer or reseller list price. */
    LIST("list", false),
    /** Observed street price (press reports, resellers). */
    STREET("street", false),
    /** The user's own quote from a vendor. */
    QUOTE("quote", false),
    CLOUD_ON_DEMAND("cloud-on-demand", true),
    /** Committed use (reserved instance, savings plan, CUD); termMonths says for how long. */
    CLOUD_COMMITTED("cloud-committed", true),
    CLOUD_SPOT("cloud-spot", true);

    private final String id;
    private final boolean rental;

    PriceKind(String id, boolean rental) {
        this.id = id;
        this.rental = rental;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean isRental() {
        return rental;
    }

    @JsonCreator
    public static PriceKind parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PriceKind kind : values()) {
            if (kind.id.equals(key)) {
                return kind;
            }
        }
        throw new InvalidInputException("price.kind", "unknown kind '" + text + "'; one of "
                + Arrays.stream(values()).map(PriceKind::id).collect(Collectors.joining(", ")));
    }
}
