package dev.baton.metrics;

import javax.sql.DataSource;

/** The KPI queries on H2, the embedded default. */
class HandoffMetricsH2Test extends HandoffMetricsContract {

    private static final DataSource H2 = migrated(h2("metrics"));

    @Override
    DataSource dataSource() {
        return H2;
    }
}
