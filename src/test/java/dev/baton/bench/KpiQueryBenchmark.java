package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.TestPostgres;
import dev.baton.ledger.LedgerRepository;
import dev.baton.metrics.HandoffMetrics;
import dev.baton.metrics.KpiRollup;
import dev.baton.metrics.HandoffMetrics.SenderGrouping;
import dev.baton.metrics.MetricsFilter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * KPI queries on a large ledger on embedded PostgreSQL: about -Dbench.handoffs (1,000,000) handoff
 * rows with their campaigns and gate attempts, spread over two years, generated in the database.
 * Every KPI query is timed -Dbench.runs (20) times over the default range (90 days) and over both
 * years; the timeline of one campaign too. Before the timing, the daily rollup (KpiRollup) catches
 * up on the generated ledger, as the scheduled rollup of a running Baton would have. Targets: p50 <
 * 100 ms and p99 < 300 ms per KPI query, timeline < 20 ms.
 */
class KpiQueryBenchmark {

    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    long handoffs() {
        return Long.getLong("bench.handoffs", 1_000_000L);
    }

    int runs() {
        return Integer.getInteger("bench.runs", 20);
    }

    int rollupBatchSize() {
        return Integer.getInteger("bench.rollupBatchSize", 5000);
    }

    String resultName() {
        return "kpi-queries";
    }

