package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.seconds;
import static dev.baton.metrics.LedgerColumns.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The gate KPI of one group, summed in Java from gate attempts of the ledger ({@link #addAttempt})
 * and from daily summaries ({@link #addDay}); the rollup uses it to build those summaries.
 */
final class GateTally {

    /** The gate_attempt columns {@link #addAttempt} reads. */
    static final String ATTEMPT_COLUMNS =
            "gate, team, created_at, claimed_at, completed_at, cancelled_at, sla_breached_at";
    /** The gate_day columns {@link #addDay} reads. */
    static final String DAY_COLUMNS =
            "gate, team, first_created_at, attempts, completed, breaches, wait_seconds, work_seconds, cycle_seconds";

    long attempts;
    long completed;
    long open;
    long breaches;
    OffsetDateTime firstCreated;
    final DurationHistogram wait = new DurationHistogram();
    final DurationHistogram work = new DurationHistogram();
    final DurationHistogram cycle = new DurationHistogram();

    void addAttempt(ResultSet rs) throws SQLException {
        OffsetDateTime created = time(rs, "created_at");
        OffsetDateTime claimed = time(rs, "claimed_at");
        OffsetDateTime done = time(rs, "completed_at");
        attempts++;
        completed += done != null ? 1 : 0;
        open += done == null && time(rs, "cancelled_at") == null ? 1 : 0;
        breaches += time(rs, "sla_breached_at") != null ? 1 : 0;
        first(created);
        wait.add(seconds(created, claimed));
        work.add(seconds(claimed, done));
        cycle.add(seconds(created, done));
    }

    void addDay(ResultSet rs) throws SQLException {
        attempts += rs.getLong("attempts");
        completed += rs.getLong("completed");
        breaches += rs.getLong("breaches");
        first(time(rs, "first_created_at"));
        wait.addEncoded(rs.getString("wait_seconds"));
        work.addEncoded(rs.getString("work_seconds"));
        cycle.addEncoded(rs.getString("cycle_seconds"));
    }

    void merge(GateTally other) {
        attempts += other.attempts;
        completed += other.completed;
        open += other.open;
        breaches += other.breaches;
        first(other.firstCreated);
        wait.merge(other.wait);
        work.merge(other.work);
        cycle.merge(other.cycle);
    }

    Kpis.GateKpi kpi(String gate, String team) {
        return new Kpis.GateKpi(gate, team, attempts, completed, open, breaches, Kpis.share(breaches, attempts),
                wait.percentile(0.5), wait.percentile(0.9), work.percentile(0.5), work.percentile(0.9),
                cycle.percentile(0.5), cycle.percentile(0.9));
    }

    private void first(OffsetDateTime at) {
        if (at != null && (firstCreated == null || at.isBefore(firstCreated))) {
            firstCreated = at;
        }
    }
}
