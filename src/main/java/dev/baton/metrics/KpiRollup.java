package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.time;
import static dev.baton.metrics.LedgerColumns.utcDay;

import dev.baton.ledger.LedgerClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sums finished ledger rows of closed days (created or sent before today, UTC) into the daily
 * summaries gate_day, handoff_day and handoff_reason_day — per campaign type and channel, and for
 * all campaigns — and marks them summarized; launches and read-outs likewise into launch_day and
 * read_out_day ({@link CampaignRollup}). A finished row (gate attempt completed or cancelled,
 * handoff decided) never changes again, so each is counted once. Each batch is one transaction
 * holding the kpi_rollup row lock: one node of a cluster rolls up at a time, and a failed batch
 * leaves neither summary nor mark.
 */
@Service
public class KpiRollup {

    /**
     * The campaign of a ledger row (alias t), read with it; subqueries rather than a join, which
     * would make the unqualified column lists (created_at) ambiguous.
     */
    private static final String CAMPAIGN_COLUMNS = ", "
            + "(SELECT c.campaign_type FROM campaign c WHERE c.business_key = t.business_key) AS campaign_type, "
            + "(SELECT c.channel FROM campaign c WHERE c.business_key = t.business_key) AS channel";
    private static final String ALL = DaySplit.ALL_CAMPAIGNS;

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CampaignRollup campaigns;

