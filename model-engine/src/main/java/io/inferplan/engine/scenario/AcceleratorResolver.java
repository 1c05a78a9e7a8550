package io.inferplan.engine.scenario;

import io.inferplan.engine.hardware.AcceleratorSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds an accelerator by catalog id or alias. The engine does not know the catalog; the app and the command line
 * pass one backed by it, e.g. {@code AcceleratorResolver.of(name -> catalog.find(name).map(CatalogEntry::toSpec), ids)}.
 */
public interface AcceleratorResolver {

    Optional<AcceleratorSpec> find(String idOrAlias);

    /** Ids to suggest when a name is unknown (may be empty). */
    default List<String> knownIds() {
        return List.of();
    }

    static AcceleratorResolver of(java.util.function.Function<String, Optional<AcceleratorSpec>> lookup, List<String> knownIds) {
        List<String> ids = List.copyOf(knownIds);
        return new AcceleratorResolver() {
            @Override
            public Optional<AcceleratorSpec> find(String idOrAlias) {
                return lookup.apply(idOrAlias);
            }

            @Override
            public List<String> knownIds() {
                return ids;
            }
        };
    }

    /** A resolver over a fixed list, matching id, name and aliases case-insensitively (for tests and custom sets). */
    static AcceleratorResolver of(List<AcceleratorSpec> accelerators) {
        List<AcceleratorSpec> all = List.copyOf(accelerators);
        return of(name -> all.stream().filter(a -> matches(a, name)).findFirst(), all.stream().map(AcceleratorSpec::id).toList());
    }

    /** Resolves nothing: only scenarios carrying their own accelerator figures evaluate. */
    static AcceleratorResolver none() {
        return name -> Optional.empty();
    }

    private static boolean matches(AcceleratorSpec spec, String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return spec.id().toLowerCase(Locale.ROOT).equals(key) || spec.name().toLowerCase(Locale.ROOT).equals(key)
                || spec.aliases().stream().anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(key));
    }
}
