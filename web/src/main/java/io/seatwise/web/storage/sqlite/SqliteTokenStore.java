package io.seatwise.web.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

/**
 * Axon's JDBC token store without {@code SELECT … FOR UPDATE}, which SQLite does not parse. Nothing is lost: on
 * SQLite every processor's transaction takes the read models' single write lock when it begins
 * ({@link SqliteTransactionManager}), and so already holds it while it reads and claims a token.
 */
class SqliteTokenStore extends JdbcTokenStore {

    SqliteTokenStore(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement select(Connection connection, String processorName, int segment, boolean forUpdate)
            throws SQLException {
        return super.select(connection, processorName, segment, false);
    }
}
