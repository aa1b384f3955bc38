package dev.baton.metrics;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The daily KPI rollup on H2, the embedded default. */
class KpiRollupH2Test extends KpiRollupContract {

    private static final DataSource H2 = HandoffMetricsContract.migrated(h2());

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rollup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    DataSource dataSource() {
        return H2;
    }
}
