package io.seatwise.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Marks tests that run on a real PostgreSQL server: skipped, each with a message that says why, when
 * SEATWISE_TEST_POSTGRES_URL is unset. When it is set and no database can be created there, they fail
 * ({@link PostgresDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(
        named = PostgresDatabase.URL_VARIABLE,
        matches = ".+",
        disabledReason = "no PostgreSQL server to test against; set " + PostgresDatabase.URL_VARIABLE
                + " (and SEATWISE_TEST_POSTGRES_USER, SEATWISE_TEST_POSTGRES_PASSWORD), as .ci/run does")
public @interface NeedsPostgreSql {}
