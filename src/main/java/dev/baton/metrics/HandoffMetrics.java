package dev.baton.metrics;

import dev.baton.metrics.Kpis.EdgeKpi;
import dev.baton.metrics.Kpis.GateKpi;
import dev.baton.metrics.Kpis.HygieneKpi;
import dev.baton.metrics.Kpis.OutcomeKpi;
import dev.baton.metrics.Kpis.ReasonCount;
import dev.baton.metrics.Kpis.SenderKpi;
import dev.baton.metrics.Kpis.Timeline;
import dev.baton.metrics.Kpis.TimelineEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The KPIs of DESIGN.md §3. Gate, handoff, sender and weekly-breach KPIs come from the daily
 * rollup plus the ledger rows it does not hold ({@link RolledUpKpis}); filtered by campaign type
 * or channel, and for every other KPI, they are computed in SQL on the ledger. The same SQL runs
 * on H2 and PostgreSQL except for durations ({@link DurationSql}); medians and p90 with
 * PERCENTILE_CONT, rows mapped by explicit aliases. Plans at scale: docs/kpi-query-plans.md.
 */
@Service
public class HandoffMetrics {

    static final int TOP_RETURN_REASONS = 3;

    /** Week 0 of {@link DurationSql#weekIndex()}. */
    private static final java.time.LocalDate FIRST_MONDAY = java.time.LocalDate.of(1970, 1, 5);

    /** What edges and senders count of their handoffs: volume, first passes, returns, quality. */
    private static final String HANDOFF_AGGREGATES = """
            COUNT(*) AS handoffs, COUNT(h.decision) AS decided,
                   SUM(CASE WHEN h.attempt = 1 AND h.decision IS NOT NULL THEN 1 ELSE 0 END) AS first_passes,
                   SUM(CASE WHEN h.attempt = 1 AND h.decision = 'accepted' THEN 1 ELSE 0 END) AS first_pass_accepted,
                   SUM(CASE WHEN h.decision = 'returned' THEN 1 ELSE 0 END) AS returns,
                   AVG(CAST(h.quality_score AS DOUBLE PRECISION)) AS mean_quality,""";

    /** Who a sender KPI is grouped by: a fixed column, never user input. */
    public enum SenderGrouping {
        ACCOUNTABLE("h.accountable"), SENDING_TEAM("h.from_team");

        private final String column;

        SenderGrouping(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final dev.baton.ledger.LedgerRepository reviews;
    private final RolledUpKpis rolledUp;
    private volatile DurationSql durations;

    public HandoffMetrics(JdbcClient jdbc, dev.baton.ledger.LedgerRepository reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.rolledUp = new RolledUpKpis(jdbc);
    }

    /** The duration expressions for the database at hand, asked once, on first use. */
    private DurationSql durations() {
        DurationSql d = durations;
        if (d == null) {
            d = DurationSql.of(jdbc);
            durations = d;
        }
        return d;
    }

    public List<GateKpi> gates(MetricsFilter filter) {
        if (RolledUpKpis.answers(filter)) {
            return rolledUp.gates(filter);
        }
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

    public List<EdgeKpi> edges(MetricsFilter filter) {
        if (RolledUpKpis.answers(filter)) {
            return rolledUp.edges(filter);
        }
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
                    if (top.size() < TOP_RETURN_REASONS) {
                        top.add(new ReasonCount(rs.getString("reason"), rs.getLong("times")));
                    }
                });
        return byEdge;
    }

    public List<SenderKpi> senders(MetricsFilter filter, SenderGrouping grouping) {
        if (RolledUpKpis.answers(filter)) {
            return rolledUp.senders(filter, grouping);
        }
        Where where = new Where("h.sent_at", filter).handoffColumns();
        return where.bind(jdbc.sql("""
                SELECT %1$s AS sender, %2$s
                       SUM(CASE WHEN h.sender_breached = TRUE THEN 1 ELSE 0 END) AS breaches
                FROM handoff h %4$s
                %3$s
                GROUP BY %1$s
                ORDER BY COUNT(*) DESC, %1$s
                """.formatted(grouping.column, HANDOFF_AGGREGATES, where.sql(), where.campaignJoin("h.business_key"))))
                .query((rs, i) -> new SenderKpi(rs.getString("sender"), rs.getLong("handoffs"), rs.getLong("decided"),
                        Kpis.share(rs.getLong("first_pass_accepted"), rs.getLong("first_passes")), rs.getLong("returns"),
                        dbl(rs, "mean_quality"), rs.getLong("breaches")))
                .list();
    }

