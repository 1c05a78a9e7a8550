package io.inferplan.app.workspace;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One scenario as the workspace keeps it: a name and the scenario's JSON document, untouched. The store never
 * parses the document, so new scenario fields need no migration.
 */
public record StoredScenario(UUID id, String name, String documentJson, int position, Instant createdAt, Instant updatedAt) {
    public StoredScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentJson, "documentJson");
        name = name == null || name.isBlank() ? "Untitled scenario" : name.strip();
    }

    public StoredScenario withDocument(String newDocumentJson) {
        return new StoredScenario(id, name, newDocumentJson, position, createdAt, Instant.now());
    }

    public StoredScenario withName(String newName) {
        return new StoredScenario(id, newName, documentJson, position, createdAt, Instant.now());
    }
}
