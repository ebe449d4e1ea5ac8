package io.seatwise.web.infra;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the database is PostgreSQL ({@code SPRING_DATASOURCE_URL=jdbc:postgresql://…}): the database that
 * several nodes can share. What only matters there (claims spread over nodes, shared secrets, retries after another
 * node's write) is switched on by it, so that a single node on SQLite runs exactly as it always did.
 */
class OnPostgreSql implements Condition {

    static final String URL_PREFIX = "jdbc:postgresql:";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var url = context.getEnvironment().getProperty("spring.datasource.url", "");
        return url.startsWith(URL_PREFIX);
    }
}
