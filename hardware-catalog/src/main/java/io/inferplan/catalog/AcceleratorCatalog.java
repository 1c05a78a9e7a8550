package io.inferplan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inferplan.engine.InvalidInputException;
import io.inferplan.engine.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accelerators InferPlan knows: the bundled JSON documents, optionally overlaid with the user's own entries
 * (same id replaces the bundled entry). Immutable; look-ups by id, name or alias ignore case, spaces and dashes.
 */
public final class AcceleratorCatalog {
    /** The bundled documents, one per vendor family, in display order. */
    static final List<String> BUNDLED_DOCUMENTS = List.of("nvidia.json", "amd.json", "intel.json", "google.json", "aws.json");
    private static final String BUNDLE_FOLDER = "/io/inferplan/catalog/bundled/";

    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> byKey;

    private AcceleratorCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
        this.byKey = index(this.entries);
    }

    /** The bundled catalog alone, read once per JVM. */
    public static AcceleratorCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** A catalog of exactly these entries (ids must be unique). */
    public static AcceleratorCatalog of(List<CatalogEntry> entries) {
        return new AcceleratorCatalog(entries);
    }

    /**
     * The bundled entries with the user's on top: a user entry with a bundled id replaces it in place, new ones
     * follow the bundled ones.
     */
    public static AcceleratorCatalog merged(AcceleratorCatalog base, List<CatalogEntry> userEntries) {
        Map<String, CatalogEntry> byId = new LinkedHashMap<>();
        base.entries.forEach(e -> byId.put(e.id(), e));
        userEntries.forEach(e -> byId.put(e.id(), e));
        return new AcceleratorCatalog(new ArrayList<>(byId.values()));
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The entry whose id, name or alias matches, ignoring case, spaces, dashes and a leading vendor name. */
    public Optional<CatalogEntry> find(String nameOrAlias) {
        if (nameOrAlias == null || nameOrAlias.isBlank()) {
            return Optional.empty();
        }
        String key = normalise(nameOrAlias);
        CatalogEntry hit = byKey.get(key);
        if (hit == null) {
            for (String vendor : List.of("nvidia", "amd", "intel", "google", "aws", "amazon")) {
                if (key.startsWith(vendor) && key.length() > vendor.length()) {
                    hit = byKey.get(key.substring(vendor.length()));
                    if (hit != null) {
                        break;
                    }
                }
            }
        }
        return Optional.ofNullable(hit);
    }

    /** Like {@link #find} but an unknown name is an input error naming close matches. */
    public CatalogEntry require(String field, String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> new InvalidInputException(field,
                "unknown accelerator '" + nameOrAlias + "'" + suggestions(nameOrAlias)));
    }

    /** This catalog as the engine's name resolver for scenarios (ids and aliases, the ids listed when a name is unknown). */
    public io.inferplan.engine.scenario.AcceleratorResolver resolver() {
        return io.inferplan.engine.scenario.AcceleratorResolver.of(name -> find(name).map(CatalogEntry::toSpec),
                entries.stream().map(CatalogEntry::id).toList());
    }

    /** The entry listing this PCI "vendor:device" id, if any. */
    public Optional<CatalogEntry> findByPciId(String pciId) {
        String key = pciId == null ? "" : pciId.strip().toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.pciIds().contains(key)).findFirst();
    }

    private String suggestions(String text) {
        String key = normalise(text);
        List<String> close = entries.stream()
                .filter(e -> normalise(e.id()).contains(key) || key.contains(normalise(e.id()))
                        || e.aliases().stream().anyMatch(a -> normalise(a).contains(key)))
                .map(CatalogEntry::id).limit(5).toList();
        if (close.isEmpty() && key.length() >= 2) {
            close = entries.stream().sorted(Comparator.comparingInt(e -> distance(normalise(e.id()), key)))
                    .limit(3).map(CatalogEntry::id).toList();
        }
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "? (inferplan catalog list shows all)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Lower case, letters and digits only: "H100 SXM", "h100-sxm" and "H100_SXM" are one key. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Map<String, CatalogEntry> index(List<CatalogEntry> entries) {
        Map<String, CatalogEntry> keys = new HashMap<>();
        Map<String, CatalogEntry> ids = new HashMap<>();
        for (CatalogEntry entry : entries) {
            if (ids.put(entry.id(), entry) != null) {
                throw new InvalidInputException("entry.id", "'" + entry.id() + "' is used by two entries");
            }
        }
        // Ids first so that an id always wins over another entry's alias or name.
        for (CatalogEntry entry : entries) {
            keys.put(normalise(entry.id()), entry);
        }
        for (CatalogEntry entry : entries) {
            List<String> names = new ArrayList<>(entry.aliases());
            names.add(entry.name());
            for (String name : names) {
                CatalogEntry previous = keys.putIfAbsent(normalise(name), entry);
                if (previous != null && previous != entry && !previous.id().equals(entry.id())) {
                    // A user entry may reuse a bundled alias; the first (bundled order, then user) keeps it.
                    continue;
                }
            }
        }
        return Map.copyOf(keys);
    }

    /** Reads one bundled document by file name (nvidia.json...). */
    static CatalogDocument readBundledDocument(String fileName) {
        try (InputStream in = AcceleratorCatalog.class.getResourceAsStream(BUNDLE_FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalog document " + fileName + " is missing from the build");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JsonSupport.mapper().readValue(json, CatalogDocument.class);
        } catch (JsonProcessingException e) {
            throw JsonSupport.translate(e, "bundled/" + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read bundled catalog document " + fileName, e);
        }
    }

    private static final class Bundled {
        static final AcceleratorCatalog CATALOG = load();

        private static AcceleratorCatalog load() {
            List<CatalogEntry> all = new ArrayList<>();
            for (String file : BUNDLED_DOCUMENTS) {
                all.addAll(readBundledDocument(file).resolvedEntries());
            }
            return new AcceleratorCatalog(all);
        }
    }
}
