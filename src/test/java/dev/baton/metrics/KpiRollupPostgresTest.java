package dev.baton.metrics;

import dev.baton.TestPostgres;
import javax.sql.DataSource;

/** The daily KPI rollup on PostgreSQL (embedded, or BATON_TEST_JDBC_URL). */
class KpiRollupPostgresTest extends KpiRollupContract {

    private static final DataSource POSTGRES = HandoffMetricsContract.migrated(TestPostgres.newDatabase().dataSource());

    @Override
    DataSource dataSource() {
        return POSTGRES;
    }
}
