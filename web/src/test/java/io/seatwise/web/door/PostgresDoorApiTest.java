package io.seatwise.web.door;

import io.seatwise.web.OnPostgreSql;

/** Every door API test of {@link DoorApiTest}, sixteen simultaneous scans included, on PostgreSQL. */
class PostgresDoorApiTest extends DoorApiTest implements OnPostgreSql {}
