package dev.baton.metrics;

import javax.sql.DataSource;

/** The daily KPI rollup on H2, the embedded default. */
class KpiRollupH2Test extends KpiRollupContract {

    private static final DataSource H2 = HandoffMetricsContract.migrated(HandoffMetricsContract.h2("rollup"));

    @Override
    DataSource dataSource() {
        return H2;
    }
}
