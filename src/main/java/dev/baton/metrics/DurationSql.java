package dev.baton.metrics;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seconds between timestamps, as SQL for the database at hand. On PostgreSQL, EXTRACT returns
 * numeric (since version 14), and numeric arithmetic and sorting made the percentile KPIs about
 * twice as slow as date_part, which returns double precision; H2 has no date_part.
 */
final class DurationSql {

    private final boolean postgres;

    private DurationSql(boolean postgres) {
        this.postgres = postgres;
    }

    static DurationSql of(JdbcClient jdbc) {
        ResultSetExtractor<Boolean> product = rs -> "PostgreSQL".equals(
                rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
        return new DurationSql(Boolean.TRUE.equals(jdbc.sql("SELECT 1").query(product)));
    }

    /** Seconds from {@code from} to {@code to}, as double precision. */
    String between(String from, String to) {
        return postgres ? "date_part('epoch', " + to + " - " + from + ")"
                : "EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + ")";
    }

    /** Seconds since the epoch. */
    String epoch(String column) {
        return postgres ? "date_part('epoch', " + column + ")" : "EXTRACT(EPOCH FROM " + column + ")";
    }
}