    public KpiRollup(NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager) {
        this.named = named;
        this.jdbc = JdbcClient.create(named);
        this.transactions = new TransactionTemplate(transactionManager);
        this.campaigns = new CampaignRollup(named);
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
                int[] rows = {rollUpGateAttempts(today, batchSize), rollUpHandoffs(today, batchSize),
                        campaigns.rollUpLaunches(today, batchSize), campaigns.rollUpReadOuts(today, batchSize)};
                jdbc.sql("UPDATE kpi_rollup SET last_run_at = :now WHERE name = 'ledger'")
                        .param("now", LedgerClock.now()).update();
                return rows;
            });
            total += java.util.Arrays.stream(done).sum();
            if (java.util.Arrays.stream(done).allMatch(rows -> rows < batchSize)) {
                return total;
            }
        }
    }

    private record GateDayKey(LocalDate day, String gate, String team, String campaignType, String channel) {

        GateDayKey allCampaigns() {
            return new GateDayKey(day, gate, team, ALL, ALL);
        }
    }

    private int rollUpGateAttempts(OffsetDateTime before, int batchSize) {
        Map<GateDayKey, GateTally> batch = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("SELECT id, " + GateTally.ATTEMPT_COLUMNS + CAMPAIGN_COLUMNS + """
                 FROM gate_attempt t
                WHERE summarized = FALSE AND created_at < :before AND (completed_at IS NOT NULL OR cancelled_at IS NOT NULL)
                ORDER BY created_at FETCH FIRST %d ROWS ONLY""".formatted(batchSize))
                .param("before", before)
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    GateDayKey key = gateKey(rs, utcDay(time(rs, "created_at")));
                    batch.computeIfAbsent(key, k -> new GateTally()).addAttempt(rs);
                    batch.computeIfAbsent(key.allCampaigns(), k -> new GateTally()).addAttempt(rs);
                });
        if (ids.isEmpty()) {
            return 0;
        }
        Set<LocalDate> days = new TreeSet<>(batch.keySet().stream().map(GateDayKey::day).toList());
        Map<GateDayKey, GateTally> summaries = new HashMap<>();
        jdbc.sql("SELECT ledger_day, campaign_type, channel, " + GateTally.DAY_COLUMNS
                        + " FROM gate_day WHERE ledger_day IN (:days)")
                .param("days", days)
                .query(rs -> {
                    summaries.computeIfAbsent(gateKey(rs, rs.getObject("ledger_day", LocalDate.class)),
                            k -> new GateTally()).addDay(rs);
                });
        batch.forEach((key, tally) -> summaries.computeIfAbsent(key, k -> new GateTally()).merge(tally));
        jdbc.sql("DELETE FROM gate_day WHERE ledger_day IN (:days)").param("days", days).update();
        named.batchUpdate("""
                INSERT INTO gate_day (ledger_day, gate, team, campaign_type, channel, first_created_at, attempts,
                                      completed, breaches, wait_seconds, work_seconds, cycle_seconds)
                VALUES (:day, :gate, :team, :type, :channel, :first, :attempts, :completed, :breaches, :wait, :work,
                        :cycle)
                """, summaries.entrySet().stream().map(e -> {
                    GateDayKey key = e.getKey();
                    GateTally t = e.getValue();
                    return new MapSqlParameterSource().addValue("day", key.day()).addValue("gate", key.gate())
                            .addValue("team", key.team()).addValue("type", key.campaignType())
                            .addValue("channel", key.channel()).addValue("first", t.firstCreated)
                            .addValue("attempts", t.attempts).addValue("completed", t.completed)
                            .addValue("breaches", t.breaches).addValue("wait", t.wait.encode())
                            .addValue("work", t.work.encode()).addValue("cycle", t.cycle.encode());
                }).toArray(SqlParameterSource[]::new));
        jdbc.sql("UPDATE gate_attempt SET summarized = TRUE WHERE id IN (:ids)").param("ids", ids).update();
        return ids.size();
    }

    private record HandoffDayKey(LocalDate day, String fromGate, String toGate, String fromTeam, String toTeam,
                                 String accountable, String campaignType, String channel) {

        HandoffDayKey allCampaigns() {
            return new HandoffDayKey(day, fromGate, toGate, fromTeam, toTeam, accountable, ALL, ALL);
        }

        ReasonDayKey reason(String reason) {
            return new ReasonDayKey(day, fromGate, toGate, fromTeam, toTeam, reason, campaignType, channel);
        }
    }

    private record ReasonDayKey(LocalDate day, String fromGate, String toGate, String fromTeam, String toTeam,
                                String reason, String campaignType, String channel) {
    }

    private int rollUpHandoffs(OffsetDateTime before, int batchSize) {
        Map<HandoffDayKey, HandoffTally> batch = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("SELECT id, " + HandoffTally.HANDOFF_COLUMNS + CAMPAIGN_COLUMNS + """
                 FROM handoff t
                WHERE summarized = FALSE AND sent_at < :before AND decision IS NOT NULL
                ORDER BY sent_at FETCH FIRST %d ROWS ONLY""".formatted(batchSize))
                .param("before", before)
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    HandoffDayKey key = handoffKey(rs, utcDay(time(rs, "sent_at")));
                    batch.computeIfAbsent(key, k -> new HandoffTally()).addHandoff(rs);
                    batch.computeIfAbsent(key.allCampaigns(), k -> new HandoffTally()).addHandoff(rs);
                });
        if (ids.isEmpty()) {
            return 0;
        }
        Set<LocalDate> days = new TreeSet<>(batch.keySet().stream().map(HandoffDayKey::day).toList());
        Map<HandoffDayKey, HandoffTally> summaries = new HashMap<>();
        Map<ReasonDayKey, Long> reasons = new HashMap<>();
        jdbc.sql("SELECT ledger_day, campaign_type, channel, " + HandoffTally.DAY_COLUMNS
                        + " FROM handoff_day WHERE ledger_day IN (:days)")
                .param("days", days)
                .query(rs -> {
                    summaries.computeIfAbsent(handoffKey(rs, rs.getObject("ledger_day", LocalDate.class)),
                            k -> new HandoffTally()).addDay(rs);
                });
        jdbc.sql("""
                SELECT ledger_day, from_gate, to_gate, from_team, to_team, return_reason, campaign_type, channel, returns
                FROM handoff_reason_day WHERE ledger_day IN (:days)""").param("days", days)
                .query(rs -> {
                    reasons.merge(new ReasonDayKey(rs.getObject("ledger_day", LocalDate.class),
                            rs.getString("from_gate"), rs.getString("to_gate"), rs.getString("from_team"),
                            rs.getString("to_team"), rs.getString("return_reason"), rs.getString("campaign_type"),
                            rs.getString("channel")), rs.getLong("returns"), Long::sum);
                });
        batch.forEach((key, tally) -> {
            summaries.computeIfAbsent(key, k -> new HandoffTally()).merge(tally);
            tally.reasons.forEach((reason, n) -> reasons.merge(key.reason(reason), n, Long::sum));
        });
        jdbc.sql("DELETE FROM handoff_day WHERE ledger_day IN (:days)").param("days", days).update();
        jdbc.sql("DELETE FROM handoff_reason_day WHERE ledger_day IN (:days)").param("days", days).update();
        named.batchUpdate("""
                INSERT INTO handoff_day (ledger_day, from_gate, to_gate, from_team, to_team, accountable, campaign_type,
                                         channel, first_sent_at, handoffs, first_passes, first_pass_accepted, returns,
                                         quality_sum, quality_count, sender_breaches, latency_seconds)
                VALUES (:day, :fromGate, :toGate, :fromTeam, :toTeam, :accountable, :type, :channel, :first, :handoffs,
                        :firstPasses, :firstPassAccepted, :returns, :qualitySum, :qualityCount, :breaches, :latency)
                """, summaries.entrySet().stream().map(e -> {
                    HandoffDayKey key = e.getKey();
                    HandoffTally t = e.getValue();
                    return edge(key.day(), key.fromGate(), key.toGate(), key.fromTeam(), key.toTeam(),
                            key.campaignType(), key.channel())
                            .addValue("accountable", key.accountable()).addValue("first", t.firstSent)
                            .addValue("handoffs", t.decided).addValue("firstPasses", t.firstPasses)
                            .addValue("firstPassAccepted", t.firstPassAccepted).addValue("returns", t.returns)
                            .addValue("qualitySum", t.qualitySum).addValue("qualityCount", t.qualityCount)
                            .addValue("breaches", t.senderBreaches).addValue("latency", t.latency.encode());
                }).toArray(SqlParameterSource[]::new));
        named.batchUpdate("""
                INSERT INTO handoff_reason_day (ledger_day, from_gate, to_gate, from_team, to_team, return_reason,
                                                campaign_type, channel, returns)
                VALUES (:day, :fromGate, :toGate, :fromTeam, :toTeam, :reason, :type, :channel, :returns)
                """, reasons.entrySet().stream().map(e -> {
                    ReasonDayKey key = e.getKey();
                    return edge(key.day(), key.fromGate(), key.toGate(), key.fromTeam(), key.toTeam(),
                            key.campaignType(), key.channel())
                            .addValue("reason", key.reason()).addValue("returns", e.getValue());
                }).toArray(SqlParameterSource[]::new));
        jdbc.sql("UPDATE handoff SET summarized = TRUE WHERE id IN (:ids)").param("ids", ids).update();
        return ids.size();
    }

    /** The parameters handoff_day and handoff_reason_day rows share. */
    private static MapSqlParameterSource edge(LocalDate day, String fromGate, String toGate, String fromTeam,
                                              String toTeam, String campaignType, String channel) {
        return new MapSqlParameterSource().addValue("day", day).addValue("fromGate", fromGate)
                .addValue("toGate", toGate).addValue("fromTeam", fromTeam).addValue("toTeam", toTeam)
                .addValue("type", campaignType).addValue("channel", channel);
    }

    private static GateDayKey gateKey(ResultSet rs, LocalDate day) throws SQLException {
        return new GateDayKey(day, rs.getString("gate"), rs.getString("team"), rs.getString("campaign_type"),
                rs.getString("channel"));
    }

    private static HandoffDayKey handoffKey(ResultSet rs, LocalDate day) throws SQLException {
        return new HandoffDayKey(day, rs.getString("from_gate"), rs.getString("to_gate"), rs.getString("from_team"),
                rs.getString("to_team"), rs.getString("accountable"), rs.getString("campaign_type"),
                rs.getString("channel"));
    }
}