    public HygieneKpi hygiene(MetricsFilter filter) {
        Where where = new Where("c.launched_at", filter).campaignColumns();
        return where.bind(jdbc.sql("""
                SELECT COUNT(*) AS launched,
                       SUM(CASE WHEN c.control_group_percent > 0 THEN 1 ELSE 0 END) AS with_control,
                       SUM(CASE WHEN c.tracking_verified = TRUE THEN 1 ELSE 0 END) AS tracking_verified,
                       SUM(CASE WHEN r.business_key IS NOT NULL THEN 1 ELSE 0 END) AS read_out
                FROM campaign c LEFT JOIN campaign_result r ON r.business_key = c.business_key
                %s
                """.formatted(where.sql())))
                .query((rs, i) -> {
                    long launched = rs.getLong("launched");
                    long control = rs.getLong("with_control");
                    long tracking = rs.getLong("tracking_verified");
                    long readOut = rs.getLong("read_out");
                    return new HygieneKpi(launched, control, tracking, readOut, Kpis.share(control, launched),
                            Kpis.share(tracking, launched), Kpis.share(readOut, launched));
                }).single();
    }

    public List<OutcomeKpi> outcomes(MetricsFilter filter) {
        Where where = new Where("r.recorded_at", filter).campaignColumns();
        return where.bind(jdbc.sql("""
                SELECT c.campaign_type AS campaign_type, COUNT(*) AS read_outs, AVG(r.lift) AS mean_lift,
                       SUM(CASE WHEN r.p_value < 0.05 THEN 1 ELSE 0 END) AS significant,
                       SUM(CASE WHEN r.next_action = 'scale' THEN 1 ELSE 0 END) AS scale_count,
                       SUM(CASE WHEN r.next_action = 'iterate' THEN 1 ELSE 0 END) AS iterate_count,
                       SUM(CASE WHEN r.next_action = 'stop' THEN 1 ELSE 0 END) AS stop_count
                FROM campaign_result r JOIN campaign c ON c.business_key = r.business_key
                %s
                GROUP BY c.campaign_type
                ORDER BY c.campaign_type
                """.formatted(where.sql())))
                .query((rs, i) -> {
                    long readOuts = rs.getLong("read_outs");
                    long significant = rs.getLong("significant");
                    return new OutcomeKpi(rs.getString("campaign_type"), readOuts, dbl(rs, "mean_lift"), significant,
                            Kpis.share(significant, readOuts), rs.getLong("scale_count"), rs.getLong("iterate_count"),
                            rs.getLong("stop_count"));
                }).list();
    }

