package io.inferplan.app.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Name/value settings (window geometry, theme, last page) kept in the workspace, not in OS preferences, so a
 *  test's temporary data directory isolates them too. */
final class SettingsRepository {
    Map<String, String> all(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT setting_name, setting_value FROM setting");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO setting (setting_name, setting_value) KEY (setting_name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        }
    }
}
