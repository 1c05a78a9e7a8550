package io.inferplan.app.workspace.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a SQL file kept beside the migration classes. The migrations are Java classes handed to Flyway directly,
 * so they work the same on the class path, the module path and inside a jlinked image (no resource scanning).
 */
final class SqlScript {
    private SqlScript() {
    }

    static void run(Connection connection, String resourceName) throws SQLException {
        String sql;
        try (InputStream in = SqlScript.class.getResourceAsStream("/io/inferplan/app/workspace/sql/" + resourceName)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing: " + resourceName);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\\s*\\n")) {
                String trimmed = part.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!trimmed.isEmpty()) {
                    statement.execute(trimmed);
                }
            }
        }
    }
}
