package dev.baton.campaign;

import static dev.baton.CampaignFixtures.audiencePull;
import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.readout;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;
import static dev.baton.CampaignFixtures.with;
import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.RESULTS_READOUT;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static dev.baton.campaign.CampaignLifecycleProcess.TRACKING_SIGN_OFF;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.baton.EngineTestSupport;
import dev.baton.ProcessTestSupport;
import dev.baton.ledger.CampaignRecord;
import dev.baton.ledger.GateAttemptRecord;
import dev.baton.ledger.HandoffRecord;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/CampaignLifecycle.bpmn, with the real gate services and ledger. The class
 * fails below 100% flow node and sequence flow coverage.
 */
@Deployment(resources = {"CampaignLifecycle.bpmn", "CampaignPolicy.dmn", "CampaignRequest.form",
        "StrategicBrief.form", "TestAndControlDesign.form", "AudiencePull.form", "TrackingSignOff.form",
        "ResultsReadout.form", "ResolveOverdueGate.form"})
class CampaignLifecycleProcessTest extends ProcessTestSupport {

    private static final EngineTestSupport SUPPORT = new EngineTestSupport();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(SUPPORT.configuration()).assertClassCoverageAtLeast(1.0).build();

    @Override
    protected EngineTestSupport support() {
        return SUPPORT;
    }

    @Override
    protected ProcessEngine processEngine() {
        return extension.getProcessEngine();
    }

    /**
     * Hygiene counts a launch once (daily summaries, V12): an administrator who moves a launched
     * campaign back before its launch with the modification API, after changing the handed-over
     * control group and tracking sign-off through the variables API, launches it again without
     * changing what its first launch recorded.
     */
    @Test
    void aCampaignMovedBackBeforeItsLaunchKeepsItsFirstLaunch() {
        ProcessInstance campaign = start(request());
        String code = campaign.getBusinessKey();
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
        complete(campaign, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        String launch = "SELECT launched_at, control_group_percent, tracking_verified, control_group_tracked"
                + " FROM campaign WHERE business_key = :bk";
        var first = support().jdbc().sql(launch).param("bk", code).query().singleRow();
        Assertions.assertThat(first.values()).doesNotContainNull();

        engine.getRuntimeService().setVariables(campaign.getId(), java.util.Map.of("controlCount", 0L,
                "trackingCodesVerified", false, "controlGroupTracked", false));
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
        engine.getRuntimeService().createProcessInstanceModification(campaign.getId())
                .cancelAllForActivity(CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED)
                .startBeforeActivity(CampaignLifecycleProcess.LAUNCH_CAMPAIGN).execute();

        assertThat(campaign).isWaitingAt(CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED);
        Assertions.assertThat(support().jdbc().sql(launch).param("bk", code).query().singleRow())
                .as("launch time, control share and tracking of the first launch").isEqualTo(first);
    }

    /**
     * The accountable person of a handoff comes from the campaign (its request, else the team
     * lead configured), never from a variable someone put on the gate's task: a gate keeps no
     * variables of its own, and reading through the process spares a task-variable query per gate.
     */
    @Test
    void aVariablePutOnAGateTaskDoesNotChooseTheAccountablePerson() {
        ProcessInstance campaign = start(request());
        String code = campaign.getBusinessKey();
        engine.getTaskService().setVariablesLocal(task(campaign, STRATEGIC_BRIEF).getId(), Map.of("strategyLead", "mallory"));
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        engine.getTaskService().setVariablesLocal(task(campaign, TEST_AND_CONTROL_DESIGN).getId(),
                Map.of("analyticsLead", "mallory"));
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));

