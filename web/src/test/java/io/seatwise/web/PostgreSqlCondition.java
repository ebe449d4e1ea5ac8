package io.seatwise.web;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link NeedsPostgreSql} tests when {@value PostgresDatabase#URL_VARIABLE} names a server, and also on CI
 * without it, where {@link PostgresDatabase#create} then fails them; elsewhere they are skipped, saying why.
 */
class PostgreSqlCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var url = System.getenv(PostgresDatabase.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled(PostgresDatabase.URL_VARIABLE + " is set");
        }
        if (Prerequisites.onCi(System.getenv())) {
            return ConditionEvaluationResult.enabled("CI=true: a missing PostgreSQL fails the test");
        }
        return ConditionEvaluationResult.disabled(PostgresDatabase.MISSING);
    }
}
