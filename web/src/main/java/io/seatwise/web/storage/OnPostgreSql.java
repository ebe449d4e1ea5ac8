package io.seatwise.web.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The database that {@code spring.datasource.url} names, read once when the configuration is built. */
final class OnPostgreSql implements Condition {

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return url(context).startsWith(POSTGRESQL_PREFIX);
    }

    static String url(ConditionContext context) {
        return url(context.getEnvironment());
    }

    static String url(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").strip();
    }

    /** No URL, or a SQLite URL of its own. */
    static final class OnSqlite implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var url = url(context);
            return url.isEmpty() || url.startsWith(SQLITE_PREFIX);
        }
    }
}