    @Test
    void kpiQueriesOnALargeLedger() throws Exception {
        DataSource ds = TestPostgres.newDatabase().dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        long started = System.nanoTime();
        long campaigns = generate(jdbc, handoffs());
        double generationSeconds = (System.nanoTime() - started) / 1e9;
        long rows = jdbc.sql("SELECT COUNT(*) FROM handoff").query(Long.class).single();
        long attempts = jdbc.sql("SELECT COUNT(*) FROM gate_attempt").query(Long.class).single();
        jdbc.sql("ANALYZE").update();
        // the daily rollup a running Baton keeps up to date, here catching up on two years at once
        started = System.nanoTime();
        long rolledUp = new KpiRollup(new NamedParameterJdbcTemplate(ds), new DataSourceTransactionManager(ds)).rollUp(rollupBatchSize());
        double rollupSeconds = (System.nanoTime() - started) / 1e9;
        long ledgerTail = jdbc.sql("SELECT COUNT(*) FROM gate_attempt WHERE summarized = FALSE").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM handoff WHERE summarized = FALSE").query(Long.class).single();
        jdbc.sql("ANALYZE").update();

        // the queries are timed through a connection pool as Baton runs them (Spring Boot's Hikari,
        // 10 connections by default): a connection per statement would time PostgreSQL's session setup
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setDataSource(ds);
        pool.setMaximumPoolSize(10);
        JdbcClient pooled = JdbcClient.create(pool);
        HandoffMetrics metrics = new HandoffMetrics(pooled, new LedgerRepository(pooled));
        QueryPlans plans = new QueryPlans(ds);
        JdbcClient explaining = JdbcClient.create(plans.dataSource());
        HandoffMetrics explained = new HandoffMetrics(explaining, new LedgerRepository(explaining));
        explained.timeline("GEN-1"); // outside a capture: the first call also asks which database this is
        BenchResults results = new BenchResults(resultName()).context("campaigns", campaigns).context("handoffs", rows)
                .context("gateAttempts", attempts).context("runs", runs())
                .context("generationSeconds", Math.round(generationSeconds)).context("rolledUpRows", rolledUp)
                .context("rowsNotRolledUp", ledgerTail);
        results.add("rollup catch-up, " + rolledUp + " ledger rows", rollupSeconds, "s");
        Map<String, MetricsFilter> ranges = new LinkedHashMap<>();
        ranges.put("90 days", MetricsFilter.between(NOW.minusDays(90), NOW));
        ranges.put("2 years", MetricsFilter.between(NOW.minusYears(2), NOW));
        for (var range : ranges.entrySet()) {
            MetricsFilter f = range.getValue();
            Map<String, Supplier<Object>> queries = queries(metrics, f);
            queries(explained, f).forEach((name, query) -> plans.capture(name + ", " + range.getKey(), query::get));
            for (var q : queries.entrySet()) {
                List<Long> times = time(q.getValue());
                double p50 = BenchResults.percentileMillis(times, 50);
                double p99 = BenchResults.percentileMillis(times, 99);
                results.add(q.getKey() + ", " + range.getKey() + ", p50", p50, "ms", "< 100", p50 < 100);
                results.add(q.getKey() + ", " + range.getKey() + ", p99", p99, "ms", "< 300", p99 < 300);
            }
        }
        long programs = jdbc.sql("SELECT COUNT(DISTINCT business_key) FROM program_review").query(Long.class).single();
        long readOuts = jdbc.sql("SELECT COUNT(*) FROM campaign_result").query(Long.class).single();
        long open = jdbc.sql("SELECT COUNT(*) FROM gate_attempt WHERE completed_at IS NULL").query(Long.class).single();
        results.context("programs", programs).context("readOuts", readOuts).context("openGateAttempts", open);
        // the Cockpit dashboard's whole answer: every KPI it loads, serialized as its resource does
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        for (var range : ranges.entrySet()) {
            List<Long> dashboard = time(() -> {
                try {
                    return json.writeValueAsBytes(metrics.dashboard(range.getValue()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
            double p50 = BenchResults.percentileMillis(dashboard, 50);
            results.add("Cockpit dashboard, whole answer, " + range.getKey() + ", p50", p50, "ms", "< 150", p50 < 150);
            results.add("Cockpit dashboard, whole answer, " + range.getKey() + ", p99", BenchResults.percentileMillis(dashboard, 99), "ms");
        }
        List<Long> timeline = time(() -> metrics.timeline("GEN-" + (campaigns / 2)).orElseThrow());
        plans.capture("timeline of one campaign", () -> explained.timeline("GEN-" + (campaigns / 2)));
        writePlans(plans, results.context());
        double p50 = BenchResults.percentileMillis(timeline, 50);
        results.add("timeline of one campaign, p50", p50, "ms", "< 20", p50 < 20);
        results.write();
        pool.close();
        assertThat(rows).isPositive();
        assertThat(rolledUp).as("finished rows of closed days rolled up").isPositive();
    }

    /** Every KPI query over one range, by the name the results table shows. */
    private static Map<String, Supplier<Object>> queries(HandoffMetrics metrics, MetricsFilter f) {
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("gates", () -> metrics.gates(f));
        queries.put("handoffs", () -> metrics.edges(f));
        queries.put("accountable", () -> metrics.senders(f, SenderGrouping.ACCOUNTABLE));
        queries.put("teams", () -> metrics.senders(f, SenderGrouping.SENDING_TEAM));
        queries.put("hygiene", () -> metrics.hygiene(f));
        queries.put("outcomes", () -> metrics.outcomes(f));
        queries.put("breaches by week", () -> metrics.breachesByWeek(f));
        queries.put("campaigns", () -> metrics.campaigns(f, 50));
        queries.put("programs", () -> metrics.programs(f));
        // filtered by campaign type or channel, KPIs read the summaries' per-type and per-channel rows
        MetricsFilter retention = new MetricsFilter(f.from(), f.to(), "retention", null, null, null);
        queries.put("gates of one campaign type", () -> metrics.gates(retention));
        queries.put("handoffs of one campaign type", () -> metrics.edges(retention));
        MetricsFilter sms = new MetricsFilter(f.from(), f.to(), null, "sms", null, null);
        queries.put("accountable on one channel", () -> metrics.senders(sms, SenderGrouping.ACCOUNTABLE));
        return queries;
    }

    /** Every query's plan, as PostgreSQL ran it once after the timing, to target/bench/NAME-plans.txt. */
    private void writePlans(QueryPlans plans, Map<String, Object> context) throws java.io.IOException {
        StringBuilder text = new StringBuilder("Plans of the KPI queries, EXPLAIN (ANALYZE, BUFFERS), one run after the timing.\n");
        text.append(context).append("\n");
        plans.plans().forEach((label, list) -> list.forEach(plan -> text.append("\n=== ").append(label).append(" ===\n").append(plan)));
        java.nio.file.Path file = java.nio.file.Path.of("target", "bench", resultName() + "-plans.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, text);
        assertThat(plans.plans()).as("a plan for every query").hasSizeGreaterThanOrEqualTo(23);
    }

    private List<Long> time(Supplier<Object> query) {
        query.get(); // warm-up: plan cache, buffers
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs(); i++) {
            long start = System.nanoTime();
            query.get();
            times.add(System.nanoTime() - start);
        }
        return times;
    }

    /**
     * Campaigns over two years; each passes brief → test-design → audience-pull → tracking-signoff,
     * a handoff being returned about one time in five (then sent again), gates breaching their SLA
     * one time in eight. Returns the number of campaigns.
     */
    static long generate(JdbcClient jdbc, long targetHandoffs) {
        long campaigns = Math.max(10, targetHandoffs * 10 / 36); // ~3.6 handoffs per campaign
        jdbc.sql("""
                INSERT INTO campaign (business_key, process_instance_id, name, campaign_type, channel, owner,
                                      created_at, launched_at, outcome, control_group_percent, tracking_verified)
                SELECT 'GEN-' || i, 'pi-' || i, 'Generated campaign ' || i,
                       (ARRAY['acquisition','retention','winback','cross-sell'])[1 + i % 4],
                       (ARRAY['email','sms','direct-mail','push','paid-social'])[1 + i % 5], 'pat',
                       now() - (i % 730) * interval '1 day' - (i % 24) * interval '1 hour',
                       now() - (i % 730) * interval '1 day' + interval '9 days',
                       'launched', CASE WHEN i % 10 = 0 THEN 0 ELSE 10 END, i % 7 <> 0
                FROM generate_series(1, :n) AS i
                """).param("n", campaigns).update();
        // attempts per gate: 2 when the gate's outgoing handoff was returned once (one time in five)
        jdbc.sql("""
                INSERT INTO gate_attempt (business_key, process_instance_id, gate, attempt, task_id, team, assignee,
                                          created_at, claimed_at, completed_at, due_at, sla_breached_at)
                SELECT c.business_key, c.process_instance_id, g.gate, a.attempt, c.business_key || '-' || g.gate || '-' || a.attempt,
                       g.team, (ARRAY['sara','max','anna','tom','eric','ella'])[1 + (hashtext(c.business_key || g.gate) & 1023) % 6],
                       c.created_at + (g.n * 30 + a.attempt * 8) * interval '1 hour',
                       c.created_at + (g.n * 30 + a.attempt * 8 + 1 + (hashtext(c.business_key) & 15)) * interval '1 hour',
                       c.created_at + (g.n * 30 + a.attempt * 8 + 3 + (hashtext(c.business_key) & 31)) * interval '1 hour',
                       c.created_at + (g.n * 30 + a.attempt * 8 + 48) * interval '1 hour',
                       CASE WHEN (hashtext(c.business_key || g.gate || a.attempt) & 7) = 0
                            THEN c.created_at + (g.n * 30 + a.attempt * 8 + 49) * interval '1 hour' END
                FROM campaign c
                CROSS JOIN (VALUES (0, 'brief', 'strategy'), (1, 'test-design', 'analytics'),
                                   (2, 'audience-pull', 'execution'), (3, 'tracking-signoff', 'analytics')) AS g(n, gate, team)
                CROSS JOIN generate_series(1, 2) AS a(attempt)
                WHERE a.attempt = 1 OR (hashtext(c.business_key || g.gate) & 7) < 2
                """).update();
        jdbc.sql("""
                INSERT INTO handoff (business_key, from_gate, from_attempt, to_gate, from_team, to_team, sender, receiver,
                                     attempt, sent_at, decided_at, decision, quality_score, return_reason, accountable,
                                     sender_breached)
                SELECT s.business_key, s.gate, s.attempt, e.to_gate, s.team, e.to_team, s.assignee, 'anna', s.attempt,
                       s.completed_at, s.completed_at + (1 + (hashtext(s.task_id) & 15)) * interval '1 hour',
                       CASE WHEN s.attempt = 1 AND EXISTS (SELECT 1 FROM gate_attempt r WHERE r.business_key = s.business_key
                                 AND r.gate = s.gate AND r.attempt = 2) THEN 'returned' ELSE 'accepted' END,
                       1 + (hashtext(s.task_id) & 1023) % 5,
                       CASE WHEN s.attempt = 1 AND EXISTS (SELECT 1 FROM gate_attempt r WHERE r.business_key = s.business_key
                                 AND r.gate = s.gate AND r.attempt = 2)
                            THEN (ARRAY['KPI not measurable','Control share off','Suppressions missing','UTM codes missing'])[1 + (hashtext(s.task_id) & 3)] END,
                       (ARRAY['sara','anna','eric'])[1 + e.n], s.sla_breached_at IS NOT NULL
                FROM gate_attempt s
                JOIN (VALUES (0, 'brief', 'test-design', 'analytics'), (1, 'test-design', 'audience-pull', 'execution'),
                             (2, 'audience-pull', 'tracking-signoff', 'analytics')) AS e(n, from_gate, to_gate, to_team)
                  ON e.from_gate = s.gate
                """).update();
        // outcomes: one campaign in three older than a month was read out
        jdbc.sql("""
                INSERT INTO campaign_result (business_key, test_size, control_size, test_conversions, control_conversions,
                                             test_rate, control_rate, lift, p_value, next_action, learnings, recorded_at)
                SELECT c.business_key, 45000, 5000, 2500 + (hashtext(c.business_key) & 511), 225,
                       (2500 + (hashtext(c.business_key) & 511)) / 45000.0, 0.045,
                       ((2500 + (hashtext(c.business_key) & 511)) / 45000.0) / 0.045 - 1, 0.01 * (hashtext(c.business_key) & 7),
                       (ARRAY['scale','iterate','stop'])[1 + (hashtext(c.business_key) & 1023) % 3],
                       'Generated learning ' || c.business_key, c.launched_at + interval '21 days'
                FROM campaign c
                WHERE (hashtext(c.business_key) & 3) = 0 AND c.launched_at < now() - interval '30 days'
                """).update();
        jdbc.sql("""
                UPDATE campaign c SET outcome = 'completed', closed_at = r.recorded_at
                FROM campaign_result r WHERE r.business_key = c.business_key
                """).update();
        // programs: one campaign in a hundred is an always-on program with a review every six weeks
        jdbc.sql("""
                INSERT INTO program_review (business_key, review_number, reviewed_at, reviewer, program_members,
                    holdout_members, active_base, holdout_active_base, transactions, holdout_transactions, first_purchases,
                    holdout_first_purchases, won_back, holdout_won_back, lapsed, holdout_lapsed, active_rate,
                    holdout_active_rate, active_lift, decision, review_cycle_weeks, learnings)
                SELECT c.business_key, r.n, c.launched_at + r.n * interval '42 days', 'olivia', 72000, 8000,
                       30000 + r.n * 100, 3000, 41000, 4000, 1200, 110, 900, 80, 2100, 260, (30000 + r.n * 100) / 72000.0,
                       0.375, ((30000 + r.n * 100) / 72000.0) / 0.375 - 1,
                       (ARRAY['keep','iterate','keep'])[1 + r.n % 3], 6, 'Cycle ' || r.n
                FROM campaign c CROSS JOIN generate_series(1, 6) AS r(n)
                WHERE (hashtext(c.business_key) & 127) = 1 AND c.launched_at + r.n * interval '42 days' < now()
                """).update();
        // as Baton marks a campaign with its first review (LedgerRepository.insertProgramReview)
        jdbc.sql("UPDATE campaign SET program = TRUE WHERE business_key IN (SELECT business_key FROM program_review)")
                .update();
        // open work: campaigns of the last three days wait at tracking sign-off, the audience handoff undecided
        jdbc.sql("""
                UPDATE gate_attempt SET claimed_at = NULL, completed_at = NULL, sla_breached_at = NULL
                WHERE gate = 'tracking-signoff' AND business_key IN
                      (SELECT business_key FROM campaign WHERE created_at > now() - interval '3 days')
                """).update();
        jdbc.sql("""
                UPDATE handoff SET decision = NULL, decided_at = NULL, receiver = NULL, quality_score = NULL, return_reason = NULL
                WHERE to_gate = 'tracking-signoff' AND business_key IN
                      (SELECT business_key FROM campaign WHERE created_at > now() - interval '3 days')
                """).update();
        jdbc.sql("""
                UPDATE campaign SET outcome = 'running', launched_at = NULL WHERE created_at > now() - interval '3 days'
                """).update();
        return campaigns;
    }
}
