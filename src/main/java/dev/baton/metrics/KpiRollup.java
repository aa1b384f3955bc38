package dev.baton.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.baton.ledger.LedgerClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sums finished ledger rows of closed days (created or sent before today, UTC) into the daily
 * summaries gate_day, handoff_day and handoff_reason_day, and marks them summarized. A finished
 * row (gate attempt completed or cancelled, handoff decided) never changes again, so each is
 * counted once. Each batch is one transaction holding the kpi_rollup row lock: one node of a
 * cluster rolls up at a time, and a failed batch leaves neither summary nor mark.
 */
@Service
public class KpiRollup {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public KpiRollup(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Rolls up everything due, batchSize rows of each table per transaction; returns the rows rolled up. */
    public long rollUp(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        OffsetDateTime today = LedgerClock.now().truncatedTo(ChronoUnit.DAYS);
        long total = 0;
        while (true) {
            int[] done = transactions.execute(status -> {
                jdbc.sql("SELECT name FROM kpi_rollup WHERE name = 'ledger' FOR UPDATE").query(String.class).single();
                int[] rows = {rollUpGateAttempts(today, batchSize), rollUpHandoffs(today, batchSize)};
                jdbc.sql("UPDATE kpi_rollup SET last_run_at = :now WHERE name = 'ledger'")
                        .param("now", LedgerClock.now()).update();
                return rows;
            });
            total += done[0] + done[1];
            if (done[0] < batchSize && done[1] < batchSize) {
                return total;
            }
        }
    }

    private record GateDayKey(LocalDate day, String gate, String team) {
    }

    private int rollUpGateAttempts(OffsetDateTime before, int batchSize) {
        Map<GateDayKey, GateTally> batch = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("SELECT id, " + GateTally.ATTEMPT_COLUMNS + """
                 FROM gate_attempt
                WHERE summarized = FALSE AND created_at < :before AND (completed_at IS NOT NULL OR cancelled_at IS NOT NULL)
                ORDER BY created_at FETCH FIRST %d ROWS ONLY""".formatted(batchSize))
                .param("before", before)
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    batch.computeIfAbsent(gateKey(rs, "created_at"), k -> new GateTally()).addAttempt(rs);
                });
        if (ids.isEmpty()) {
            return 0;
        }
        Set<LocalDate> days = days(batch.keySet().stream().map(GateDayKey::day).toList());
        Map<GateDayKey, GateTally> summaries = new HashMap<>();
        jdbc.sql("SELECT ledger_day, " + GateTally.DAY_COLUMNS + " FROM gate_day WHERE ledger_day IN (:days)")
                .param("days", days)
                .query(rs -> {
                    summaries.computeIfAbsent(gateKey(rs, null), k -> new GateTally()).addDay(rs);
                });
        batch.forEach((key, tally) -> summaries.computeIfAbsent(key, k -> new GateTally()).merge(tally));
        jdbc.sql("DELETE FROM gate_day WHERE ledger_day IN (:days)").param("days", days).update();
        summaries.forEach((key, t) -> jdbc.sql("""
                INSERT INTO gate_day (ledger_day, gate, team, first_created_at, attempts, completed, breaches,
                                      wait_seconds, work_seconds, cycle_seconds)
                VALUES (:day, :gate, :team, :first, :attempts, :completed, :breaches, :wait, :work, :cycle)
                """).param("day", key.day()).param("gate", key.gate()).param("team", key.team())
                .param("first", t.firstCreated).param("attempts", t.attempts).param("completed", t.completed)
                .param("breaches", t.breaches).param("wait", t.wait.encode()).param("work", t.work.encode())
                .param("cycle", t.cycle.encode()).update());
        jdbc.sql("UPDATE gate_attempt SET summarized = TRUE WHERE id IN (:ids)").param("ids", ids).update();
        return ids.size();
    }

    private record HandoffDayKey(LocalDate day, String fromGate, String toGate, String fromTeam, String toTeam,
                                 String accountable) {
    }

    private record ReasonDayKey(LocalDate day, String fromGate, String toGate, String fromTeam, String toTeam,
                                String reason) {
    }

    private int rollUpHandoffs(OffsetDateTime before, int batchSize) {
        Map<HandoffDayKey, HandoffTally> batch = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("SELECT id, " + HandoffTally.HANDOFF_COLUMNS + """
                 FROM handoff
                WHERE summarized = FALSE AND sent_at < :before AND decision IS NOT NULL
                ORDER BY sent_at FETCH FIRST %d ROWS ONLY""".formatted(batchSize))
                .param("before", before)
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    batch.computeIfAbsent(handoffKey(rs, utcDay(GateTally.time(rs, "sent_at"))), k -> new HandoffTally())
                            .addHandoff(rs);
                });
        if (ids.isEmpty()) {
            return 0;
        }
        Set<LocalDate> days = days(batch.keySet().stream().map(HandoffDayKey::day).toList());
        Map<HandoffDayKey, HandoffTally> summaries = new HashMap<>();
        Map<ReasonDayKey, Long> reasons = new HashMap<>();
        jdbc.sql("SELECT ledger_day, " + HandoffTally.DAY_COLUMNS + " FROM handoff_day WHERE ledger_day IN (:days)")
                .param("days", days)
                .query(rs -> {
                    summaries.computeIfAbsent(handoffKey(rs, rs.getObject("ledger_day", LocalDate.class)),
                            k -> new HandoffTally()).addDay(rs);
                });
        jdbc.sql("""
                SELECT ledger_day, from_gate, to_gate, from_team, to_team, return_reason, returns
                FROM handoff_reason_day WHERE ledger_day IN (:days)""").param("days", days)
                .query(rs -> {
                    reasons.merge(new ReasonDayKey(rs.getObject("ledger_day", LocalDate.class),
                            rs.getString("from_gate"), rs.getString("to_gate"), rs.getString("from_team"),
                            rs.getString("to_team"), rs.getString("return_reason")), rs.getLong("returns"), Long::sum);
                });
        batch.forEach((key, tally) -> {
            summaries.computeIfAbsent(key, k -> new HandoffTally()).merge(tally);
            tally.reasons.forEach((reason, n) -> reasons.merge(new ReasonDayKey(key.day(), key.fromGate(),
                    key.toGate(), key.fromTeam(), key.toTeam(), reason), n, Long::sum));
        });
        jdbc.sql("DELETE FROM handoff_day WHERE ledger_day IN (:days)").param("days", days).update();
        jdbc.sql("DELETE FROM handoff_reason_day WHERE ledger_day IN (:days)").param("days", days).update();
        summaries.forEach((key, t) -> jdbc.sql("""
                INSERT INTO handoff_day (ledger_day, from_gate, to_gate, from_team, to_team, accountable, first_sent_at,
                                         handoffs, first_passes, first_pass_accepted, returns, quality_sum,
                                         quality_count, sender_breaches, latency_seconds)
                VALUES (:day, :fromGate, :toGate, :fromTeam, :toTeam, :accountable, :first, :handoffs, :firstPasses,
                        :firstPassAccepted, :returns, :qualitySum, :qualityCount, :breaches, :latency)
                """).param("day", key.day()).param("fromGate", key.fromGate()).param("toGate", key.toGate())
                .param("fromTeam", key.fromTeam()).param("toTeam", key.toTeam())
                .param("accountable", key.accountable()).param("first", t.firstSent).param("handoffs", t.decided)
                .param("firstPasses", t.firstPasses).param("firstPassAccepted", t.firstPassAccepted)
                .param("returns", t.returns).param("qualitySum", t.qualitySum).param("qualityCount", t.qualityCount)
                .param("breaches", t.senderBreaches).param("latency", t.latency.encode()).update());
        reasons.forEach((key, n) -> jdbc.sql("""
                INSERT INTO handoff_reason_day (ledger_day, from_gate, to_gate, from_team, to_team, return_reason, returns)
                VALUES (:day, :fromGate, :toGate, :fromTeam, :toTeam, :reason, :returns)
                """).param("day", key.day()).param("fromGate", key.fromGate()).param("toGate", key.toGate())
                .param("fromTeam", key.fromTeam()).param("toTeam", key.toTeam()).param("reason", key.reason())
                .param("returns", n).update());
        jdbc.sql("UPDATE handoff SET summarized = TRUE WHERE id IN (:ids)").param("ids", ids).update();
        return ids.size();
    }

    /** The key of a ledger row (its day from timeColumn) or, with no timeColumn, of a gate_day row. */
    private static GateDayKey gateKey(ResultSet rs, String timeColumn) throws SQLException {
        LocalDate day = timeColumn == null ? rs.getObject("ledger_day", LocalDate.class)
                : utcDay(GateTally.time(rs, timeColumn));
        return new GateDayKey(day, rs.getString("gate"), rs.getString("team"));
    }

    private static HandoffDayKey handoffKey(ResultSet rs, LocalDate day) throws SQLException {
        return new HandoffDayKey(day, rs.getString("from_gate"), rs.getString("to_gate"), rs.getString("from_team"),
                rs.getString("to_team"), rs.getString("accountable"));
    }

    private static LocalDate utcDay(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static Set<LocalDate> days(List<LocalDate> days) {
        return new TreeSet<>(days);
    }
}
