package io.inferplan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inferplan.engine.EditDistance;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accelerators InferPlan knows: the bundled JSON documents, optionally overlaid with the user's own entries
 * (same id replaces the bundled entry). Immutable; look-ups by id, name or alias ignore case, spaces and dashes;
 * any other name is read as vendor, product, form factor and memory ({@link AcceleratorName}) and matched to the
 * entry of that product with that form factor and memory.
 */
public final class AcceleratorCatalog {
    /** The bundled documents, one per vendor family, in display order. */
    static final List<String> BUNDLED_DOCUMENTS = List.of("nvidia.json", "amd.json", "intel.json", "google.json", "aws.json");
    private static final String BUNDLE_FOLDER = "/io/inferplan/catalog/bundled/";

    /**
     * How far a named memory size may sit from an entry's and still name it: vendors print nominal sizes, tables
     * usable ones (GB300: 288 GB nominal, 279 GB usable; B200: 180 GB, nvidia-smi 179 GB, early decks 192 GB). The
     * smallest gap between two parts of one product in the catalog is 17% (H100 80 GB and H100 NVL 94 GB).
     */
    static final double MEMORY_TOLERANCE = 0.08;

    private final List<CatalogEntry> entries;
    private final Map<String, CatalogEntry> byKey;
    private final List<PartIdentity> parts;

    private AcceleratorCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
        this.byKey = index(this.entries);
        this.parts = this.entries.stream().map(PartIdentity::of).toList();
    }

    /**
     * One entry as the parser sees it: the products its id and aliases name, its form factor (from the id, name
     * and form-factor text) and the memory sizes it answers to (its figure and any its id or aliases print).
     */
    record PartIdentity(CatalogEntry entry, Set<String> products, AcceleratorName.FormFactor formFactor,
                        List<Double> memoriesGB, boolean isDefault) {
        static PartIdentity of(CatalogEntry entry) {
            Set<String> products = new LinkedHashSet<>();
            List<Double> memories = new ArrayList<>(List.of(entry.memoryGB().number()));
            AcceleratorName.FormFactor formFactor = AcceleratorName.parse(entry.id() + " " + entry.formFactor()).formFactor();
            List<String> names = new ArrayList<>(entry.aliases());
            names.addFirst(entry.id());
            for (String name : names) {
                AcceleratorName parsed = AcceleratorName.parse(name);
                if (!parsed.product().isEmpty()) {
                    products.add(parsed.product());
                    if (parsed.hasMemory()) {
                        memories.add(parsed.memoryGB());
                    }
                }
            }
            // The entry a bare product name means ("H200": the SXM part) is the one listing that name as an alias.
            boolean isDefault = entry.aliases().stream().map(AcceleratorCatalog::normalise).anyMatch(products::contains);
            return new PartIdentity(entry, Set.copyOf(products), formFactor, List.copyOf(memories), isDefault);
        }

        double memoryGap(double memoryGB) {
            return memoriesGB.stream().mapToDouble(m -> Math.abs(memoryGB - m) / m).min().orElse(Double.MAX_VALUE);
        }

        boolean fits(AcceleratorName name) {
            return products.contains(name.product())
                    && (name.formFactor() == AcceleratorName.FormFactor.ANY || name.formFactor() == formFactor)
                    && (!name.hasMemory() || memoryGap(name.memoryGB()) <= MEMORY_TOLERANCE);
        }
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
        return hit != null ? Optional.of(hit) : findByParts(AcceleratorName.parse(nameOrAlias));
    }

    /**
     * The entry of the named product whose form factor and memory fit: the closest memory first, then the part a
     * bare product name means, then catalog order.
     */
    private Optional<CatalogEntry> findByParts(AcceleratorName name) {
        if (name.product().isEmpty()) {
            return Optional.empty();
        }
        return parts.stream().filter(p -> p.fits(name))
                .min(Comparator.<PartIdentity>comparingDouble(p -> name.hasMemory() ? p.memoryGap(name.memoryGB()) : 0)
                        .thenComparing(p -> !p.isDefault()))
                .map(PartIdentity::entry);
    }

    /** Like {@link #find} but an unknown name is an input error naming close matches. */
    public CatalogEntry require(String field, String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> new InvalidInputException(field,
                "unknown accelerator '" + nameOrAlias + "'" + whyUnknown(nameOrAlias) + suggestions(nameOrAlias)));
    }

    /** ": the catalog has no H100 with 94 GB" when the product is known but not that part of it. */
    private String whyUnknown(String text) {
        AcceleratorName name = AcceleratorName.parse(text);
        List<PartIdentity> sameProduct = parts.stream().filter(p -> p.products().contains(name.product())).toList();
        if (name.product().isEmpty() || sameProduct.isEmpty()) {
            return "";
        }
        String what = name.product().toUpperCase(Locale.ROOT)
                + (name.formFactor() == AcceleratorName.FormFactor.ANY ? "" : " " + name.formFactor())
                + (name.hasMemory() ? String.format(Locale.ROOT, " with %.0f GB", name.memoryGB()) : "");
        return ": the catalog has no " + what;
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

    /**
     * "; did you mean ..." ranked by how close the product is (edit distance), then the memory (ratio), then the
     * form factor, so that GB301-288GB suggests gb300 before b300 and H100-SXM-94GB the H100 parts first.
     */
    private String suggestions(String text) {
        List<String> close = rankedSuggestions(text, 5);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "? (inferplan catalog list shows all)";
    }

    /** Ids of the entries closest to a name, best first, at most {@code limit}. */
    List<String> rankedSuggestions(String text, int limit) {
        AcceleratorName name = AcceleratorName.parse(text);
        String wanted = name.product().isEmpty() ? normalise(text) : name.product();
        if (wanted.length() < 2) {
            return List.of();
        }
        record Scored(String id, int productDistance, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (PartIdentity part : parts) {
            int productDistance = part.products().stream().mapToInt(p -> EditDistance.of(p, wanted)).min()
                    .orElse(EditDistance.of(normalise(part.entry().id()), wanted));
            // A factor of two in memory counts about as much as one wrong character of the product.
            double memory = name.hasMemory() ? Math.min(3, Math.abs(Math.log(name.memoryGB() / part.memoriesGB().stream()
                    .min(Comparator.comparingDouble(m -> Math.abs(Math.log(name.memoryGB() / m)))).orElseThrow())) * 1.5) : 0;
            double formFactor = name.formFactor() != AcceleratorName.FormFactor.ANY && name.formFactor() != part.formFactor() ? 0.5 : 0;
            scored.add(new Scored(part.entry().id(), productDistance, productDistance + memory + formFactor));
        }
        int near = Math.max(2, wanted.length() / 2);
        List<Scored> sorted = scored.stream().sorted(Comparator.comparingDouble(Scored::score)).toList();
        List<String> close = sorted.stream().filter(s -> s.productDistance() <= near).limit(limit).map(Scored::id).toList();
        return close.isEmpty() ? sorted.stream().limit(3).map(Scored::id).toList() : close;
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
