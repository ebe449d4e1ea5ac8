package io.seatwise.web.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the database is SQLite: {@code spring.datasource.url} unset (the files in {@code SEATWISE_DATA_DIR})
 * or a {@code jdbc:sqlite:} URL of its own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnPostgreSql.OnSqlite.class)
public @interface ConditionalOnSqlite {}
