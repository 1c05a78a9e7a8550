package io.inferplan.app.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the scenario table. Deletion is soft first so that "undo delete" only flips a flag back. */
final class ScenarioRepository {
    private static final String COLUMNS = "id, name, document, position, created_at, updated_at";

    List<StoredScenario> listActive(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM scenario WHERE deleted = FALSE ORDER BY position, created_at")) {
            return read(s);
        }
    }

    Optional<StoredScenario> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM scenario WHERE id = ? AND deleted = FALSE")) {
            s.setObject(1, id);
            return read(s).stream().findFirst();
        }
    }

    int nextPosition(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(position), -1) + 1 FROM scenario");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Inserts or replaces the scenario with this id (MERGE keeps autosave idempotent). */
    void upsert(Connection c, StoredScenario scenario) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "MERGE INTO scenario (" + COLUMNS + ", deleted, document_sha256) KEY (id) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)")) {
            s.setObject(1, scenario.id());
            s.setString(2, scenario.name());
            s.setString(3, scenario.documentJson());
            s.setInt(4, scenario.position());
            s.setTimestamp(5, Timestamp.from(scenario.createdAt()));
            s.setTimestamp(6, Timestamp.from(scenario.updatedAt()));
            s.setString(7, sha256(scenario.documentJson()));
            s.executeUpdate();
        }
    }

    /**
     * Reads every document, the trash's too, and checks it against its checksum; throws naming the scenario when one
     * does not match (a row saved before checksums existed has none and is only read).
     */
    void verifyAll(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, document, document_sha256 FROM scenario");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String document = rows.getString(2);
                String expected = rows.getString(3);
                if (expected != null && !expected.equals(sha256(document))) {
                    throw new SQLException("the scenario '" + rows.getString(1) + "' does not match its checksum: its document was damaged");
                }
            }
        }
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void setDeleted(Connection c, UUID id, boolean deleted) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE scenario SET deleted = ?, deleted_at = ? WHERE id = ?")) {
            s.setBoolean(1, deleted);
            s.setTimestamp(2, deleted ? Timestamp.from(Instant.now()) : null);
            s.setObject(3, id);
            s.executeUpdate();
        }
    }

    /**
     * Deleted scenarios are kept (a trash) until {@code deletedBefore}; older ones are removed for good. A start
     * right after a deletion (a crash, a quick restart) loses nothing.
     */
    int purgeDeleted(Connection c, Instant deletedBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM scenario WHERE deleted = TRUE AND deleted_at < ?")) {
            s.setTimestamp(1, Timestamp.from(deletedBefore));
            return s.executeUpdate();
        }
    }

    int countAll(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM scenario");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<StoredScenario> read(PreparedStatement s) throws SQLException {
        List<StoredScenario> result = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new StoredScenario(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
            }
        }
        return result;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? Instant.now() : timestamp.toInstant();
    }
}
