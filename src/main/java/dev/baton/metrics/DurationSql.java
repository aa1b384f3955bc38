package dev.baton.metrics;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The duration expressions of the KPI queries, in seconds, as SQL for the database at hand. On
 * PostgreSQL, EXTRACT returns numeric (since version 14), and numeric arithmetic and sorting made
 * the percentile KPIs about twice as slow as date_part, which returns double precision; H2 has no
 * date_part and keeps EXTRACT. The timeline uses wait, work and latency; cycle time and the week
 * index serve the ledger SQL the rollup tests compare the daily rollup with.
 *
 * @param weekIndex ISO weeks (Monday, UTC) counted from the first Monday of the epoch, 1970-01-05
 *                  (345,600 s): DATE_TRUNC('week') starts on Sunday in H2 and on Monday in PostgreSQL
 */
record DurationSql(String waitSeconds, String workSeconds, String cycleSeconds, String latencySeconds,
                   String weekIndex) {

    static DurationSql of(JdbcClient jdbc) {
        ResultSetExtractor<Boolean> product = rs -> "PostgreSQL".equals(
                rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
        return forDatabase(Boolean.TRUE.equals(jdbc.sql("SELECT 1").query(product)));
    }

    private static DurationSql forDatabase(boolean postgres) {
        return new DurationSql(between(postgres, "g.created_at", "g.claimed_at"),
                between(postgres, "g.claimed_at", "g.completed_at"), between(postgres, "g.created_at", "g.completed_at"),
                between(postgres, "h.sent_at", "h.decided_at"),
                "FLOOR((" + epoch(postgres, "g.created_at") + " - 345600) / 604800)");
    }

    private static String between(boolean postgres, String from, String to) {
        return postgres ? "date_part('epoch', " + to + " - " + from + ")"
                : "EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + ")";
    }

    private static String epoch(boolean postgres, String column) {
        return postgres ? "date_part('epoch', " + column + ")" : "EXTRACT(EPOCH FROM " + column + ")";
    }
}
