package io.seatwise.web.admin;

import io.seatwise.web.OnPostgreSql;

/** The statistics and CSV exports of {@link AdminStatisticsTest}, their SQL included, on PostgreSQL. */
class PostgresAdminStatisticsTest extends AdminStatisticsTest implements OnPostgreSql {}