    public List<Kpis.WeeklyBreaches> breachesByWeek(MetricsFilter filter) {
        if (RolledUpKpis.answers(filter)) {
            return rolledUp.breachesByWeek(filter);
        }
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

    /** The most recent campaigns created in the range, newest first. */
    public List<Kpis.CampaignSummary> campaigns(MetricsFilter filter, int limit) {
        Where where = new Where("c.created_at", filter).campaignColumns();
        return where.bind(jdbc.sql("""
                SELECT c.business_key AS bk, c.name AS name, c.campaign_type AS type, c.channel AS channel,
                       c.outcome AS outcome, c.process_instance_id AS pi, c.created_at AS created_at,
                       (SELECT COUNT(*) FROM gate_attempt ga WHERE ga.business_key = c.business_key) AS attempts,
                       (SELECT COUNT(*) FROM handoff hr WHERE hr.business_key = c.business_key
                                                          AND hr.decision = 'returned') AS returns
                FROM campaign c
                %s
                ORDER BY c.created_at DESC, c.business_key
                """.formatted(where.sql()) + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY"))
                .query((rs, i) -> new Kpis.CampaignSummary(rs.getString("bk"), rs.getString("name"), rs.getString("type"),
                        rs.getString("channel"), rs.getString("outcome"), rs.getString("pi"), time(rs, "created_at"),
                        rs.getLong("attempts"), rs.getLong("returns")))
                .list();
    }

    /** A program's reviews in order, or empty when no campaign has this key. */
    public Optional<Kpis.ProgramTrend> programTrend(String businessKey) {
        return timelineHeader(businessKey).map(t -> new Kpis.ProgramTrend(t.businessKey(), t.name(), t.campaignType(),
                t.outcome(), t.processInstanceId(), reviews.programReviews(businessKey)));
    }

    /** The programs (campaigns with reviews) created in the range, each with its trend. */
    public List<Kpis.ProgramTrend> programs(MetricsFilter filter) {
        Where where = new Where("c.created_at", filter).campaignColumns();
        return where.bind(jdbc.sql("""
                SELECT c.business_key AS bk FROM campaign c
                %s AND EXISTS (SELECT 1 FROM program_review p WHERE p.business_key = c.business_key)
                ORDER BY c.created_at DESC
                """.formatted(where.sql())))
                .query((rs, i) -> rs.getString("bk")).list().stream()
                .map(bk -> programTrend(bk).orElseThrow()).toList();
    }

    /** Every gate attempt and handoff of one campaign in time order, or empty for an unknown campaign. */
    public Optional<Timeline> timeline(String businessKey) {
        Optional<Timeline> campaign = timelineHeader(businessKey);
        if (campaign.isEmpty()) {
            return campaign;
        }
        return Optional.of(withEntries(campaign.get()));
    }

    private Optional<Timeline> timelineHeader(String businessKey) {
        return jdbc.sql("""
                SELECT business_key AS bk, name AS name, campaign_type AS type, channel AS channel, outcome AS outcome,
                       process_instance_id AS pi
                FROM campaign WHERE business_key = :bk
                """).param("bk", businessKey)
                .query((rs, i) -> new Timeline(rs.getString("bk"), rs.getString("name"), rs.getString("type"),
                        rs.getString("channel"), rs.getString("outcome"), rs.getString("pi"), List.of()))
                .optional();
    }

    private Timeline withEntries(Timeline t) {
        String businessKey = t.businessKey();
        List<TimelineEntry> entries = new ArrayList<>();
        jdbc.sql("""
                SELECT g.gate AS gate, g.attempt AS attempt, g.team AS team, g.assignee AS person,
                       g.created_at AS created_at, g.claimed_at AS claimed_at,
                       COALESCE(g.completed_at, g.cancelled_at) AS ended_at,
                       CASE WHEN g.completed_at IS NOT NULL THEN 'completed'
                            WHEN g.cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'open' END AS outcome,
                       %s AS wait_s, %s AS work_s, g.sla_breached_at AS breached_at
                FROM gate_attempt g WHERE g.business_key = :bk
                """.formatted(durations().waitSeconds(), durations().workSeconds())).param("bk", businessKey)
                .query(rs -> {
                    entries.add(new TimelineEntry("gate", time(rs, "created_at"), rs.getString("gate"), null,
                            rs.getInt("attempt"), rs.getString("team"), rs.getString("person"), time(rs, "claimed_at"),
                            time(rs, "ended_at"), dbl(rs, "wait_s"), dbl(rs, "work_s"), rs.getString("outcome"), null,
                            null, time(rs, "breached_at") != null));
                });
        jdbc.sql("""
                SELECT h.from_gate AS from_gate, h.to_gate AS to_gate, h.attempt AS attempt, h.from_team AS team,
                       h.sender AS sender, h.sent_at AS sent_at, h.decided_at AS decided_at,
                       COALESCE(h.decision, 'pending') AS outcome, h.quality_score AS quality,
                       h.return_reason AS reason, %s AS latency_s
                FROM handoff h WHERE h.business_key = :bk
                """.formatted(durations().latencySeconds())).param("bk", businessKey)
                .query(rs -> {
                    int quality = rs.getInt("quality");
                    Integer score = rs.wasNull() ? null : quality;
                    entries.add(new TimelineEntry("handoff", time(rs, "sent_at"), rs.getString("from_gate"),
                            rs.getString("to_gate"), rs.getInt("attempt"), rs.getString("team"), rs.getString("sender"),
                            null, time(rs, "decided_at"), dbl(rs, "latency_s"), null, rs.getString("outcome"), score,
                            rs.getString("reason"), false));
                });
        // a handoff is sent the moment the receiving gate opens: list the handoff first
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> e.kind().equals("gate")));
        return new Timeline(t.businessKey(), t.name(), t.campaignType(), t.channel(), t.outcome(),
                t.processInstanceId(), List.copyOf(entries));
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
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

        /** A handoff matches a gate or team filter on either of its ends. */
        Where handoffColumns() {
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

        /** Campaign-level KPIs have no gate or team of their own: those filters select campaigns that passed one. */
        Where campaignColumns() {
            if (filter.gate() != null || filter.team() != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM gate_attempt ga WHERE ga.business_key = c.business_key");
                if (filter.gate() != null) {
                    sql.append(" AND ga.gate = :gate");
                    params.put("gate", filter.gate());
                }
                if (filter.team() != null) {
                    sql.append(" AND ga.team = :team");
                    params.put("team", filter.team());
                }
                sql.append(")");
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
