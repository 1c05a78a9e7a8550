package io.inferplan.catalog.store;

import java.sql.Connection;
import java.sql.SQLException;

/** All-or-nothing writes: the catalog store and the app's workspace both go through here. */
public final class Transactions {
    private Transactions() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction on {@code connection}: committed whole or rolled back whole. */
    public static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
