package io.seatwise.web.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The resolver judged against what a real SQLite database throws, not against hand-made exceptions. */
class SqlitePersistenceExceptionResolverTest {

    private final SqlitePersistenceExceptionResolver resolver = new SqlitePersistenceExceptionResolver();

    @TempDir
    Path folder;

    private Connection connection;

    @BeforeEach
    void database() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("resolver.db"));
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, aggregate TEXT NOT NULL, sequence INTEGER"
                    + " NOT NULL, payload TEXT NOT NULL, UNIQUE (aggregate, sequence))");
            statement.execute("INSERT INTO entry (id, aggregate, sequence, payload) VALUES (1, 'a', 0, 'first')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private SQLException failureOf(String sql) {
        var failure = catchThrowableOfType(SQLException.class, () -> {
            try (var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
        // an SQLException is also an Iterable, so AssertJ has to be told to treat it as a Throwable
        assertThat((Throwable) failure).as("SQLite refuses: " + sql).isInstanceOf(SQLiteException.class);
        return failure;
    }

    @Test
    void uniqueKeyViolationIsADuplicateKey() {
        var failure = failureOf("INSERT INTO entry (id, aggregate, sequence, payload) VALUES (2, 'a', 0, 'second')");

        assertThat(((SQLiteException) failure).getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
        assertThat(resolver.isDuplicateKeyViolation(failure)).isTrue();
    }

    @Test
    void primaryKeyViolationIsADuplicateKey() {
        var failure = failureOf("INSERT INTO entry (id, aggregate, sequence, payload) VALUES (1, 'b', 0, 'other')");

        assertThat(((SQLiteException) failure).getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
        assertThat(resolver.isDuplicateKeyViolation(failure)).isTrue();
    }

    @Test
    void duplicateKeyIsFoundBehindAWrappingException() {
        var failure = failureOf("INSERT INTO entry (id, aggregate, sequence, payload) VALUES (2, 'a', 0, 'second')");

        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("append failed", failure)))
                .isTrue();
    }

    @Test
    void otherConstraintViolationIsNotADuplicateKey() {
        var failure = failureOf("INSERT INTO entry (id, aggregate, sequence, payload) VALUES (2, 'a', 1, NULL)");

        assertThat(((SQLiteException) failure).getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL);
        assertThat(resolver.isDuplicateKeyViolation(failure)).isFalse();
    }

    @Test
    void syntaxErrorIsNotADuplicateKey() {
        var failure = failureOf("INSERT INTO nowhere VALUES (1)");

        assertThat(resolver.isDuplicateKeyViolation(failure)).isFalse();
    }

    @Test
    void unrelatedSqlExceptionIsNotADuplicateKey() {
        var lostConnection = new SQLException("Connection reset", "08006");

        assertThat(resolver.isDuplicateKeyViolation(lostConnection)).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no SQL at all")))
                .isFalse();
    }

    @Test
    void uniqueViolationStateOfOtherDatabasesIsADuplicateKey() {
        var postgresDuplicate = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(resolver.isDuplicateKeyViolation(postgresDuplicate)).isTrue();
    }
}
