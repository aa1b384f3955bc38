package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.dbl;
import static dev.baton.metrics.LedgerColumns.time;

import dev.baton.metrics.HandoffMetrics.SenderGrouping;
import dev.baton.metrics.Kpis.EdgeKpi;
import dev.baton.metrics.Kpis.GateKpi;
import dev.baton.metrics.Kpis.ReasonCount;
import dev.baton.metrics.Kpis.SenderKpi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gate, handoff, sender and weekly-breach KPIs as plain SQL over the whole ledger (exact
 * PERCENTILE_CONT), as Baton computed them before the daily rollup: the reference the rollup
 * tests compare {@link RolledUpKpis} with.
 */
final class LedgerSqlKpis {

    /** Week 0 of {@link DurationSql#weekIndex()}. */
    private static final java.time.LocalDate FIRST_MONDAY = java.time.LocalDate.of(1970, 1, 5);

    /** What edges and senders count of their handoffs: volume, first passes, returns, quality. */
    private static final String HANDOFF_AGGREGATES = """
            COUNT(*) AS handoffs, COUNT(h.decision) AS decided,
                   SUM(CASE WHEN h.attempt = 1 AND h.decision IS NOT NULL THEN 1 ELSE 0 END) AS first_passes,
                   SUM(CASE WHEN h.attempt = 1 AND h.decision = 'accepted' THEN 1 ELSE 0 END) AS first_pass_accepted,
                   SUM(CASE WHEN h.decision = 'returned' THEN 1 ELSE 0 END) AS returns,
                   AVG(CAST(h.quality_score AS DOUBLE PRECISION)) AS mean_quality,""";

    private final JdbcClient jdbc;
    private final DurationSql durations;

    LedgerSqlKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.durations = DurationSql.of(jdbc);
    }

    private DurationSql durations() {
        return durations;
    }

    private static String column(SenderGrouping grouping) {
        return grouping == SenderGrouping.ACCOUNTABLE ? "h.accountable" : "h.from_team";
    }

    List<GateKpi> gates(MetricsFilter filter) {
        Where where = new Where("g.created_at", filter).gateColumns("g.gate", "g.team");
        return where.bind(jdbc.sql("""
                SELECT g.gate AS gate, g.team AS team, COUNT(*) AS attempts, COUNT(g.completed_at) AS completed,
                       SUM(CASE WHEN g.completed_at IS NULL AND g.cancelled_at IS NULL THEN 1 ELSE 0 END) AS open_count,
                       SUM(CASE WHEN g.sla_breached_at IS NOT NULL THEN 1 ELSE 0 END) AS breaches,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %1$s) AS wait_p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %1$s) AS wait_p90,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %2$s) AS work_p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %2$s) AS work_p90,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %3$s) AS cycle_p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %3$s) AS cycle_p90
                FROM gate_attempt g %5$s
                %4$s
                GROUP BY g.gate, g.team
                ORDER BY MIN(g.created_at), g.gate
                """.formatted(durations().waitSeconds(), durations().workSeconds(), durations().cycleSeconds(), where.sql(),
                        where.campaignJoin("g.business_key"))))
                .query((rs, i) -> {
                    long attempts = rs.getLong("attempts");
                    long breaches = rs.getLong("breaches");
                    return new GateKpi(rs.getString("gate"), rs.getString("team"), attempts, rs.getLong("completed"),
                            rs.getLong("open_count"), breaches, Kpis.share(breaches, attempts), dbl(rs, "wait_p50"),
                            dbl(rs, "wait_p90"), dbl(rs, "work_p50"), dbl(rs, "work_p90"), dbl(rs, "cycle_p50"),
                            dbl(rs, "cycle_p90"));
                }).list();
    }

    List<EdgeKpi> edges(MetricsFilter filter) {
        Where where = new Where("h.sent_at", filter).handoffColumns();
        Map<String, List<ReasonCount>> reasons = returnReasons(where);
        return where.bind(jdbc.sql("""
                SELECT h.from_gate AS from_gate, h.to_gate AS to_gate, %1$s
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %2$s) AS latency_p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %2$s) AS latency_p90
                FROM handoff h %4$s
                %3$s
                GROUP BY h.from_gate, h.to_gate
                ORDER BY MIN(h.sent_at), h.from_gate
                """.formatted(HANDOFF_AGGREGATES, durations().latencySeconds(), where.sql(), where.campaignJoin("h.business_key"))))
                .query((rs, i) -> {
                    long handoffs = rs.getLong("handoffs");
                    long decided = rs.getLong("decided");
                    String from = rs.getString("from_gate");
                    String to = rs.getString("to_gate");
                    return new EdgeKpi(from, to, handoffs, decided, handoffs - decided,
                            Kpis.share(rs.getLong("first_pass_accepted"), rs.getLong("first_passes")),
                            rs.getLong("returns"), dbl(rs, "mean_quality"), dbl(rs, "latency_p50"),
                            dbl(rs, "latency_p90"), reasons.getOrDefault(from + ">" + to, List.of()));
                }).list();
    }

    private Map<String, List<ReasonCount>> returnReasons(Where where) {
        Map<String, List<ReasonCount>> byEdge = new LinkedHashMap<>();
        where.bind(jdbc.sql("""
                SELECT h.from_gate AS from_gate, h.to_gate AS to_gate, h.return_reason AS reason, COUNT(*) AS times
                FROM handoff h %2$s
                %s AND h.decision = 'returned'
                GROUP BY h.from_gate, h.to_gate, h.return_reason
                ORDER BY COUNT(*) DESC, h.return_reason
                """.formatted(where.sql(), where.campaignJoin("h.business_key"))))
                .query(rs -> {
                    List<ReasonCount> top = byEdge.computeIfAbsent(rs.getString("from_gate") + ">" + rs.getString("to_gate"),
                            k -> new ArrayList<>());
                    if (top.size() < HandoffMetrics.TOP_RETURN_REASONS) {
                        top.add(new ReasonCount(rs.getString("reason"), rs.getLong("times")));
                    }
                });
        return byEdge;
    }

    List<SenderKpi> senders(MetricsFilter filter, SenderGrouping grouping) {
        Where where = new Where("h.sent_at", filter).handoffColumns();
        return where.bind(jdbc.sql("""
                SELECT %1$s AS sender, %2$s
                       SUM(CASE WHEN h.sender_breached = TRUE THEN 1 ELSE 0 END) AS breaches
                FROM handoff h %4$s
                %3$s
                GROUP BY %1$s
                ORDER BY COUNT(*) DESC, %1$s
                """.formatted(column(grouping), HANDOFF_AGGREGATES, where.sql(), where.campaignJoin("h.business_key"))))
                .query((rs, i) -> new SenderKpi(rs.getString("sender"), rs.getLong("handoffs"), rs.getLong("decided"),
                        Kpis.share(rs.getLong("first_pass_accepted"), rs.getLong("first_passes")), rs.getLong("returns"),
                        dbl(rs, "mean_quality"), rs.getLong("breaches"), 0))
                .list();
    }

    List<Kpis.WeeklyBreaches> breachesByWeek(MetricsFilter filter) {
        Where where = new Where("g.created_at", filter).gateColumns("g.gate", "g.team");
        return where.bind(jdbc.sql("""
                SELECT %1$s AS week_index, COUNT(*) AS attempts,
                       SUM(CASE WHEN g.sla_breached_at IS NOT NULL THEN 1 ELSE 0 END) AS breaches
                FROM gate_attempt g %3$s
                %2$s
                GROUP BY %1$s
                ORDER BY week_index
                """.formatted(durations().weekIndex(), where.sql(), where.campaignJoin("g.business_key"))))
                .query((rs, i) -> new Kpis.WeeklyBreaches(FIRST_MONDAY.plusWeeks(rs.getLong("week_index")),
                        rs.getLong("attempts"), rs.getLong("breaches")))
                .list();
    }

    /** The WHERE clause of a KPI query: the time range on one column, plus the filters that are set. */
    private static final class Where {

        private final StringBuilder sql = new StringBuilder();
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final MetricsFilter filter;

        Where(String timeColumn, MetricsFilter filter) {
            this.filter = filter;
            sql.append("WHERE ").append(timeColumn).append(" >= :from AND ").append(timeColumn).append(" < :to");
            params.put("from", filter.from());
            params.put("to", filter.to());
            add("c.campaign_type", "campaignType", filter.campaignType());
            add("c.channel", "channel", filter.channel());
        }

        Where gateColumns(String gateColumn, String teamColumn) {
            add(gateColumn, "gate", filter.gate());
            add(teamColumn, "team", filter.team());
            return this;
        }

        /** A handoff matches a gate or team filter on either of its ends; undecided ones of cancelled campaigns count nowhere. */
        Where handoffColumns() {
            sql.append(" AND (h.decision IS NOT NULL OR h.business_key NOT IN "
                    + "(SELECT business_key FROM campaign WHERE outcome = 'cancelled'))");
            if (filter.gate() != null) {
                sql.append(" AND (h.from_gate = :gate OR h.to_gate = :gate)");
                params.put("gate", filter.gate());
            }
            if (filter.team() != null) {
                sql.append(" AND (h.from_team = :team OR h.to_team = :team)");
                params.put("team", filter.team());
            }
            return this;
        }

        private void add(String column, String name, String value) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = :").append(name);
                params.put(name, value);
            }
        }

        String sql() {
            return sql.toString();
        }

        /**
         * The join to campaign, only when a campaign-level filter needs it: every ledger row has its
         * campaign (foreign key), so the join filters nothing else — and at a million rows it costs
         * a hash join per query.
         */
        String campaignJoin(String keyColumn) {
            return filter.campaignType() == null && filter.channel() == null ? ""
                    : "JOIN campaign c ON c.business_key = " + keyColumn;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            params.forEach(statement::param);
            return statement;
        }
    }
}
