package io.inferplan.catalog.profile;

import java.util.Optional;

/** Something that may be missing on this machine (a driver library), with the plain reason when it is. */
public record Availability<T>(Optional<T> value, String reason) {
    public static <T> Availability<T> present(T value) {
        return new Availability<>(Optional.of(value), "");
    }

    public static <T> Availability<T> absent(String reason) {
        return new Availability<>(Optional.empty(), reason);
    }

    public boolean isPresent() {
        return value.isPresent();
    }
}
