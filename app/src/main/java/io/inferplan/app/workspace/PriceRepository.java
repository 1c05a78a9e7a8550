package io.inferplan.app.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The user's own prices for catalog accelerators (quotes), kept beside the bundled catalog. */
final class PriceRepository {
    Map<String, OwnPrice> all(Connection c) throws SQLException {
        Map<String, OwnPrice> prices = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT accelerator_id, usd_per_gpu_hour, capex_usd_per_gpu, note FROM accelerator_price");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                prices.put(rs.getString(1), new OwnPrice(rs.getString(1), nullable(rs, 2), nullable(rs, 3), rs.getString(4)));
            }
        }
        return prices;
    }

    void put(Connection c, OwnPrice price) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO accelerator_price (accelerator_id, usd_per_gpu_hour, capex_usd_per_gpu, note, updated_at) "
                + "KEY (accelerator_id) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, price.acceleratorId());
            setNullable(s, 2, price.usdPerGpuHour());
            setNullable(s, 3, price.capexUsdPerGpu());
            s.setString(4, price.note());
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    void clear(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM accelerator_price")) {
            s.executeUpdate();
        }
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static void setNullable(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }
}
