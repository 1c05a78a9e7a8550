package io.inferplan.engine.economics;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How rented GPUs are contracted. Reserved capacity is a commitment (a fixed cost); the others scale with use. */
public enum RentalTerm {
    @JsonProperty("on-demand") ON_DEMAND,
    @JsonProperty("reserved") RESERVED,
    @JsonProperty("spot") SPOT;

    @Override
    public String toString() {
        return switch (this) {
            case ON_DEMAND -> "on-demand";
            case RESERVED -> "reserved";
            case SPOT -> "spot";
        };
    }
}
