package io.seatwise.web.booking;

import io.seatwise.web.OnPostgreSql;

/** Every test of {@link AccountLimitApiTest}, parallel bookings of one account included, on PostgreSQL. */
class PostgresAccountLimitApiTest extends AccountLimitApiTest implements OnPostgreSql {}
