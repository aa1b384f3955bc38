package dev.baton.web;

import static dev.baton.CampaignFixtures.audiencePull;
import static dev.baton.CampaignFixtures.audienceRules;
import static dev.baton.CampaignFixtures.review;
import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.readout;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;
import static dev.baton.CampaignFixtures.with;
import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED;
import static dev.baton.campaign.CampaignLifecycleProcess.PROCESS_ID;
import static dev.baton.campaign.CampaignLifecycleProcess.RESULTS_READOUT;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static dev.baton.campaign.CampaignLifecycleProcess.TRACKING_SIGN_OFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import dev.baton.ledger.GateAttemptRecord;
import dev.baton.ledger.HandoffRecord;
import dev.baton.ledger.LedgerRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole campaign through the REST API, with the ledger asserted row by row. Runs on H2 and on
 * PostgreSQL (the subclasses choose the database).
 */
abstract class CampaignRestFlowContract {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    JdbcClient jdbc;

    @Test
    void wholeCampaignThroughRestIsRecordedExactly() {
        EngineRestClient engine = new EngineRestClient(rest);
        ResponseEntity<Map<String, Object>> started = engine.start(PROCESS_ID, null, request());
        EngineRestClient.expect(started, 200);
        String pi = (String) started.getBody().get("id");
        String code = (String) started.getBody().get("businessKey");
        assertThat(code).matches("ACQ-\\d{4}-\\d{3}");

        engine.work(pi, STRATEGIC_BRIEF, "sara", brief());
        engine.work(pi, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "Which KPI exactly?"));
        engine.work(pi, STRATEGIC_BRIEF, "sara", brief());
        // submit-form works like complete, as Tasklist uses it
        String design = engine.taskId(pi, TEST_AND_CONTROL_DESIGN);
        EngineRestClient.expect(engine.claim(design, "anna"), 204);
        EngineRestClient.expect(engine.submitForm(design, testDesign(10)), 204);
        engine.work(pi, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
        engine.work(pi, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        engine.executeTimer(pi, MEASUREMENT_WINDOW_CLOSED);
        engine.work(pi, RESULTS_READOUT, "anna", readout(2_700, 225));

        assertThat(ledger.findCampaign(code)).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo("completed");
            assertThat(c.processInstanceId()).isEqualTo(pi);
            assertThat(c.launchedAt()).isNotNull();
            assertThat(c.closedAt()).isAfterOrEqualTo(c.launchedAt());
        });
        List<GateAttemptRecord> attempts = ledger.gateAttempts(code);
        assertThat(attempts).extracting(GateAttemptRecord::gate, GateAttemptRecord::attempt, GateAttemptRecord::team,
                        GateAttemptRecord::assignee)
                .containsExactly(tuple("brief", 1, "strategy", "sara"), tuple("test-design", 1, "analytics", "anna"),
                        tuple("brief", 2, "strategy", "sara"), tuple("test-design", 2, "analytics", "anna"),
                        tuple("audience-pull", 1, "execution", "eric"), tuple("tracking-signoff", 1, "analytics", "tom"),
                        tuple("results-readout", 1, "analytics", "anna"));
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.claimedAt()).isAfterOrEqualTo(a.createdAt());
            assertThat(a.completedAt()).isAfterOrEqualTo(a.claimedAt());
            assertThat(a.dueAt()).isAfter(a.createdAt());
            assertThat(a.slaBreachedAt()).isNull();
            assertThat(a.cancelledAt()).isNull();
        });
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(attempts.get(i).createdAt()).isAfterOrEqualTo(attempts.get(i - 1).completedAt());
        }
        List<HandoffRecord> handoffs = ledger.handoffs(code);
        assertThat(handoffs).extracting(HandoffRecord::fromGate, HandoffRecord::toGate, HandoffRecord::attempt,
                        HandoffRecord::sender, HandoffRecord::receiver, HandoffRecord::decision,
                        HandoffRecord::qualityScore, HandoffRecord::returnReason, HandoffRecord::accountable)
                .containsExactly(
                        tuple("brief", "test-design", 1, "sara", "anna", "returned", 2, "Which KPI exactly?", "sara"),
                        tuple("brief", "test-design", 2, "sara", "anna", "accepted", 4, null, "sara"),
                        tuple("test-design", "audience-pull", 1, "anna", "eric", "accepted", 5, null, "anna"),
                        tuple("audience-pull", "tracking-signoff", 1, "eric", "tom", "accepted", 4, null, "eric"));
        assertThat(handoffs).allSatisfy(h -> assertThat(h.decidedAt()).isAfterOrEqualTo(h.sentAt()));
        assertThat(handoffs).extracting(HandoffRecord::fromAttempt).as("attempt of the sending gate")
                .containsExactly(1, 2, 2, 1);
        assertThat(jdbc.sql("SELECT control_group_percent AS p FROM campaign WHERE business_key = :bk")
                .param("bk", code).query(Double.class).single()).isEqualTo(10.0);
        assertThat(jdbc.sql("SELECT tracking_verified AS t FROM campaign WHERE business_key = :bk")
                .param("bk", code).query(Boolean.class).single()).isTrue();
        assertThat(ledger.findResult(code)).get().satisfies(r -> {
            assertThat(r.testSize()).isEqualTo(45_000);
            assertThat(r.testConversions()).isEqualTo(2_700);
            assertThat(r.lift()).isBetween(0.33, 0.34);
            assertThat(r.pValue()).isLessThan(0.001);
            assertThat(r.nextAction()).isEqualTo("scale");
        });
    }

    @Test
    void programThroughTwoReviewCyclesIsRecordedExactly() {
        EngineRestClient engine = new EngineRestClient(rest);
        ResponseEntity<Map<String, Object>> started = engine.start(AutomatedCampaignLifecycleProcess.PROCESS_ID, null,
                with(request("retention", 80_000), "reviewCycleWeeks", 2L));
        EngineRestClient.expect(started, 200);
        String pi = (String) started.getBody().get("id");
        String code = (String) started.getBody().get("businessKey");

        engine.work(pi, STRATEGIC_BRIEF, "sara", brief());
        engine.work(pi, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        engine.work(pi, AutomatedCampaignLifecycleProcess.AUDIENCE_RULES, "eric", audienceRules());
        engine.work(pi, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        engine.executeTimer(pi, AutomatedCampaignLifecycleProcess.REVIEW_DUE);
        engine.work(pi, AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW, "olivia", review("keep", 3));
        engine.executeTimer(pi, AutomatedCampaignLifecycleProcess.REVIEW_DUE);
        engine.work(pi, AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW, "olivia",
                with(with(review("retire", 3), "activeBase", 5_400L), "learnings", "Lapse mails stop working after month 6"));

        assertThat(ledger.findCampaign(code)).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo("completed");
            assertThat(c.launchedAt()).isNotNull();
            assertThat(c.closedAt()).isAfterOrEqualTo(c.launchedAt());
        });
        assertThat(ledger.gateAttempts(code)).extracting(GateAttemptRecord::gate, GateAttemptRecord::attempt,
                        GateAttemptRecord::assignee)
                .containsExactly(tuple("brief", 1, "sara"), tuple("test-design", 1, "anna"),
                        tuple("audience-rules", 1, "eric"), tuple("tracking-signoff", 1, "tom"));
        assertThat(ledger.handoffs(code)).extracting(HandoffRecord::fromGate, HandoffRecord::toGate, HandoffRecord::decision)
                .containsExactly(tuple("brief", "test-design", "accepted"),
                        tuple("test-design", "audience-rules", "accepted"),
                        tuple("audience-rules", "tracking-signoff", "accepted"));
        var reviews = ledger.programReviews(code);
        assertThat(reviews).extracting(r -> r.reviewNumber(), r -> r.decision(), r -> r.reviewer(), r -> r.reviewCycleWeeks(),
                        r -> r.activeBase(), r -> r.holdoutActiveBase())
                .containsExactly(tuple(1, "keep", "olivia", 3, 6_300L, 600L), tuple(2, "retire", "olivia", 3, 5_400L, 600L));
        assertThat(reviews.get(0).activeLift()).isCloseTo(1.0 / 6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reviews.get(1).activeLift()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reviews.get(1).learnings()).isEqualTo("Lapse mails stop working after month 6");
        assertThat(reviews.get(1).reviewedAt()).isAfterOrEqualTo(reviews.get(0).reviewedAt());
    }

    @Test
    void refusedSubmissionsAnswer400AndChangeNothing() {
        EngineRestClient engine = new EngineRestClient(rest);
        String before = ledgerSnapshot();
        ResponseEntity<Map<String, Object>> badStart = engine.start(PROCESS_ID, null, with(request(), "channel", "fax"));
        assertThat(badStart.getStatusCode().value()).isEqualTo(400);
        assertThat((String) badStart.getBody().get("message")).contains("channel");
        assertThat(ledgerSnapshot()).isEqualTo(before);

        String pi = (String) engine.start(PROCESS_ID, null, request()).getBody().get("id");
        String task = engine.taskId(pi, STRATEGIC_BRIEF);
        assertThat(engine.completeAs("eric", task, brief()).getStatusCode().value()).as("execution completing strategy's gate")
                .isEqualTo(403);
        assertThat(engine.claim(task, "eric").getStatusCode().value()).as("nor may execution claim it").isEqualTo(403);
        EngineRestClient.expect(engine.claim(task, "max"), 204);
        String snapshot = ledgerSnapshot();
        ResponseEntity<Map<String, Object>> badBrief = engine.complete(task, with(brief(), "primaryKpi", null));
        assertThat(badBrief.getStatusCode().value()).isEqualTo(400);
        // the form's label first, without the engine's "Cannot complete task <id>: "
        assertThat((String) badBrief.getBody().get("message")).isEqualTo("Primary KPI: is required");
        assertThat(engine.submitForm(task, with(brief(), "offer", "")).getStatusCode().value()).isEqualTo(400);
        assertThat(ledgerSnapshot()).isEqualTo(snapshot);
        EngineRestClient.expect(engine.complete(task, brief()), 204);

        String design = engine.taskId(pi, TEST_AND_CONTROL_DESIGN);
        snapshot = ledgerSnapshot();
        ResponseEntity<Map<String, Object>> ownClaim = engine.claim(design, "max");
        assertThat(ownClaim.getStatusCode().value()).as("the sender cannot even take the review").isEqualTo(400);
        assertThat((String) ownClaim.getBody().get("message")).contains("four-eyes");
        ResponseEntity<Map<String, Object>> ownReview = engine.completeAs("max", design, testDesign(10));
        assertThat(ownReview.getStatusCode().value()).isEqualTo(400);
        assertThat((String) ownReview.getBody().get("message")).contains("four-eyes");
        assertThat(ledgerSnapshot()).isEqualTo(snapshot);
        assertThat(engine.taskId(pi, TEST_AND_CONTROL_DESIGN)).isEqualTo(design);
    }

    /**
     * The team rule rides on the claim's ledger statement (gate.TeamAssignmentCheck): on this
     * database it records a member's claim and nobody else's, and an assignment through REST to
     * someone outside the team is answered 400 naming the team, with nothing changed.
     */
    @Test
    void theClaimStatementKeepsTheTeamRuleOnThisDatabase() {
        EngineRestClient engine = new EngineRestClient(rest);
        String pi = (String) engine.start(PROCESS_ID, null, request()).getBody().get("id");
        String task = engine.taskId(pi, STRATEGIC_BRIEF);
        String snapshot = ledgerSnapshot();
        ResponseEntity<Map<String, Object>> outsider = EngineRestClient.post(engine.as("admin"),
                "/engine-rest/task/" + task + "/assignee", Map.of("userId", "anna"));
        assertThat(outsider.getStatusCode().value()).as(String.valueOf(outsider.getBody())).isEqualTo(400);
        assertThat((String) outsider.getBody().get("message")).contains("'anna' is not a member of strategy");
        assertThat(ledgerSnapshot()).isEqualTo(snapshot);
        var at = java.time.OffsetDateTime.now();
        assertThat(ledger.markClaimed(task, "anna", at, null, null, true)).as("analytics is not the brief's team").isZero();
        assertThat(ledger.markClaimed(task, "max", at, null, null, true)).as("max is in strategy").isOne();
        EngineRestClient.expect(engine.claim(task, "sara"), 204);
        assertThat(jdbc.sql("SELECT assignee FROM gate_attempt WHERE task_id = :t").param("t", task).query(String.class).single())
                .isEqualTo("sara");
    }

    @Autowired
    org.springframework.beans.factory.config.ConfigurableListableBeanFactory beans;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void camundasSpringEventingBridgeIsOff() {
        // Nothing in Baton listens to it, and on it the engine would publish every activity start and
        // end, every transition, task event and history event as a Spring event (README, Performance)
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration();
        List<Object> parseListeners = new java.util.ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
        assertThat(parseListeners).as("parse listeners")
                .noneMatch(l -> l instanceof org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener);
        assertThat(configuration.getCustomHistoryEventHandlers()).as("history event handlers")
                .noneMatch(h -> h instanceof org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler);
        assertThat(parseListeners).as("the gates' own parse listener is still there")
                .anyMatch(l -> l instanceof dev.baton.gate.GateParseListener);
    }

    @Test
    void ledgerMigrationRunsBeforeCamundaCreatesItsSchema() {
        // by design: the engine beans declare their dependency on Flyway, whatever else they use
        for (Class<?> type : List.of(org.camunda.bpm.engine.ProcessEngine.class,
                org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.class)) {
            String[] names = beans.getBeanNamesForType(type, true, false);
            assertThat(names).as("beans of type %s", type.getSimpleName()).isNotEmpty();
            for (String name : names) {
                String definition = name.startsWith("&") ? name.substring(1) : name;
                assertThat(beans.getBeanDefinition(definition).getDependsOn()).as("dependsOn of %s", definition)
                        .contains("flywayInitializer");
            }
        }
        // and in fact: the ledger tables were migrated before Camunda logged its schema
        var flywayDone = jdbc.sql("SELECT MAX(\"installed_on\") FROM \"flyway_schema_history\" WHERE \"success\" = true")
                .query(java.sql.Timestamp.class).single();
        var camundaCreated = jdbc.sql("SELECT MIN(TIMESTAMP_) FROM ACT_GE_SCHEMA_LOG")
                .query(java.sql.Timestamp.class).single();
        assertThat(flywayDone).isNotNull();
        assertThat(camundaCreated).isNotNull();
        assertThat(flywayDone).isBeforeOrEqualTo(camundaCreated);
    }

    /** Every ledger row, as text, to compare before and after a refused request. */
    private String ledgerSnapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("campaign", "gate_attempt", "handoff", "campaign_result", "program_review")) {
            jdbc.sql("SELECT * FROM " + table + " ORDER BY 1").query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    all.append(rs.getObject(i)).append('|');
                }
                all.append('\n');
            });
        }
        return all.toString();
    }
}
