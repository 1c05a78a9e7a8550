package io.inferplan.catalog;

import static io.inferplan.engine.Checks.text;

import io.inferplan.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bundled JSON document (one per vendor family): the sources it cites and its accelerators, whose figures
 * refer to those sources by id.
 *
 * @param updated when the document was last checked against its sources
 */
public record CatalogDocument(String vendor, String updated, List<Source> sources, List<CatalogEntry> accelerators) {
    public CatalogDocument {
        vendor = text("document.vendor", vendor);
        updated = text("document.updated", updated);
        sources = sources == null ? List.of() : List.copyOf(sources);
        accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
    }

    /** The entries with the sources they cite attached; fails naming the entry when a figure cites an unknown source. */
    public List<CatalogEntry> resolvedEntries() {
        Map<String, Source> byId = new HashMap<>();
        for (Source source : sources) {
            if (byId.put(source.id(), source) != null) {
                throw new InvalidInputException("sources." + source.id(), "is defined twice in the " + vendor + " document");
            }
        }
        List<CatalogEntry> resolved = new ArrayList<>();
        for (CatalogEntry entry : accelerators) {
            List<Source> cited = new ArrayList<>();
            for (String id : entry.referencedSourceIds()) {
                Source source = byId.get(id);
                if (source == null) {
                    source = entry.source(id).orElseThrow(() -> new InvalidInputException("entry." + entry.id(),
                            "cites source '" + id + "', which the " + vendor + " document does not define"));
                }
                cited.add(source);
            }
            resolved.add(entry.withSources(cited));
        }
        return resolved;
    }
}
