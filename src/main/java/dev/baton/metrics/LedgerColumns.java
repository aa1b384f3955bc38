package dev.baton.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading ledger columns the same way in every KPI: nullable numbers, instants, UTC days, durations. */
final class LedgerColumns {

    private LedgerColumns() {
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** A ledger column, which carries its zone; the engine's columns are read with EngineColumns.time. */
    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    /** Seconds from one instant to another, as the KPI SQL computes them; null when either is missing. */
    static Double seconds(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toNanos() / 1e9;
    }

    /** The UTC day an instant falls on: the day of the daily summaries. */
    static LocalDate utcDay(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