        Assertions.assertThat(ledger.handoffs(code)).extracting(HandoffRecord::fromGate, HandoffRecord::accountable)
                .containsExactly(Assertions.tuple("brief", "sara"), Assertions.tuple("test-design", "anna"));
    }

    @Test
    void happyPathRecordsEveryGateHandoffLaunchAndResult() {
        ProcessInstance campaign = start(request());
        String code = campaign.getBusinessKey();
        Assertions.assertThat(code).matches("ACQ-\\d{4}-001");
        assertThat(campaign).isWaitingAt(STRATEGIC_BRIEF).task().hasCandidateGroup("strategy");

        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
        complete(campaign, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        assertThat(campaign).hasPassed(CampaignLifecycleProcess.LAUNCH_CAMPAIGN)
                .isWaitingAt(CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED);
        Assertions.assertThat(ledger.findCampaign(code)).get().extracting(CampaignRecord::outcome).isEqualTo("launched");

        engine.getManagementService().executeJob(job(campaign, CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED).getId());
        complete(campaign, RESULTS_READOUT, "anna", readout(2_700, 225));

        assertThat(campaign).isEnded().hasPassed(CampaignLifecycleProcess.CAMPAIGN_COMPLETED);
        Assertions.assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
                        .decisionDefinitionKey("GateSla").processInstanceId(campaign.getId()).count())
                .as("one SLA evaluation per gate opening, none by the watch").isEqualTo(5);
        Assertions.assertThat(ledger.gateAttempts(code)).extracting(GateAttemptRecord::gate, GateAttemptRecord::attempt,
                        GateAttemptRecord::assignee)
                .containsExactly(Assertions.tuple("brief", 1, "sara"), Assertions.tuple("test-design", 1, "anna"),
                        Assertions.tuple("audience-pull", 1, "eric"), Assertions.tuple("tracking-signoff", 1, "tom"),
                        Assertions.tuple("results-readout", 1, "anna"));
        Assertions.assertThat(ledger.handoffs(code)).extracting(HandoffRecord::fromGate, HandoffRecord::toGate,
                        HandoffRecord::sender, HandoffRecord::receiver, HandoffRecord::decision,
                        HandoffRecord::qualityScore, HandoffRecord::accountable)
                .containsExactly(
                        Assertions.tuple("brief", "test-design", "sara", "anna", "accepted", 4, "sara"),
                        Assertions.tuple("test-design", "audience-pull", "anna", "eric", "accepted", 5, "anna"),
                        Assertions.tuple("audience-pull", "tracking-signoff", "eric", "tom", "accepted", 4, "eric"));
        Assertions.assertThat(senderBreached(code)).as("no gate breached its SLA").containsExactly(false, false, false);
        var result = ledger.findResult(code).orElseThrow();
        Assertions.assertThat(result.testSize()).isEqualTo(45_000);
        Assertions.assertThat(result.controlSize()).isEqualTo(5_000);
        Assertions.assertThat(result.lift()).isCloseTo(0.333, Assertions.within(0.001));
        Assertions.assertThat(result.pValue()).isLessThan(0.001);
        Assertions.assertThat(ledger.findCampaign(code).orElseThrow().outcome()).isEqualTo("completed");
    }

    @Test
    void commentsOnAGateFollowItToItsNextAttemptAndIntoTheTimeline() {
        ProcessInstance campaign = start(request());
        Task first = task(campaign, STRATEGIC_BRIEF);
        engine.getIdentityService().setAuthenticatedUserId("sara");
        try {
            // as the REST API creates it for a task: without naming the process instance
            engine.getTaskService().createComment(first.getId(), null, "Offer still waits for legal *sign-off*");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        Assertions.assertThat(engine.getFormService().getTaskFormVariables(first.getId()))
                .as("the first attempt has no earlier comments").doesNotContainKey("earlierComments");
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "The KPI is not measurable"));

        Task again = task(campaign, STRATEGIC_BRIEF);
        String earlier = (String) engine.getFormService().getTaskFormVariables(again.getId()).get("earlierComments");
        Assertions.assertThat(earlier).startsWith("- attempt 1, sara, ")
                .endsWith(": “Offer still waits for legal \\*sign-off\\*”\n");

        var metrics = new dev.baton.metrics.HandoffMetrics(support().jdbc(), new dev.baton.ledger.LedgerRepository(support().jdbc()),
                new dev.baton.metrics.EngineGateComments(support().jdbc()));
        Assertions.assertThat(metrics.timeline(campaign.getBusinessKey()).orElseThrow().entries())
                .filteredOn(e -> e.kind().equals("comment")).singleElement().satisfies(e -> {
                    Assertions.assertThat(e.gate()).isEqualTo("brief");
                    Assertions.assertThat(e.attempt()).isEqualTo(1);
                    Assertions.assertThat(e.person()).isEqualTo("sara");
                    Assertions.assertThat(e.note()).isEqualTo("Offer still waits for legal *sign-off*");
                });
    }

    @Test
    void aThirdAttemptShowsTheCommentsOfBothEarlierOnesAndNoneOfOtherGates() {
        ProcessInstance campaign = start(request());
        comment("sara", task(campaign, STRATEGIC_BRIEF).getId(), null, "First brief: offer not final");
        comment("pat", null, campaign.getId(), "Budget approved"); // on the campaign, not on a gate
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        comment("anna", task(campaign, TEST_AND_CONTROL_DESIGN).getId(), null, "Design: holdout too small");
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "The KPI is not measurable"));
        Task second = task(campaign, STRATEGIC_BRIEF);
        // as the Java API creates it: naming the process instance too
        comment("sara", second.getId(), campaign.getId(), "Second brief: KPI reworded");
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "Success criteria still vague"));

        Task third = task(campaign, STRATEGIC_BRIEF);
        String earlier = (String) engine.getFormService().getTaskFormVariables(third.getId()).get("earlierComments");
        Assertions.assertThat(earlier.lines().toList()).hasSize(2).satisfiesExactly(
                line -> Assertions.assertThat(line).startsWith("- attempt 1, sara, ").endsWith("“First brief: offer not final”"),
                line -> Assertions.assertThat(line).startsWith("- attempt 2, sara, ").endsWith("“Second brief: KPI reworded”"));
    }

    private void comment(String user, String taskId, String processInstanceId, String text) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().createComment(taskId, processInstanceId, text);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void returnedBriefGoesBackToStrategyAsSecondAttempt() {
        ProcessInstance campaign = start(request());
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "The KPI is not measurable"));

        assertThat(campaign).isWaitingAt(STRATEGIC_BRIEF);
        Task again = task(campaign, STRATEGIC_BRIEF);
        Assertions.assertThat(again.getName()).isEqualTo("Write strategic brief – " + campaign.getBusinessKey() + " Winter welcome acquisition (returned, attempt 2)");
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(again.getId()))
                .as("a gate opening stores no variables").isEmpty();
        Map<String, Object> form = engine.getFormService().getTaskFormVariables(again.getId());
        Assertions.assertThat(form).containsEntry("gateAttempt", 2L).containsEntry("returnedToSender", true)
                .containsEntry("returnedBy", "anna").containsEntry("returnedReason", "The KPI is not measurable")
                .containsEntry("handoffHistory", "- **Write strategic brief → Design test and control group**, pass 1: "
                        + "sent by sara, returned by anna (quality 2/5): “The KPI is not measurable”\n");
        Assertions.assertThat((String) form.get("subjectSummary")).as("labels, a formatted number and a date people read")
                .matches("\\*\\*Acquisition\\*\\* campaign on \\*\\*E-mail\\*\\*, planned launch \\w{3} \\d{1,2} \\w{3} \\d{4}, "
                        + "about \\*\\*\\d{1,3}(,\\d{3})*\\*\\* customers\\.");

        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        assertThat(campaign).isWaitingAt(AUDIENCE_PULL);

        String code = campaign.getBusinessKey();
        Assertions.assertThat(ledger.handoffs(code)).extracting(HandoffRecord::attempt, HandoffRecord::decision,
                        HandoffRecord::returnReason)
                .containsExactly(Assertions.tuple(1, "returned", "The KPI is not measurable"),
                        Assertions.tuple(2, "accepted", null),
                        Assertions.tuple(1, null, null));
        Assertions.assertThat(ledger.gateAttempts(code)).extracting(GateAttemptRecord::gate, GateAttemptRecord::attempt)
                .containsExactly(Assertions.tuple("brief", 1), Assertions.tuple("test-design", 1),
                        Assertions.tuple("brief", 2), Assertions.tuple("test-design", 2),
                        Assertions.tuple("audience-pull", 1));
    }

    @Test
    void aReviewLeftByAnEarlierGateNeverDecidesTheNextOne() {
        ProcessInstance campaign = toAudiencePull(request());
        Assertions.assertThat(engine.getRuntimeService().getVariable(campaign.getId(), "handoffDecision"))
                .as("the design's review stays in the process, as in any Camunda process").isEqualTo("accept");
        Task pull = task(campaign, AUDIENCE_PULL);
        Map<String, Object> form = engine.getFormService().getTaskFormVariables(pull.getId());
        Assertions.assertThat(form).containsEntry("reviewPending", true).containsEntry("handoffDecision", null)
                .containsEntry("handoffQuality", null);

        Map<String, Object> withoutReview = audiencePull(50_000, 5_000);
        withoutReview.remove("handoffDecision");
        withoutReview.remove("handoffQuality");
        assertRefused(() -> complete(campaign, AUDIENCE_PULL, "eric", withoutReview), "handoffDecision: is required");
        Assertions.assertThat(ledger.handoffs(campaign.getBusinessKey())).filteredOn(h -> h.toGate().equals("audience-pull"))
                .singleElement().satisfies(h -> Assertions.assertThat(h.decision()).isNull());
    }

    @Test
    void returnedTestDesignIsReworkedWithoutReviewingTheBriefAgain() {
        ProcessInstance campaign = toAudiencePull(request());
        complete(campaign, AUDIENCE_PULL, "eric", returned(3, "A 10% holdout leaves too few customers per cell"));

        assertThat(campaign).isWaitingAt(TEST_AND_CONTROL_DESIGN);
        Task rework = task(campaign, TEST_AND_CONTROL_DESIGN);
        Assertions.assertThat(engine.getFormService().getTaskFormVariables(rework.getId()))
                .containsEntry("reviewPending", false).containsEntry("returnedToSender", true);
        // no review is due: returning the (already accepted) brief again is refused
        assertRefused(() -> completeTask(rework, "anna", with(testDesign(5), "handoffDecision", "return")),
                "handoffDecision");
        completeTask(rework, "anna", with(with(testDesign(5), "handoffDecision", null), "handoffQuality", null));
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 2_500));
        assertThat(campaign).isWaitingAt(TRACKING_SIGN_OFF);

        Assertions.assertThat(ledger.handoffs(campaign.getBusinessKey()))
                .extracting(HandoffRecord::fromGate, HandoffRecord::attempt, HandoffRecord::decision)
                .containsExactly(Assertions.tuple("brief", 1, "accepted"),
                        Assertions.tuple("test-design", 1, "returned"), Assertions.tuple("test-design", 2, "accepted"),
                        Assertions.tuple("audience-pull", 1, null));
    }

    @Test
    void returnedAudienceGoesBackToExecution() {
        ProcessInstance campaign = toAudiencePull(request());
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
        complete(campaign, TRACKING_SIGN_OFF, "tom", returned(1, "Suppression list is a month old"));

        assertThat(campaign).isWaitingAt(AUDIENCE_PULL);
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(49_000, 4_900));
        complete(campaign, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        assertThat(campaign).isWaitingAt(CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED);
        Assertions.assertThat(ledger.gateAttempts(campaign.getBusinessKey()))
                .filteredOn(a -> a.gate().equals("audience-pull")).hasSize(2);
    }

    @Test
    void everyOverdueGateIsEscalatedToProjectManagersAndStaysOpen() {
        ProcessInstance campaign = start(request());
        String[][] gates = {
                {STRATEGIC_BRIEF, "brief", "strategy", "sara"},
                {TEST_AND_CONTROL_DESIGN, "test-design", "analytics", "anna"},
                {AUDIENCE_PULL, "audience-pull", "execution", "eric"},
                {TRACKING_SIGN_OFF, "tracking-signoff", "analytics", "anna"},
                {RESULTS_READOUT, "results-readout", "analytics", "anna"}};
        List<Map<String, Object>> submissions = List.of(brief(), testDesign(10), audiencePull(50_000, 5_000),
                trackingSignOff(), readout(100, 5));
        String[] workers = {"sara", "anna", "eric", "tom", "anna"};
        for (int i = 0; i < gates.length; i++) {
            if (gates[i][0].equals(RESULTS_READOUT)) {
                engine.getManagementService().executeJob(job(campaign, CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED).getId());
            }
            Task gate = task(campaign, gates[i][0]);
            Assertions.assertThat(ledger.findGateAttempt(gate.getId()).orElseThrow().dueAt().toInstant())
                    .isEqualTo(gate.getDueDate().toInstant());
            Assertions.assertThat(support().slaWatch(engine).sweep()).as("not due yet").isZero();
            Assertions.assertThat(passDueDate(campaign, gates[i][0])).as("one breach raised").isEqualTo(1);
            Assertions.assertThat(support().slaWatch(engine).sweep()).as("and only once").isZero();

            Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId())
                    .taskDefinitionKey(CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE).singleResult();
            assertThat(escalation).hasCandidateGroup("project-managers");
            String gateName = engine.getRepositoryService().getBpmnModelInstance(campaign.getProcessDefinitionId())
                    .getModelElementById(gates[i][0]).getAttributeValue("name");
            Assertions.assertThat(escalation.getName()).isEqualTo("Overdue: " + gateName + " – " + campaign.getBusinessKey() + " Winter welcome acquisition");
            Assertions.assertThat(engine.getTaskService().getVariables(escalation.getId()))
                    .containsEntry("overdueGate", gates[i][1]).containsEntry("overdueTeam", gates[i][2])
                    .containsEntry("overdueAccountable", gates[i][3]).containsEntry("overdueTaskId", gate.getId());
            Assertions.assertThat(ledger.findGateAttempt(gate.getId()).orElseThrow().slaBreachedAt()).isNotNull();
            assertThat(campaign).isWaitingAt(gates[i][0]);

            Assertions.assertThat(openBreachSince(gate.getId())).as("an open breach").isNotNull();
            completeTask(escalation, "pat", Map.of("overdueAction", "chase"));
            completeTask(task(campaign, gates[i][0]), workers[i], submissions.get(i));
            Assertions.assertThat(openBreachSince(gate.getId())).as("handed on: no longer open").isNull();
        }
        assertThat(campaign).isEnded().hasPassed(CampaignLifecycleProcess.OVERDUE_GATE_RESOLVED);
        Assertions.assertThat(ledger.gateAttempts(campaign.getBusinessKey()))
                .allSatisfy(a -> Assertions.assertThat(a.slaBreachedAt()).isNotNull());
        Assertions.assertThat(senderBreached(campaign.getBusinessKey())).as("each handoff carries its sender's breach")
                .containsExactly(true, true, true);
    }

    private static java.time.OffsetDateTime openBreachSince(String taskId) {
        return SUPPORT.jdbc().sql("SELECT open_breach_since FROM gate_attempt WHERE task_id = :task").param("task", taskId)
                .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class)).list().get(0);
    }

    /** The ledger's sender_breached flag of each handoff of the campaign, in sending order. */
    private static List<Boolean> senderBreached(String businessKey) {
        return SUPPORT.jdbc().sql("SELECT sender_breached FROM handoff WHERE business_key = :bk ORDER BY sent_at, id")
                .param("bk", businessKey).query(Boolean.class).list();
    }

    @Test
    void projectManagerRemindsReassignsOrExtendsAnOverdueGate() {
        // remind: one mail event for the team and the accountable person, recorded
        ProcessInstance reminded = overdueDesign();
        completeTask(task(reminded, CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE), "pat", Map.of("overdueAction", "remind"));
        Assertions.assertThat(ledger.escalationActions(reminded.getBusinessKey())).singleElement()
                .satisfies(a -> Assertions.assertThat(List.of(a.action(), a.actor(), a.taskId()))
                        .containsExactly("remind", "pat", task(reminded, TEST_AND_CONTROL_DESIGN).getId()));
        Assertions.assertThat(SUPPORT.jdbc().sql("SELECT parties FROM notification_event WHERE kind = 'GATE_REMINDER' "
                + "AND business_key = :bk").param("bk", reminded.getBusinessKey()).query(String.class).list())
                .singleElement().asString().contains("analytics").contains("anna");
        assertThat(reminded).isWaitingAt(TEST_AND_CONTROL_DESIGN);

        // reassign: only to a member of the gate's team, and not to the brief's sender
        ProcessInstance reassigned = overdueDesign();
        Task escalation = task(reassigned, CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE);
        assertRefused(() -> completeTask(escalation, "pat", Map.of("overdueAction", "reassign", "reassignTo", "eric")),
                "Reassign to: 'eric' is not a member");
        assertRefused(() -> completeTask(escalation, "pat", Map.of("overdueAction", "reassign", "reassignTo", "")),
                "reassignTo: is required");
        Assertions.assertThat(task(reassigned, TEST_AND_CONTROL_DESIGN).getAssignee()).as("refusals change nothing").isNull();
        Assertions.assertThat(ledger.escalationActions(reassigned.getBusinessKey())).isEmpty();
        completeTask(escalation, "pat", Map.of("overdueAction", "reassign", "reassignTo", "tom"));
        Task design = task(reassigned, TEST_AND_CONTROL_DESIGN);
        Assertions.assertThat(design.getAssignee()).isEqualTo("tom");
        Assertions.assertThat(ledger.findGateAttempt(design.getId()).orElseThrow().assignee()).isEqualTo("tom");
        Assertions.assertThat(ledger.escalationActions(reassigned.getBusinessKey())).singleElement()
                .satisfies(a -> Assertions.assertThat(List.of(a.action(), a.assignee())).containsExactly("reassign", "tom"));
        Assertions.assertThat(SUPPORT.jdbc().sql("SELECT parties FROM notification_event WHERE kind = 'GATE_REASSIGNED' "
                + "AND business_key = :bk").param("bk", reassigned.getBusinessKey()).query(String.class).list())
                .as("tom hears the gate is his").singleElement().asString().isEqualTo("tom");

        // extend: a new due day with a reason; the breach stays recorded
        ProcessInstance extended = overdueDesign();
        Task overdue = task(extended, CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE);
        // the engine's clock, which passDueDate moved on
        java.time.LocalDate today = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                .atZone(java.time.ZoneOffset.UTC).toLocalDate();
        String yesterday = today.minusDays(1).toString();
        assertRefused(() -> completeTask(overdue, "pat", Map.of("overdueAction", "extend", "newDueDate", yesterday,
                "extensionReason", "Holiday")), "a day after today expected");
        assertRefused(() -> completeTask(overdue, "pat", Map.of("overdueAction", "extend", "newDueDate", "next week",
                "extensionReason", "Holiday")), "YYYY-MM-DD");
        String day = today.plusDays(5).toString();
        completeTask(overdue, "pat", Map.of("overdueAction", "extend", "newDueDate", day,
                "extensionReason", "Analytics is at the quarterly planning"));
        Task again = task(extended, TEST_AND_CONTROL_DESIGN);
        GateAttemptRecord attempt = ledger.findGateAttempt(again.getId()).orElseThrow();
        Assertions.assertThat(again.getDueDate().toInstant()).isEqualTo(attempt.dueAt().toInstant());
        Assertions.assertThat(attempt.dueAt().toLocalDate().toString()).isEqualTo(day);
        Assertions.assertThat(attempt.slaBreachedAt()).as("the breach stays").isNotNull();
        Assertions.assertThat(ledger.escalationActions(extended.getBusinessKey())).singleElement()
                .satisfies(a -> Assertions.assertThat(a.reason()).isEqualTo("Analytics is at the quarterly planning"));
        Assertions.assertThat(SUPPORT.jdbc().sql("SELECT parties FROM notification_event WHERE kind = 'GATE_DUE_DATE_MOVED' "
                + "AND business_key = :bk").param("bk", extended.getBusinessKey()).query(String.class).list())
                .as("the team and its accountable person hear of the new due date").singleElement().asString()
                .contains("analytics").contains("anna");
        Assertions.assertThat(support().slaWatch(engine).sweep()).as("not again before the new due date").isZero();

        // the new due date passes too: escalated once more, the first breach kept as it was
        Assertions.assertThat(passDueDate(extended, TEST_AND_CONTROL_DESIGN)).as("escalated again").isEqualTo(1);
        Assertions.assertThat(support().slaWatch(engine).sweep()).as("and once only").isZero();
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(extended.getId())
                .taskDefinitionKey(CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE).count()).isEqualTo(1);
        Assertions.assertThat(ledger.findGateAttempt(again.getId()).orElseThrow().slaBreachedAt())
                .isEqualTo(attempt.slaBreachedAt());
    }

    /** A campaign whose test design is overdue, with its escalation open. */
    private ProcessInstance overdueDesign() {
        ProcessInstance campaign = start(request());
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        passDueDate(campaign, TEST_AND_CONTROL_DESIGN);
        return campaign;
    }

    @Test
    void projectManagerCanCancelAnOverdueCampaign() {
        ProcessInstance campaign = start(request());
        passDueDate(campaign, STRATEGIC_BRIEF);
        Task escalation = task(campaign, CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE);
        assertRefused(() -> completeTask(escalation, "pat", Map.of("overdueAction", "cancel")), "cancellationReason");
        assertRefused(() -> completeTask(escalation, "pat", Map.of("overdueAction", "wait")), "overdueAction");

        completeTask(escalation, "pat", Map.of("overdueAction", "cancel", "cancellationReason", "Strategy has no capacity"));

        assertThat(campaign).isEnded().hasPassed(CampaignLifecycleProcess.CAMPAIGN_TERMINATED);
        CampaignRecord record = ledger.findCampaign(campaign.getBusinessKey()).orElseThrow();
        Assertions.assertThat(record.outcome()).isEqualTo("cancelled");
        Assertions.assertThat(record.cancellationReason()).isEqualTo("Strategy has no capacity");
        Assertions.assertThat(ledger.gateAttempts(campaign.getBusinessKey())).singleElement()
                .satisfies(a -> Assertions.assertThat(a.cancelledAt()).isNotNull());
    }

    @Test
    void campaignCanBeCancelledByMessageAtAnyGate() {
        ProcessInstance campaign = toAudiencePull(request());
        engine.getRuntimeService().createMessageCorrelation(CampaignLifecycleProcess.MESSAGE_CANCEL_CAMPAIGN)
                .processInstanceBusinessKey(campaign.getBusinessKey())
                .setVariable("cancellationReason", "Budget moved to Q1").correlate();

        assertThat(campaign).isEnded().hasPassed(CampaignLifecycleProcess.CAMPAIGN_CANCELLED);
        Assertions.assertThat(ledger.findCampaign(campaign.getBusinessKey()).orElseThrow().outcome()).isEqualTo("cancelled");
    }

    @Test
    void fourEyesRuleRefusesTheSenderAsReviewer() {
        ProcessInstance campaign = start(request());
        complete(campaign, STRATEGIC_BRIEF, "max", brief());
        // max is in strategy and analytics: he may work the design, but not review his own brief —
        // not even take it (claim), and not complete it unclaimed either
        Task design = task(campaign, TEST_AND_CONTROL_DESIGN);
        assertThatThrownBy(() -> engine.getTaskService().claim(design.getId(), "max"))
                .isInstanceOf(dev.baton.gate.RefusedRequestException.class).hasMessageContaining("four-eyes");
        Assertions.assertThat(task(campaign, TEST_AND_CONTROL_DESIGN).getAssignee()).as("left unassigned").isNull();
        engine.getIdentityService().setAuthentication("max", List.of("strategy", "analytics"));
        try {
            assertRefused(() -> engine.getTaskService().complete(design.getId(), testDesign(10)), "four-eyes");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(campaign).isWaitingAt(TEST_AND_CONTROL_DESIGN);
        Assertions.assertThat(ledger.handoffs(campaign.getBusinessKey())).singleElement()
                .satisfies(h -> Assertions.assertThat(h.decision()).isNull());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        assertThat(campaign).isWaitingAt(AUDIENCE_PULL);
    }

    @Test
    void unclaimedGateCannotBeCompleted() {
        ProcessInstance campaign = start(request());
        Task brief = task(campaign, STRATEGIC_BRIEF);
        assertRefused(() -> engine.getTaskService().complete(brief.getId(), brief()), "assignee");
    }

    @Test
    void badRequestsAreRefusedAndLeaveNothingBehind() {
        for (Map<String, Object> bad : List.of(with(request(), "campaignName", null),
                with(request(), "campaignName", "x".repeat(121)),
                with(request(), "campaignType", "upsell"),
                with(request(), "channel", "fax"),
                with(request(), "plannedLaunchDate", "2020-01-01"),
                with(request(), "plannedLaunchDate", "next week"),
                with(request(), "estimatedAudienceSize", 0),
                with(request(), "estimatedAudienceSize", "many"))) {
            assertThatThrownBy(() -> start(bad)).isInstanceOf(dev.baton.gate.RefusedRequestException.class);
        }
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        Assertions.assertThat(SUPPORT.jdbc().sql("SELECT COUNT(*) FROM campaign").query(Long.class).single()).isZero();
    }

    @Test
    void givenCampaignCodeMustBeUnique() {
        engine.getRuntimeService().startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, "RET-2026-777", request());
        assertThatThrownBy(() -> engine.getRuntimeService()
                .startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, "RET-2026-777", request()))
                .hasMessageContaining("businessKey").hasMessageContaining("already used");
    }

    @Test
    void eachGateRuleRefusesBadSubmissionsAndChangesNothing() {
        ProcessInstance campaign = start(request());
        assertRefused(() -> complete(campaign, STRATEGIC_BRIEF, "sara", with(brief(), "primaryKpi", " ")), "primaryKpi");
        assertRefused(() -> complete(campaign, STRATEGIC_BRIEF, "sara", with(brief(), "objective", "x".repeat(2001))), "objective");
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());

        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", with(testDesign(10), "handoffDecision", "maybe")), "handoffDecision");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", with(testDesign(10), "handoffQuality", 6)), "handoffQuality");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "")), "returnReason");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(60)), "controlGroupPercent");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(2)), "at least 5%");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", with(testDesign(10), "holdoutMethod", "coin")), "holdoutMethod");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", with(testDesign(10), "testCells", 0)), "testCells");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", with(testDesign(10), "minimumDetectableLiftPercent", 0)), "minimumDetectableLiftPercent");
        assertRefused(() -> complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", with(testDesign(10), "controlGroupPercent", "ten")), "controlGroupPercent");
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));

        assertRefused(() -> complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 2_000)), "5,000 expected (10 % of 50,000 ± 1 point, as the test design asks), 2,000 entered (4.00 %)");
        assertRefused(() -> complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 60_000)), "controlCount");
        assertRefused(() -> complete(campaign, AUDIENCE_PULL, "eric", audiencePull(0, 0)), "audienceCount");
        assertRefused(() -> complete(campaign, AUDIENCE_PULL, "eric", with(audiencePull(50_000, 5_000), "suppressionsApplied", false)), "suppressionsApplied");
        assertRefused(() -> complete(campaign, AUDIENCE_PULL, "eric", with(audiencePull(50_000, 5_000), "audienceQueryRef", null)), "audienceQueryRef");
        complete(campaign, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_400)); // 10.8%: inside the ±1 point tolerance

        assertRefused(() -> complete(campaign, TRACKING_SIGN_OFF, "tom", with(trackingSignOff(), "controlGroupTracked", false)), "controlGroupTracked");
        assertRefused(() -> complete(campaign, TRACKING_SIGN_OFF, "tom", with(trackingSignOff(), "attributionWindowDays", 91)), "attributionWindowDays");
        assertRefused(() -> complete(campaign, TRACKING_SIGN_OFF, "tom", with(trackingSignOff(), "trackingCodesVerified", "yes")), "trackingCodesVerified");
        complete(campaign, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        engine.getManagementService().executeJob(job(campaign, CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED).getId());

        assertRefused(() -> complete(campaign, RESULTS_READOUT, "anna", readout(44_601, 10)), "testConversions");
        assertRefused(() -> complete(campaign, RESULTS_READOUT, "anna", readout(10, 5_401)), "controlConversions");
        assertRefused(() -> complete(campaign, RESULTS_READOUT, "anna", with(readout(10, 5), "nextAction", "pray")), "nextAction");
        complete(campaign, RESULTS_READOUT, "anna", readout(10, 5));
        assertThat(campaign).isEnded();

        // Refused attempts left no trace: one row per gate, each completed once.
        Assertions.assertThat(ledger.gateAttempts(campaign.getBusinessKey())).hasSize(5)
                .allSatisfy(a -> Assertions.assertThat(a.attempt()).isEqualTo(1));
        Assertions.assertThat(ledger.handoffs(campaign.getBusinessKey())).hasSize(3);
    }

    @Test
    void controlExemptionIsAllowedOnlyWherePolicyAllowsIt() {
        // small audiences may run without a control group, with a recorded reason
        ProcessInstance small = start(request("retention", 2_000));
        Assertions.assertThat(engine.getRuntimeService().getVariable(small.getId(), "controlGroupRequired")).isEqualTo(false);
        complete(small, STRATEGIC_BRIEF, "sara", brief());
        assertRefused(() -> complete(small, TEST_AND_CONTROL_DESIGN, "anna", testDesign(0)), "controlExemptionReason");
        complete(small, TEST_AND_CONTROL_DESIGN, "anna",
                with(testDesign(0), "controlExemptionReason", "Only 2,000 VIPs: no readable control group"));
        assertThat(small).isWaitingAt(AUDIENCE_PULL);

        // a large retention campaign needs at least 10%; no exemption is possible
        ProcessInstance large = start(request("retention", 80_000));
        Assertions.assertThat(engine.getRuntimeService().getVariable(large.getId(), "minControlPercent")).isEqualTo(10);
        complete(large, STRATEGIC_BRIEF, "sara", brief());
        assertRefused(() -> complete(large, TEST_AND_CONTROL_DESIGN, "anna",
                with(testDesign(0), "controlExemptionReason", "We are confident")), "no exemption is possible");
        assertRefused(() -> complete(large, TEST_AND_CONTROL_DESIGN, "anna",
                with(testDesign(10), "controlExemptionReason", "Not needed")), "controlExemptionReason");
        complete(large, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        assertThat(large).isWaitingAt(AUDIENCE_PULL);
    }

    // --- helpers ----------------------------------------------------------------------

    private ProcessInstance start(Map<String, Object> request) {
        return engine.getRuntimeService().startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request);
    }

    private ProcessInstance toAudiencePull(Map<String, Object> request) {
        ProcessInstance campaign = start(request);
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        complete(campaign, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        assertThat(campaign).isWaitingAt(AUDIENCE_PULL);
        return campaign;
    }

}
