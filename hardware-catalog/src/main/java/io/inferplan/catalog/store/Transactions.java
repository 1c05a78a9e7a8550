package io.inferplan.catalog.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * All-or-nothing, durable writes: the catalog store and the app's workspace both go through here.
 *
 * <p>H2 2.5 (MVStore) acknowledges a commit before the change is in the file unless told otherwise: with its
 * default WRITE_DELAY a background thread writes the store up to half a second later, and a killed process loses
 * what it had not written. Both databases open with {@code WRITE_DELAY=0} (TransactionStore then stores the
 * MVStore at the end of every committing transaction), and {@link #run} adds {@code CHECKPOINT SYNC} (store, then
 * fsync) so a commit that returned is on disk, also across a power cut. Synced is not enough after a kill,
 * though: H2 2.5.252's recovery of a store left open sometimes goes back to an older version, so both stores
 * also close the database after every write (the catalog per call, the workspace after each transaction), and
 * the file is a cleanly closed store whenever no write is running. WorkspaceKillTest and CatalogKillTest kill
 * real writer processes at random moments to prove it.
 */
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
            sync(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Writes everything committed so far to the file and waits for the disk (about a millisecond on an SSD). */
    public static void sync(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
