package io.seatwise.web.account;

import io.seatwise.web.OnOwnPostgreSql;

/** {@link EmailVerificationTest} on PostgreSQL: the directory's flags, the links' hashes and the outbox there. */
class PostgresEmailVerificationTest extends EmailVerificationTest implements OnOwnPostgreSql {}
