package io.seatwise.web.account;

import io.seatwise.web.OnOwnPostgreSql;

/** {@link PasswordsTest} on PostgreSQL: credential versions, reset links and their bounds there. */
class PostgresPasswordsTest extends PasswordsTest implements OnOwnPostgreSql {}
