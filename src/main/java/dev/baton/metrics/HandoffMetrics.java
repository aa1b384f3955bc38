package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.time;

import dev.baton.metrics.Kpis.EdgeKpi;
import dev.baton.metrics.Kpis.GateKpi;
import dev.baton.metrics.Kpis.HygieneKpi;
import dev.baton.metrics.Kpis.OutcomeKpi;
import dev.baton.metrics.Kpis.SenderKpi;
import dev.baton.metrics.Kpis.Timeline;
import dev.baton.metrics.Kpis.TimelineEntry;
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
 * rollup plus the ledger rows it does not hold ({@link RolledUpKpis}); hygiene, outcomes, campaign
 * lists and the timeline are SQL on the ledger, the same on H2 and PostgreSQL except for durations
 * ({@link DurationSql}), rows mapped by explicit aliases. Plans at scale: docs/kpi-query-plans.md.
 */
@Service
public class HandoffMetrics {

    static final int TOP_RETURN_REASONS = 3;

    /** Who a sender KPI is grouped by: the accountable person or the sending team. */
    public enum SenderGrouping {
        ACCOUNTABLE, SENDING_TEAM
    }

    private final JdbcClient jdbc;
    private final dev.baton.ledger.LedgerRepository reviews;
    private final RolledUpKpis rolledUp;
    private final OpenBreaches openBreaches;
    private final LedgerCampaignKpis onLedger;
    private final RolledUpCampaignKpis rolledUpCampaigns;
    private final GateComments comments;
    static final int DASHBOARD_READ_THREADS = 4;
    private final java.util.concurrent.ExecutorService dashboardReads = newDashboardReads();
    private volatile DurationSql durations;

