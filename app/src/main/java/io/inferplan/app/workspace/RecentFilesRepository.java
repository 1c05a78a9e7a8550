package io.inferplan.app.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Files the user imported or exported, newest first, at most {@link #LIMIT}. */
final class RecentFilesRepository {
    static final int LIMIT = 10;

    List<Path> list(Connection c) throws SQLException {
        List<Path> paths = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM recent_file ORDER BY used_at DESC LIMIT " + LIMIT);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                paths.add(Path.of(rs.getString(1)));
            }
        }
        return paths;
    }

    void touch(Connection c, Path path) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO recent_file (path, used_at) KEY (path) VALUES (?, ?)")) {
            s.setString(1, path.toAbsolutePath().toString());
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM recent_file WHERE path NOT IN (SELECT path FROM recent_file ORDER BY used_at DESC LIMIT " + LIMIT + ")")) {
            s.executeUpdate();
        }
    }
}
