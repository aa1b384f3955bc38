package dev.baton.metrics;

import dev.baton.TestPostgres;
import javax.sql.DataSource;

/** The KPI queries on PostgreSQL (embedded, or BATON_TEST_JDBC_URL). */
class HandoffMetricsPostgresTest extends HandoffMetricsContract {

    private static final DataSource POSTGRES = migrated(TestPostgres.newDatabase().dataSource());

    @Override
    DataSource dataSource() {
        return POSTGRES;
    }
}
