package io.seatwise.web.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the database is PostgreSQL ({@code SPRING_DATASOURCE_URL=jdbc:postgresql://…}): the database that
 * several nodes can share. What only matters there (claims spread over nodes, shared secrets, retries after another
 * node's write) is switched on by it, so that a single node on SQLite runs exactly as it always did.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnPostgreSql.class)
public @interface ConditionalOnPostgreSql {}
