package io.inferplan.catalog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a database already has every migration: at a normal start it does, and asking the history table costs a
 * few milliseconds where starting Flyway costs about 300 (on a 2-core machine, on the path to the first window).
 * Anything unusual (no history table, a failed migration, an older version) answers false, and Flyway decides.
 */
public final class SchemaVersions {
    private SchemaVersions() {
    }

    public static boolean isCurrent(Connection connection, String historyTable, String latestVersion) {
        String table = "\"" + historyTable.replace("\"", "") + "\"";
        try (Statement failed = connection.createStatement();
             ResultSet failures = failed.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE \"success\" = FALSE")) {
            failures.next();
            if (failures.getLong(1) > 0) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        try (PreparedStatement applied = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE \"version\" = ? AND \"success\" = TRUE")) {
            applied.setString(1, latestVersion);
            try (ResultSet rows = applied.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
