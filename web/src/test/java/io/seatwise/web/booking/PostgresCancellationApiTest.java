package io.seatwise.web.booking;

import io.seatwise.web.OnPostgreSql;

/** Every booking and cancellation test of {@link CancellationApiTest}, on PostgreSQL. */
class PostgresCancellationApiTest extends CancellationApiTest implements OnPostgreSql {}
