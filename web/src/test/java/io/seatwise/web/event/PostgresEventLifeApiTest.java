package io.seatwise.web.event;

import io.seatwise.web.OnPostgreSql;

/** Every test of {@link EventLifeApiTest} (editing, rescheduling, cancelling, and the mail they queue), on PostgreSQL. */
class PostgresEventLifeApiTest extends EventLifeApiTest implements OnPostgreSql {}
