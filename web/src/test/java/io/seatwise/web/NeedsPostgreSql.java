package io.seatwise.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that run on a real PostgreSQL server: skipped, each with a message that says why, when
 * SEATWISE_TEST_POSTGRES_URL is unset, except on CI ({@code CI=true}), where they fail. When it is set and no database
 * can be created there, they fail ({@link PostgresDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgreSqlCondition.class)
public @interface NeedsPostgreSql {}
