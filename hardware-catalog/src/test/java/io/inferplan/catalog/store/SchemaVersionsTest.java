package io.inferplan.catalog.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionsTest {
    @TempDir
    Path directory;

    @Test
    void aMigratedDatabaseIsCurrentOnlyForItsOwnLatestVersion() throws Exception {
        CatalogStore store = CatalogStore.open(directory);
        try (Connection connection = store.connect()) {
            assertTrue(SchemaVersions.isCurrent(connection, "flyway_schema_history", "2"));
            assertFalse(SchemaVersions.isCurrent(connection, "flyway_schema_history", "3"), "a newer release must migrate");
            assertFalse(SchemaVersions.isCurrent(connection, "no_such_history", "1"), "no history: Flyway decides");
            connection.createStatement().execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
            assertFalse(SchemaVersions.isCurrent(connection, "flyway_schema_history", "2"), "a failed migration: Flyway decides");
        }
    }

    @Test
    void anEmptyDatabaseIsNotCurrent() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("empty").toAbsolutePath(), "", "")) {
            assertFalse(SchemaVersions.isCurrent(connection, "flyway_schema_history", "1"));
        }
    }
}
