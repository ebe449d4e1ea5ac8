package io.seatwise.web.review;

import io.seatwise.web.OnPostgreSql;

/** Every test of {@link ReviewApiTest}, on PostgreSQL. */
class PostgresReviewApiTest extends ReviewApiTest implements OnPostgreSql {}
