package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.time;
import static dev.baton.metrics.LedgerColumns.utcDay;

import dev.baton.metrics.Kpis.EdgeKpi;
import dev.baton.metrics.Kpis.GateKpi;
import dev.baton.metrics.Kpis.SenderKpi;
import dev.baton.metrics.Kpis.WeeklyBreaches;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gate and handoff KPIs from the daily rollup ({@link KpiRollup}) plus the ledger rows it does
 * not hold ({@link DaySplit}), summed in Java. Counts are exact; medians and p90 are exact until
 * a summarized day is in the range, then read from histograms (within about 1 %). Campaign type
 * and channel filters read the summaries' per-type and per-channel rows.
 */
class RolledUpKpis {

    /**
     * A handoff still undecided when its campaign was cancelled was never judged: it is neither
     * pending nor decided and counts nowhere (decided handoffs of cancelled campaigns still count).
     */
    static final String NOT_WITHDRAWN = " AND (decision IS NOT NULL OR business_key NOT IN "
            + "(SELECT business_key FROM campaign WHERE outcome = 'cancelled'))";

    /** Week 0 of the weekly breaches: Monday 1970-01-05, day 4 of the epoch. */
    private static final long FIRST_MONDAY_EPOCH_DAY = 4;

    private final JdbcClient jdbc;

    RolledUpKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GateKpi> gates(MetricsFilter filter) {
        Map<List<String>, GateTally> groups = new HashMap<>();
        DaySplit split = gateSplit(filter);
        read(split.summarySql("gate_day", GateTally.DAY_COLUMNS), split,
                rs -> groups.computeIfAbsent(List.of(rs.getString("gate"), rs.getString("team")), k -> new GateTally()).addDay(rs));
        read(split.ledgerSql("gate_attempt", "created_at", GateTally.ATTEMPT_COLUMNS), split,
                rs -> groups.computeIfAbsent(List.of(rs.getString("gate"), rs.getString("team")), k -> new GateTally()).addAttempt(rs));
        return groups.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, GateTally> e) -> e.getValue().firstCreated)
                        .thenComparing(e -> e.getKey().get(0)))
                .map(e -> e.getValue().kpi(e.getKey().get(0), e.getKey().get(1))).toList();
    }

    List<WeeklyBreaches> breachesByWeek(MetricsFilter filter) {
        TreeMap<Long, long[]> weeks = new TreeMap<>();
        DaySplit split = gateSplit(filter);
        read(split.summarySql("gate_day", "ledger_day, attempts, breaches"), split, rs -> {
            long[] week = weeks.computeIfAbsent(
                    Math.floorDiv(rs.getObject("ledger_day", LocalDate.class).toEpochDay() - FIRST_MONDAY_EPOCH_DAY, 7),
                    k -> new long[2]);
            week[0] += rs.getLong("attempts");
            week[1] += rs.getLong("breaches");
        });
        read(split.ledgerSql("gate_attempt", "created_at", "created_at, sla_breached_at"), split, rs -> {
            long[] week = weeks.computeIfAbsent(Math.floorDiv(
                    utcDay(time(rs, "created_at")).toEpochDay() - FIRST_MONDAY_EPOCH_DAY, 7),
                    k -> new long[2]);
            week[0]++;
            week[1] += time(rs, "sla_breached_at") != null ? 1 : 0;
        });
        LocalDate firstMonday = LocalDate.ofEpochDay(FIRST_MONDAY_EPOCH_DAY);
        return weeks.entrySet().stream()
                .map(e -> new WeeklyBreaches(firstMonday.plusWeeks(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    List<EdgeKpi> edges(MetricsFilter filter) {
        Map<List<String>, HandoffTally> edges = handoffs(filter, t -> List.of(t.fromGate(), t.toGate()));
        DaySplit split = handoffSplit(filter);
        read(split.summarySql("handoff_reason_day", "from_gate, to_gate, return_reason, returns"), split,
                rs -> edges.computeIfAbsent(List.of(rs.getString("from_gate"), rs.getString("to_gate")),
                        k -> new HandoffTally()).reasons.merge(rs.getString("return_reason"), rs.getLong("returns"), Long::sum));
        return edges.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, HandoffTally> e) -> e.getValue().firstSent)
                        .thenComparing(e -> e.getKey().get(0)))
                .map(e -> {
                    HandoffTally t = e.getValue();
                    return new EdgeKpi(e.getKey().get(0), e.getKey().get(1), t.handoffs, t.decided,
                            t.handoffs - t.decided, t.firstPassYield(), t.returns, t.meanQuality(),
                            t.latency.percentile(0.5), t.latency.percentile(0.9),
                            t.topReasons(HandoffMetrics.TOP_RETURN_REASONS));
                }).toList();
    }

    List<SenderKpi> senders(MetricsFilter filter, HandoffMetrics.SenderGrouping grouping) {
        Map<String, HandoffTally> senders = handoffs(filter,
                t -> grouping == HandoffMetrics.SenderGrouping.ACCOUNTABLE ? t.accountable() : t.fromTeam());
        return senders.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, HandoffTally> e) -> -e.getValue().handoffs)
                        .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(e -> {
                    HandoffTally t = e.getValue();
                    return new SenderKpi(e.getKey(), t.handoffs, t.decided, t.firstPassYield(), t.returns,
                            t.meanQuality(), t.senderBreaches, 0);
                }).toList();
    }

    /** Who sent what to whom: the columns a handoff group is keyed by, in summary and ledger alike. */
    private record HandoffKey(String fromGate, String toGate, String fromTeam, String accountable) {
    }

    private <K> Map<K, HandoffTally> handoffs(MetricsFilter filter, Function<HandoffKey, K> groupBy) {
        Map<K, HandoffTally> groups = new LinkedHashMap<>();
        DaySplit split = handoffSplit(filter);
        read(split.summarySql("handoff_day", HandoffTally.DAY_COLUMNS), split,
                rs -> groups.computeIfAbsent(groupBy.apply(key(rs)), k -> new HandoffTally()).addDay(rs));
        read(split.ledgerSql("handoff", "sent_at", HandoffTally.HANDOFF_COLUMNS), split,
                rs -> groups.computeIfAbsent(groupBy.apply(key(rs)), k -> new HandoffTally()).addHandoff(rs));
        return groups;
    }

    private static HandoffKey key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new HandoffKey(rs.getString("from_gate"), rs.getString("to_gate"), rs.getString("from_team"),
                rs.getString("accountable"));
    }

    private static DaySplit gateSplit(MetricsFilter filter) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.gate() != null) {
            sql.append(" AND gate = :gate");
            params.put("gate", filter.gate());
        }
        if (filter.team() != null) {
            sql.append(" AND team = :team");
            params.put("team", filter.team());
        }
        return DaySplit.of(filter, sql.toString(), params);
    }

    /** A handoff matches a gate or team filter on either of its ends, as in {@link HandoffMetrics}. */
    private static DaySplit handoffSplit(MetricsFilter filter) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.gate() != null) {
            sql.append(" AND (from_gate = :gate OR to_gate = :gate)");
            params.put("gate", filter.gate());
        }
        if (filter.team() != null) {
            sql.append(" AND (from_team = :team OR to_team = :team)");
            params.put("team", filter.team());
        }
        return DaySplit.of(filter, sql.toString(), params).withLedgerCondition(NOT_WITHDRAWN);
    }

    private void read(String sql, DaySplit split, RowCallbackHandler rows) {
        if (sql != null) {
            split.bind(jdbc.sql(sql)).query(rows);
        }
    }
}