    /** Without the engine's comments: for KPI tests on a bare ledger. */
    public HandoffMetrics(JdbcClient jdbc, dev.baton.ledger.LedgerRepository reviews) {
        this(jdbc, reviews, GateComments.NONE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public HandoffMetrics(JdbcClient jdbc, dev.baton.ledger.LedgerRepository reviews, GateComments comments) {
        this.comments = comments;
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.rolledUp = new RolledUpKpis(jdbc);
        this.openBreaches = new OpenBreaches(jdbc);
        this.onLedger = new LedgerCampaignKpis(jdbc);
        this.rolledUpCampaigns = new RolledUpCampaignKpis(jdbc);
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

    /** The campaigns the dashboard lists: the newest. */
    public static final int DASHBOARD_CAMPAIGNS = 50;

    /**
     * Every KPI the Cockpit dashboard shows, for one filter. The KPIs are independent reads, so
     * they run side by side on a few pooled connections: the answer takes about as long as its
     * slowest KPI, not their sum. A failing KPI fails the whole answer, as one query would.
     */
    public Kpis.Dashboard dashboard(MetricsFilter filter) {
        var gates = dashboardReads.submit(() -> gates(filter));
        var edges = dashboardReads.submit(() -> edges(filter));
        var accountable = dashboardReads.submit(() -> senders(filter, SenderGrouping.ACCOUNTABLE));
        var teams = dashboardReads.submit(() -> senders(filter, SenderGrouping.SENDING_TEAM));
        var hygiene = dashboardReads.submit(() -> hygiene(filter));
        var outcomes = dashboardReads.submit(() -> outcomes(filter));
        var breaches = dashboardReads.submit(() -> breachesByWeek(filter));
        var programs = dashboardReads.submit(() -> programs(filter));
        List<Kpis.CampaignSummary> campaigns = campaigns(filter, DASHBOARD_CAMPAIGNS);
        return new Kpis.Dashboard(filter.from(), filter.to(), answer(gates), answer(edges), answer(accountable),
                answer(teams), answer(hygiene), answer(outcomes), answer(breaches), campaigns, answer(programs));
    }

    /** Dashboard reads run a few at a time per node, so dashboards cannot take all of the pool's connections. */
    private static java.util.concurrent.ExecutorService newDashboardReads() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(DASHBOARD_READ_THREADS, task -> {
            Thread thread = new Thread(task, "kpi-dashboard-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @jakarta.annotation.PreDestroy
    void stopDashboardReads() {
        dashboardReads.shutdownNow();
    }

    private static <T> T answer(java.util.concurrent.Future<T> kpi) {
        try {
            return kpi.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the dashboard's KPIs were read", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public List<GateKpi> gates(MetricsFilter filter) {
        return rolledUp.gates(filter);
    }

    public List<EdgeKpi> edges(MetricsFilter filter) {
        return rolledUp.edges(filter);
    }

    /** Handed-on KPIs per sender, with the gates still open past their SLA counted as breaches too. */
    public List<SenderKpi> senders(MetricsFilter filter, SenderGrouping grouping) {
        return OpenBreaches.addedTo(rolledUp.senders(filter, grouping), openBreaches.count(filter, grouping));
    }

    public List<Kpis.WeeklyBreaches> breachesByWeek(MetricsFilter filter) {
        return rolledUp.breachesByWeek(filter);
    }

    /**
     * Launch hygiene of the campaigns launched in the range. From the daily summaries plus the
     * campaigns they do not hold; a gate or team filter (campaigns that passed one) reads the ledger.
     */
    public HygieneKpi hygiene(MetricsFilter filter) {
        return selectsGateOrTeam(filter) ? onLedger.hygiene(filter) : rolledUpCampaigns.hygiene(filter);
    }

    /** Read-outs recorded in the range, per campaign type; from summaries like {@link #hygiene}. */
    public List<OutcomeKpi> outcomes(MetricsFilter filter) {
        return selectsGateOrTeam(filter) ? onLedger.outcomes(filter) : rolledUpCampaigns.outcomes(filter);
    }

    /** The summaries count campaigns, not the gates they passed. */
    private static boolean selectsGateOrTeam(MetricsFilter filter) {
        return filter.gate() != null || filter.team() != null;
    }

    /** The most recent campaigns created in the range, newest first. */
    public List<Kpis.CampaignSummary> campaigns(MetricsFilter filter, int limit) {
        CampaignWhere where = new CampaignWhere("c.created_at", filter).campaignColumns();
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

    /**
     * The newest programs (campaigns with reviews) created in the range, at most
     * {@value #PROGRAMS_SHOWN}, each with its trend: two queries however many programs. Programs are
     * found by campaign.program (set with the first review), read backwards on (program, created_at).
     */
    public List<Kpis.ProgramTrend> programs(MetricsFilter filter) {
        CampaignWhere where = new CampaignWhere("c.created_at", filter).campaignColumns();
        List<Kpis.ProgramTrend> headers = where.bind(jdbc.sql("""
                SELECT c.business_key AS bk, c.name AS name, c.campaign_type AS type, c.outcome AS outcome,
                       c.process_instance_id AS pi
                FROM campaign c
                %s AND c.program = TRUE
                ORDER BY c.created_at DESC FETCH FIRST %d ROWS ONLY
                """.formatted(where.sql(), PROGRAMS_SHOWN)))
                .query((rs, i) -> new Kpis.ProgramTrend(rs.getString("bk"), rs.getString("name"), rs.getString("type"),
                        rs.getString("outcome"), rs.getString("pi"), List.of()))
                .list();
        var reviewsByProgram = reviews.programReviews(headers.stream().map(Kpis.ProgramTrend::businessKey).toList());
        return headers.stream().map(p -> new Kpis.ProgramTrend(p.businessKey(), p.name(), p.campaignType(), p.outcome(),
                p.processInstanceId(), reviewsByProgram.getOrDefault(p.businessKey(), List.of()))).toList();
    }

    static final int PROGRAMS_SHOWN = 100;

    /** Everything that happened to one campaign in time order ({@link CampaignTimeline}), or empty for an unknown campaign. */
    public Optional<Timeline> timeline(String businessKey) {
        Optional<Timeline> campaign = timelineHeader(businessKey);
        if (campaign.isEmpty()) {
            return campaign;
        }
        return Optional.of(new CampaignTimeline(jdbc, reviews, this::durations, comments).of(campaign.get()));
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
}
