package dev.baton.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.metrics.HandoffMetrics.SenderGrouping;
import dev.baton.metrics.Kpis.EdgeKpi;
import dev.baton.metrics.Kpis.GateKpi;
import dev.baton.metrics.Kpis.ReasonCount;
import dev.baton.metrics.Kpis.SenderKpi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPI queries on hand-built ledgers with known answers, including the edge cases: no data, one
 * campaign, returns only, open gates. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class HandoffMetricsContract {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 10, 5, 8, 0, 0, 0, ZoneOffset.UTC);
    static final MetricsFilter ALL = MetricsFilter.between(T0.minusYears(1), T0.plusYears(1));
    private static final double EPS = 1e-6;

    private HandoffMetrics metrics;
    private LedgerBuilder ledger;

    abstract DataSource dataSource();

    /** A fresh in-memory H2 database of its own. */
    static DataSource h2(String name) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @BeforeEach
    void emptyLedger() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        metrics = new HandoffMetrics(jdbc, new dev.baton.ledger.LedgerRepository(jdbc));
        ledger = new LedgerBuilder(jdbc);
        ledger.clear();
    }

    @Test
    void noDataGivesEmptyTablesAndNoRates() {
        assertThat(metrics.gates(ALL)).isEmpty();
        assertThat(metrics.edges(ALL)).isEmpty();
        assertThat(metrics.senders(ALL, SenderGrouping.ACCOUNTABLE)).isEmpty();
        assertThat(metrics.outcomes(ALL)).isEmpty();
        var hygiene = metrics.hygiene(ALL);
        assertThat(hygiene.launched()).isZero();
        assertThat(hygiene.withControlGroupShare()).isNull();
        assertThat(metrics.timeline("NOPE-1")).isEmpty();
    }

    @Test
    void gateCycleTimesAreMediansAndNinetiethPercentilesOfWaitAndWork() {
        // four completed briefs: wait 1..4 h, work 10..40 min; one open, unclaimed; one breach
        for (int i = 1; i <= 4; i++) {
            String bk = "ACQ-2026-00" + i;
            ledger.campaign(bk, "acquisition", "email", T0);
            OffsetDateTime created = T0.plusDays(i);
            ledger.gate(bk, "brief", 1, "strategy", "sara", created, created.plusHours(i),
                    created.plusHours(i).plusMinutes(10L * i), i == 4 ? created.plusDays(3) : null);
        }
        ledger.campaign("ACQ-2026-005", "acquisition", "email", T0);
        ledger.gate("ACQ-2026-005", "brief", 1, "strategy", null, T0.plusDays(6), null, null, null);

        GateKpi brief = single(metrics.gates(ALL));
        assertThat(brief.gate()).isEqualTo("brief");
        assertThat(brief.attempts()).isEqualTo(5);
        assertThat(brief.completed()).isEqualTo(4);
        assertThat(brief.open()).isEqualTo(1);
        assertThat(brief.slaBreaches()).isEqualTo(1);
        assertThat(brief.slaBreachRate()).isCloseTo(0.2, within(EPS));
        assertThat(brief.waitP50()).isCloseTo(2.5 * 3600, within(EPS));
        assertThat(brief.waitP90()).isCloseTo(3.7 * 3600, within(EPS));
        assertThat(brief.workP50()).isCloseTo(25 * 60, within(EPS));
        assertThat(brief.workP90()).isCloseTo(37 * 60, within(EPS));
        assertThat(brief.cycleP50()).isCloseTo(2.5 * 3600 + 25 * 60, within(EPS));
    }

    @Test
    void aCancelledCampaignLeavesNoPendingHandoff() {
        briefEdgeWithReturns();
        JdbcClient.create(dataSource()).sql("UPDATE campaign SET outcome = 'cancelled', closed_at = :at WHERE business_key = 'C'")
                .param("at", T0.plusDays(4)).update();
        EdgeKpi edge = single(metrics.edges(ALL));
        assertThat(edge.pending()).as("C's last brief was never judged").isZero();
        assertThat(edge.handoffs()).as("C's decided handoffs still count").isEqualTo(5);
        assertThat(edge.decided()).isEqualTo(5);
        assertThat(edge.returns()).isEqualTo(3);
        assertThat(metrics.senders(ALL, SenderGrouping.ACCOUNTABLE)).extracting(SenderKpi::handoffs).containsExactlyInAnyOrder(3L, 2L);
    }

    @Test
    void handoffEdgesCountFirstPassYieldReworkQualityLatencyAndReasons() {
        briefEdgeWithReturns();
        EdgeKpi edge = single(metrics.edges(ALL));
        assertThat(edge.fromGate()).isEqualTo("brief");
        assertThat(edge.toGate()).isEqualTo("test-design");
        assertThat(edge.handoffs()).isEqualTo(6);
        assertThat(edge.decided()).isEqualTo(5);
        assertThat(edge.pending()).isEqualTo(1);
        assertThat(edge.firstPassYield()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(edge.returns()).isEqualTo(3);
        assertThat(edge.meanQuality()).isCloseTo((2 + 4 + 5 + 1 + 2) / 5.0, within(EPS));
        // latencies 1, 2, 3, 4, 5 hours
        assertThat(edge.latencyP50()).isCloseTo(3 * 3600, within(EPS));
        assertThat(edge.latencyP90()).isCloseTo(4.6 * 3600, within(EPS));
        assertThat(edge.topReturnReasons()).containsExactly(new ReasonCount("KPI is not measurable", 2),
                new ReasonCount("No offer", 1));
    }

    @Test
    void anEdgeWithReturnsOnlyHasZeroFirstPassYield() {
        ledger.campaign("WIN-2026-001", "winback", "sms", T0);
        ledger.handoff("WIN-2026-001", "audience-pull", "tracking-signoff", "execution", "analytics", 1, 1, "eric",
                "eric", T0, T0.plusHours(1), "returned", 1, "Seed list missing", "tom");
        EdgeKpi edge = single(metrics.edges(ALL));
        assertThat(edge.firstPassYield()).isEqualTo(0.0);
        assertThat(edge.returns()).isEqualTo(1);
    }

    @Test
    void sendersAreScoredPerAccountablePersonAndPerSendingTeam() {
        briefEdgeWithReturns();
        List<SenderKpi> people = metrics.senders(ALL, SenderGrouping.ACCOUNTABLE);
        assertThat(people).extracting(SenderKpi::sender).containsExactly("max", "sara");
        SenderKpi max = people.get(0);
        assertThat(max.handoffs()).isEqualTo(3);
        assertThat(max.firstPassYield()).isEqualTo(0.0);
        assertThat(max.returns()).isEqualTo(2);
        assertThat(max.slaBreaches()).isEqualTo(1);
        SenderKpi sara = people.get(1);
        assertThat(sara.firstPassYield()).isCloseTo(0.5, within(EPS));
        assertThat(sara.meanQuality()).isCloseTo((2 + 4 + 5) / 3.0, within(EPS));
        assertThat(sara.slaBreaches()).isZero();

        SenderKpi strategy = single(metrics.senders(ALL, SenderGrouping.SENDING_TEAM));
        assertThat(strategy.sender()).isEqualTo("strategy");
        assertThat(strategy.handoffs()).isEqualTo(6);
        assertThat(strategy.firstPassYield()).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void gatesStillOpenPastTheirSlaCountForTheirAccountablePersonAndTeam() {
        briefEdgeWithReturns();
        // sara's brief of D is three days overdue and not handed on; anna's design of E likewise,
        // with nothing else from anna; F's overdue brief was cancelled with its campaign
        ledger.campaign("D", "acquisition", "email", T0);
        ledger.openBreach("D", "brief", "strategy", "sara", T0.plusDays(1), T0.plusDays(3));
        ledger.campaign("E", "cross-sell", "sms", T0);
        ledger.openBreach("E", "test-design", "analytics", "anna", T0.plusDays(2), T0.plusDays(4));
        ledger.campaign("F", "acquisition", "email", T0);
        ledger.openBreach("F", "brief", "strategy", "sara", T0.plusDays(1), T0.plusDays(3));
        JdbcClient.create(dataSource()).sql("UPDATE gate_attempt SET cancelled_at = :at, open_breach_since = NULL WHERE business_key = 'F'")
                .param("at", T0.plusDays(5)).update();

        List<SenderKpi> people = metrics.senders(ALL, SenderGrouping.ACCOUNTABLE);
        assertThat(people).extracting(SenderKpi::sender).containsExactly("max", "sara", "anna");
        assertThat(people).extracting(SenderKpi::slaBreaches).containsExactly(1L, 1L, 1L);
        assertThat(people).extracting(SenderKpi::openBreaches).containsExactly(0L, 1L, 1L);
        SenderKpi anna = people.get(2);
        assertThat(anna.handoffs()).isZero();
        assertThat(anna.firstPassYield()).isNull();

        List<SenderKpi> teams = metrics.senders(ALL, SenderGrouping.SENDING_TEAM);
        assertThat(teams).extracting(SenderKpi::sender).containsExactly("strategy", "analytics");
        assertThat(teams).extracting(SenderKpi::slaBreaches).containsExactly(2L, 1L);
        assertThat(teams).extracting(SenderKpi::openBreaches).containsExactly(1L, 1L);

        // a range that ends before D's breach began does not see it; filters narrow as elsewhere
        MetricsFilter beforeBreach = MetricsFilter.between(T0.minusYears(1), T0.plusDays(3));
        assertThat(metrics.senders(beforeBreach, SenderGrouping.ACCOUNTABLE)).extracting(SenderKpi::openBreaches)
                .containsOnly(0L);
        MetricsFilter analytics = new MetricsFilter(ALL.from(), ALL.to(), null, null, "analytics", null);
        assertThat(metrics.senders(analytics, SenderGrouping.SENDING_TEAM)).filteredOn(t -> t.openBreaches() > 0)
                .extracting(SenderKpi::sender).containsExactly("analytics");
        MetricsFilter sms = new MetricsFilter(ALL.from(), ALL.to(), null, "sms", null, null);
        assertThat(metrics.senders(sms, SenderGrouping.ACCOUNTABLE)).extracting(SenderKpi::sender).containsExactly("anna");

        // handed on, the late brief counts once: as the handoff's breach, no longer as open
        JdbcClient.create(dataSource()).sql("UPDATE gate_attempt SET completed_at = :at, open_breach_since = NULL WHERE business_key = 'D'")
                .param("at", T0.plusDays(6)).update();
        ledger.handoff("D", "brief", "test-design", "strategy", "analytics", 1, 1, "sara", "sara", T0.plusDays(6), null,
                null, null, null, null);
        SenderKpi sara = metrics.senders(ALL, SenderGrouping.ACCOUNTABLE).stream()
                .filter(p -> p.sender().equals("sara")).findFirst().orElseThrow();
        assertThat(sara.slaBreaches()).isEqualTo(1);
        assertThat(sara.openBreaches()).isZero();
    }

    @Test
    void hygieneAndOutcomesCoverLaunchedCampaignsAndReadOuts() {
        ledger.campaign("ACQ-2026-001", "acquisition", "email", T0);
        ledger.campaign("ACQ-2026-002", "acquisition", "email", T0);
        ledger.campaign("RET-2026-001", "retention", "push", T0);
        ledger.campaign("RET-2026-002", "retention", "push", T0); // never launched
        ledger.launched("ACQ-2026-001", T0.plusDays(5), 10, true);
        ledger.launched("ACQ-2026-002", T0.plusDays(6), 0, true);
        ledger.launched("RET-2026-001", T0.plusDays(7), 10, false);
        ledger.result("ACQ-2026-001", T0.plusDays(20), 0.1, 0.01, "scale");
        ledger.result("ACQ-2026-002", T0.plusDays(21), 0.3, 0.2, "iterate");

        var hygiene = metrics.hygiene(ALL);
        assertThat(hygiene.launched()).isEqualTo(3);
        assertThat(hygiene.withControlGroup()).isEqualTo(2);
        assertThat(hygiene.trackingVerifiedShare()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(hygiene.readOutShare()).isCloseTo(2.0 / 3, within(EPS));

        var outcome = single(metrics.outcomes(ALL));
        assertThat(outcome.campaignType()).isEqualTo("acquisition");
        assertThat(outcome.readOuts()).isEqualTo(2);
        assertThat(outcome.meanLift()).isCloseTo(0.2, within(EPS));
        assertThat(outcome.significant()).isEqualTo(1);
        assertThat(outcome.significantShare()).isCloseTo(0.5, within(EPS));
        assertThat(outcome.scale()).isEqualTo(1);
        assertThat(outcome.iterate()).isEqualTo(1);
    }

    @Test
    void filtersNarrowByTimeTypeChannelTeamAndGate() {
        briefEdgeWithReturns();
        ledger.campaign("RET-2026-009", "retention", "push", T0);
        ledger.gate("RET-2026-009", "audience-pull", 1, "execution", "eric", T0.plusDays(40), T0.plusDays(40),
                T0.plusDays(41), null);

        assertThat(metrics.gates(new MetricsFilter(ALL.from(), ALL.to(), "retention", null, null, null)))
                .extracting(GateKpi::gate).containsExactly("audience-pull");
        assertThat(metrics.gates(new MetricsFilter(ALL.from(), ALL.to(), null, "email", null, null)))
                .extracting(GateKpi::gate).containsExactly("brief");
        assertThat(metrics.gates(new MetricsFilter(ALL.from(), ALL.to(), null, null, "execution", null)))
                .extracting(GateKpi::gate).containsExactly("audience-pull");
        assertThat(metrics.gates(MetricsFilter.between(T0.plusDays(30), T0.plusDays(60))))
                .extracting(GateKpi::gate).containsExactly("audience-pull");
        assertThat(metrics.edges(new MetricsFilter(ALL.from(), ALL.to(), null, null, null, "test-design"))).hasSize(1);
        assertThat(metrics.edges(new MetricsFilter(ALL.from(), ALL.to(), null, null, null, "audience-pull"))).isEmpty();
        assertThat(metrics.edges(MetricsFilter.between(T0.minusDays(10), T0))).isEmpty();
    }

    @Test
    void slaBreachesAreCountedPerWeekStartingMonday() {
        // T0 is Monday 5 October 2026
        ledger.campaign("A", "acquisition", "email", T0);
        ledger.gate("A", "brief", 1, "strategy", "sara", T0, T0, T0.plusHours(1), T0.plusDays(1));
        ledger.gate("A", "test-design", 1, "analytics", "anna", T0.plusDays(6), null, null, null);
        ledger.gate("A", "brief", 2, "strategy", "sara", T0.plusDays(8), null, null, T0.plusDays(12));
        assertThat(metrics.breachesByWeek(ALL)).extracting(w -> w.week() + ":" + w.attempts() + ":" + w.breaches())
                .containsExactly("2026-10-05:2:1", "2026-10-12:1:1");
    }

    @Test
    void campaignsListTheNewestFirstWithTheirReturns() {
        briefEdgeWithReturns();
        assertThat(metrics.campaigns(ALL, 2)).extracting(Kpis.CampaignSummary::businessKey).hasSize(2);
        assertThat(metrics.campaigns(ALL, 10)).filteredOn(c -> c.businessKey().equals("C")).singleElement()
                .satisfies(c -> {
                    assertThat(c.returns()).isEqualTo(2);
                    assertThat(c.gateAttempts()).isEqualTo(1);
                    assertThat(c.processInstanceId()).isEqualTo("pi-C");
                });
    }

    @Test
    void timelineListsOneCampaignsGatesAndHandoffsInOrderWithDurations() {
        String bk = "ACQ-2026-001";
        ledger.campaign(bk, "acquisition", "email", T0);
        ledger.gate(bk, "brief", 1, "strategy", "sara", T0, T0.plusHours(1), T0.plusHours(3), null);
        ledger.handoff(bk, "brief", "test-design", "strategy", "analytics", 1, 1, "sara", "sara", T0.plusHours(3),
                T0.plusHours(5), "returned", 2, "KPI is not measurable", "anna");
        ledger.gate(bk, "test-design", 1, "analytics", "anna", T0.plusHours(3), T0.plusHours(4), T0.plusHours(5), null);
        ledger.gate(bk, "brief", 2, "strategy", "sara", T0.plusHours(5), null, null, null);

        var timeline = metrics.timeline(bk).orElseThrow();
        assertThat(timeline.processInstanceId()).isEqualTo("pi-" + bk);
        assertThat(timeline.entries()).extracting(e -> e.kind() + ":" + e.gate() + "#" + e.attempt() + ":" + e.outcome())
                .containsExactly("gate:brief#1:completed", "handoff:brief#1:returned", "gate:test-design#1:completed",
                        "gate:brief#2:open");
        assertThat(timeline.entries().get(0).waitSeconds()).isCloseTo(3600, within(EPS));
        assertThat(timeline.entries().get(0).workSeconds()).isCloseTo(7200, within(EPS));
        assertThat(timeline.entries().get(1).waitSeconds()).as("handoff latency").isCloseTo(7200, within(EPS));
        assertThat(timeline.entries().get(3).waitSeconds()).isNull();
    }

    @Test
    void timelineShowsTheEscalationsTheLaunchAndTheResultReadOut() {
        String bk = "XSL-2026-001";
        ledger.campaign(bk, "cross-sell", "email", T0);
        ledger.gate(bk, "brief", 1, "strategy", "sara", T0, T0.plusHours(1), T0.plusDays(3), T0.plusDays(2));
        JdbcClient jdbc = JdbcClient.create(dataSource());
        jdbc.sql("""
                INSERT INTO gate_escalation_action (business_key, task_id, action, actor, acted_at, new_due_at, reason)
                VALUES (:bk, 'task-x', 'extend', 'pat', :at, :due, 'Legal review of the offer')
                """).param("bk", bk).param("at", T0.plusDays(2).plusHours(1)).param("due", T0.plusDays(4)).update();
        ledger.launched(bk, T0.plusDays(5), 10, true);
        ledger.result(bk, T0.plusDays(40), 0.125, 0.003, "scale");

        var entries = metrics.timeline(bk).orElseThrow().entries();
        assertThat(entries).extracting(e -> e.kind() + ":" + e.outcome())
                .containsExactly("gate:completed", "escalation:extend", "launch:launched", "result:scale");
        var extension = entries.get(1);
        assertThat(extension.person()).isEqualTo("pat");
        assertThat(extension.note()).isEqualTo("Legal review of the offer");
        assertThat(extension.detail()).startsWith("new due date ");
        assertThat(entries.get(2).detail()).isEqualTo("control group 10 %, tracking verified");
        var result = entries.get(3);
        assertThat(result.figures()).containsEntry("lift", 0.125).containsEntry("pValue", 0.003)
                .containsEntry("testRate", 0.1).containsEntry("controlRate", 0.08);
        assertThat(result.detail()).isEqualTo("lift +12.5 %, p = 0.003 (significant); decision: scale");

        jdbc.sql("UPDATE campaign SET outcome = 'cancelled', closed_at = :at, cancellation_reason = 'Budget cut' "
                + "WHERE business_key = :bk").param("at", T0.plusDays(41)).param("bk", bk).update();
        var cancelled = metrics.timeline(bk).orElseThrow().entries();
        assertThat(cancelled.get(cancelled.size() - 1)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo("cancelled");
            assertThat(e.note()).isEqualTo("Budget cut");
        });
    }

    /**
     * brief → test-design on three campaigns. A: returned (q2, 1 h), accepted (q4, 2 h).
     * B: accepted (q5, 3 h). C: returned (q1, 4 h), returned (q2, 5 h), pending. Sara is
     * accountable for A and B, Max for C, whose first brief breached its SLA.
     */
    private void briefEdgeWithReturns() {
        for (String bk : List.of("A", "B", "C")) {
            ledger.campaign(bk, "acquisition", "email", T0);
        }
        ledger.gate("C", "brief", 1, "strategy", "max", T0, T0, T0.plusDays(1), T0.plusHours(20));
        edge("A", 1, "sara", 1, "returned", 2, "KPI is not measurable");
        edge("A", 2, "sara", 2, "accepted", 4, null);
        edge("B", 1, "sara", 3, "accepted", 5, null);
        edge("C", 1, "max", 4, "returned", 1, "KPI is not measurable");
        edge("C", 2, "max", 5, "returned", 2, "No offer");
        ledger.handoff("C", "brief", "test-design", "strategy", "analytics", 3, 3, "max", "max", T0.plusDays(3), null,
                null, null, null, null);
    }

    private void edge(String bk, int attempt, String accountable, int latencyHours, String decision, int quality,
                      String reason) {
        OffsetDateTime sent = T0.plusDays(attempt);
        ledger.handoff(bk, "brief", "test-design", "strategy", "analytics", attempt, attempt, accountable, accountable,
                sent, sent.plusHours(latencyHours), decision, quality, reason, "anna");
    }

    private static <T> T single(List<T> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
