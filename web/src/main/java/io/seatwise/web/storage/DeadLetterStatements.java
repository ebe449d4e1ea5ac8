package io.seatwise.web.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.serialization.Serializer;

/**
 * Axon's statements for the dead letters, with the one query that may answer SQL {@code NULL} for a number rewritten:
 * the highest index of a sequence that has no letters yet. sqlite-jdbc cannot hand a {@code NULL} out as a
 * {@code Long} (as with the event store's queries, {@link StorageConfiguration}), so the first letter of every
 * sequence failed to be stored. {@code COALESCE} answers 0 instead, as Axon reads a {@code NULL}; it runs unchanged on
 * PostgreSQL.
 */
final class DeadLetterStatements extends DefaultDeadLetterStatementFactory<EventMessage<?>> {

    private final DeadLetterSchema schema;

    DeadLetterStatements(DeadLetterSchema schema, Serializer serializer) {
        super(DefaultDeadLetterStatementFactory.<EventMessage<?>>builder()
                .schema(schema)
                .genericSerializer(serializer)
                .eventSerializer(serializer));
        this.schema = schema;
    }

    @Override
    public PreparedStatement maxIndexStatement(Connection connection, String processingGroup, String sequenceId)
            throws SQLException {
        var statement =
                connection.prepareStatement("SELECT COALESCE(MAX(" + schema.sequenceIndexColumn() + "), 0) FROM "
                        + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ? AND "
                        + schema.sequenceIdentifierColumn() + " = ?");
        statement.setString(1, processingGroup);
        statement.setString(2, sequenceId);
        return statement;
    }
}
