package dev.baton.campaign;

import static dev.baton.CampaignFixtures.audienceRules;
import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.review;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;
import static dev.baton.CampaignFixtures.with;
import static dev.baton.campaign.AutomatedCampaignLifecycleProcess.AUDIENCE_RULES;
import static dev.baton.campaign.AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW;
import static dev.baton.campaign.AutomatedCampaignLifecycleProcess.REVIEW_DUE;
import static dev.baton.campaign.AutomatedCampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.AutomatedCampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static dev.baton.campaign.AutomatedCampaignLifecycleProcess.TRACKING_SIGN_OFF;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.baton.EngineTestSupport;
import dev.baton.ProcessTestSupport;
import dev.baton.ledger.GateAttemptRecord;
import dev.baton.ledger.HandoffRecord;
import dev.baton.ledger.ProgramReviewRecord;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of bpmn/AutomatedCampaignLifecycle.bpmn, at 100% flow node and sequence flow coverage. */
@Deployment(resources = {"AutomatedCampaignLifecycle.bpmn", "CampaignLifecycle.bpmn", "CampaignPolicy.dmn",
        "ProgramRequest.form", "CampaignRequest.form", "StrategicBrief.form", "TestAndControlDesign.form",
        "AudienceRules.form", "AudiencePull.form", "TrackingSignOff.form", "ResultsReadout.form",
        "OptimizationReview.form", "ResolveOverdueGate.form"})
class AutomatedCampaignLifecycleProcessTest extends ProcessTestSupport {

    private static final EngineTestSupport SUPPORT = new EngineTestSupport();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
            .builder(SUPPORT.configuration()).assertClassCoverageAtLeast(1.0)
            .excludeProcessDefinitionKeys("CampaignLifecycle").build();


    @Override
    protected EngineTestSupport support() {
        return SUPPORT;
    }

    @Override
    protected ProcessEngine processEngine() {
        return extension.getProcessEngine();
    }

    @Test
    void programGoesLiveIsReviewedKeptIteratedAndRetired() {
        ProcessInstance program = live(with(request("retention", 80_000), "reviewCycleWeeks", 4L));
        String code = program.getBusinessKey();
        Job reviewTimer = job(program, REVIEW_DUE);
        Assertions.assertThat(reviewTimer.getDuedate()).isCloseTo(Date.from(java.time.Instant.now().plus(Duration.ofDays(28))), 60_000);
        Assertions.assertThat(ledger.findCampaign(code).orElseThrow().outcome()).isEqualTo("launched");

        reviewCycle(program, review("keep", 6));
        engine.getManagementService().executeJob(job(program, REVIEW_DUE).getId());
        Assertions.assertThat(engine.getRuntimeService().getVariables(program.getId()))
                .as("the next review starts blank").doesNotContainKeys("activeBase", "optimizationDecision", "learnings")
                .containsEntry("reviewCycleWeeks", 6L);
        completeTask(task(program, OPTIMIZATION_REVIEW), "olivia", review("keep", 6));
        Assertions.assertThat(job(program, REVIEW_DUE).getDuedate())
                .isCloseTo(Date.from(java.time.Instant.now().plus(Duration.ofDays(42))), 60_000);
        reviewCycle(program, review("iterate", 4));
        // a new test cell goes through the test design and the following gates, without reviewing the brief again
        assertThat(program).isWaitingAt(TEST_AND_CONTROL_DESIGN);
        Assertions.assertThat(engine.getFormService().getTaskFormVariables(task(program, TEST_AND_CONTROL_DESIGN).getId()))
                .containsEntry("reviewPending", false);
        complete(program, TEST_AND_CONTROL_DESIGN, "anna", with(with(testDesign(10), "handoffDecision", null), "handoffQuality", null));
        complete(program, AUDIENCE_RULES, "eric", audienceRules());
        complete(program, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        reviewCycle(program, review("retire", 4));

        assertThat(program).isEnded().hasPassed(AutomatedCampaignLifecycleProcess.PROGRAM_RETIRED);
        Assertions.assertThat(ledger.programReviews(code)).extracting(ProgramReviewRecord::reviewNumber,
                        ProgramReviewRecord::decision, ProgramReviewRecord::reviewer, ProgramReviewRecord::reviewCycleWeeks)
                .containsExactly(Assertions.tuple(1, "keep", "olivia", 6), Assertions.tuple(2, "keep", "olivia", 6),
                        Assertions.tuple(3, "iterate", "olivia", 4), Assertions.tuple(4, "retire", "olivia", 4));
        ProgramReviewRecord first = ledger.programReviews(code).get(0);
        Assertions.assertThat(first.activeRate()).isCloseTo(0.7, Assertions.within(1e-9));
        Assertions.assertThat(first.holdoutActiveRate()).isCloseTo(0.6, Assertions.within(1e-9));
        Assertions.assertThat(first.activeLift()).isCloseTo(1.0 / 6, Assertions.within(1e-9));
        Assertions.assertThat(ledger.findCampaign(code).orElseThrow().outcome()).isEqualTo("completed");
        Assertions.assertThat(ledger.gateAttempts(code)).extracting(GateAttemptRecord::gate, GateAttemptRecord::attempt)
                .containsExactly(Assertions.tuple("brief", 1), Assertions.tuple("test-design", 1),
                        Assertions.tuple("audience-rules", 1), Assertions.tuple("tracking-signoff", 1),
                        Assertions.tuple("test-design", 2), Assertions.tuple("audience-rules", 2),
                        Assertions.tuple("tracking-signoff", 2));
    }

    @Test
    void everyReceivingGateCanReturnTheBaton() {
        ProcessInstance program = start(request("winback", 30_000));
        complete(program, STRATEGIC_BRIEF, "sara", brief());
        complete(program, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "Which lapse definition?"));
        complete(program, STRATEGIC_BRIEF, "sara", brief());
        complete(program, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        complete(program, AUDIENCE_RULES, "eric", returned(3, "A 10% holdout is too small per trigger"));
        complete(program, TEST_AND_CONTROL_DESIGN, "anna", with(with(testDesign(15), "handoffDecision", null), "handoffQuality", null));
        complete(program, AUDIENCE_RULES, "eric", audienceRules());
        complete(program, TRACKING_SIGN_OFF, "tom", returned(2, "Trigger events are not tracked yet"));
        complete(program, AUDIENCE_RULES, "eric", audienceRules());
        complete(program, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        assertThat(program).isWaitingAt(AutomatedCampaignLifecycleProcess.NEXT_CYCLE);
        Assertions.assertThat(ledger.handoffs(program.getBusinessKey())).extracting(HandoffRecord::fromGate,
                        HandoffRecord::decision)
                .containsExactly(Assertions.tuple("brief", "returned"), Assertions.tuple("brief", "accepted"),
                        Assertions.tuple("test-design", "returned"), Assertions.tuple("test-design", "accepted"),
                        Assertions.tuple("audience-rules", "returned"), Assertions.tuple("audience-rules", "accepted"));
    }

    @Test
    void programCanBePausedAndResumed() {
        ProcessInstance program = live(request("acquisition", 50_000));
        engine.getRuntimeService().createMessageCorrelation(AutomatedCampaignLifecycleProcess.MESSAGE_PAUSE)
                .processInstanceBusinessKey(program.getBusinessKey()).correlate();
        assertThat(program).isWaitingAt(AutomatedCampaignLifecycleProcess.RESUME_REQUESTED);
        Assertions.assertThat(job(program, REVIEW_DUE)).as("no review while paused").isNull();
        Assertions.assertThat(ledger.findCampaign(program.getBusinessKey())).isPresent();
        Assertions.assertThat(pausedAt(program)).isNotNull();

        engine.getRuntimeService().createMessageCorrelation(AutomatedCampaignLifecycleProcess.MESSAGE_RESUME)
                .processInstanceBusinessKey(program.getBusinessKey()).correlate();
        assertThat(program).isWaitingAt(AutomatedCampaignLifecycleProcess.NEXT_CYCLE);
        Assertions.assertThat(pausedAt(program)).isNull();
    }

    @Test
    void everyOverdueSetupGateIsEscalatedAndCanCancelTheProgram() {
        ProcessInstance program = start(request("retention", 80_000));
        String[] gates = {STRATEGIC_BRIEF, TEST_AND_CONTROL_DESIGN, AUDIENCE_RULES, TRACKING_SIGN_OFF};
        var submissions = java.util.List.of(brief(), testDesign(10), audienceRules(), trackingSignOff());
        String[] workers = {"sara", "anna", "eric", "tom"};
        for (int i = 0; i < gates.length; i++) {
            Assertions.assertThat(passDueDate(program, gates[i])).isEqualTo(1);
            Task escalation = task(program, AutomatedCampaignLifecycleProcess.RESOLVE_OVERDUE_GATE);
            assertThat(escalation).hasCandidateGroup("project-managers");
            completeTask(escalation, "pat", Map.of("overdueAction", "chase"));
            complete(program, gates[i], workers[i], submissions.get(i));
        }
        assertThat(program).isWaitingAt(AutomatedCampaignLifecycleProcess.NEXT_CYCLE).hasPassed(AutomatedCampaignLifecycleProcess.OVERDUE_GATE_RESOLVED);

        ProcessInstance cancelled = start(request("retention", 80_000));
        passDueDate(cancelled, STRATEGIC_BRIEF);
        completeTask(task(cancelled, AutomatedCampaignLifecycleProcess.RESOLVE_OVERDUE_GATE), "pat",
                Map.of("overdueAction", "cancel", "cancellationReason", "Superseded by the loyalty app"));
        assertThat(cancelled).isEnded().hasPassed(AutomatedCampaignLifecycleProcess.PROGRAM_TERMINATED);
        Assertions.assertThat(ledger.findCampaign(cancelled.getBusinessKey()).orElseThrow().outcome()).isEqualTo("cancelled");
    }

    @Test
    void badReviewsAndRulesAreRefused() {
        ProcessInstance program = start(with(request("retention", 80_000), "reviewCycleWeeks", 0L), true);
        Assertions.assertThat(program).as("a cycle of 0 weeks is refused").isNull();
        program = live(request("retention", 80_000));
        engine.getManagementService().executeJob(job(program, REVIEW_DUE).getId());
        ProcessInstance p = program;
        assertRefused(() -> complete(p, OPTIMIZATION_REVIEW, "olivia", with(review("keep", 4), "optimizationDecision", "pause")), "optimizationDecision");
        assertRefused(() -> complete(p, OPTIMIZATION_REVIEW, "olivia", with(review("keep", 4), "activeBase", 9_001L)), "activeBase");
        assertRefused(() -> complete(p, OPTIMIZATION_REVIEW, "olivia", with(review("keep", 4), "holdoutLapsed", 1_001L)), "holdoutLapsed");
        assertRefused(() -> complete(p, OPTIMIZATION_REVIEW, "olivia", with(review("keep", 4), "reviewCycleWeeks", 53L)), "reviewCycleWeeks");
        assertRefused(() -> complete(p, OPTIMIZATION_REVIEW, "olivia", with(review("keep", 4), "learnings", " ")), "learnings");
        Assertions.assertThat(ledger.programReviews(program.getBusinessKey())).isEmpty();

        ProcessInstance rules = start(request("retention", 80_000));
        complete(rules, STRATEGIC_BRIEF, "sara", brief());
        complete(rules, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        assertRefused(() -> complete(rules, AUDIENCE_RULES, "eric", with(audienceRules(), "holdoutAssignmentRule", null)), "holdoutAssignmentRule");
        assertRefused(() -> complete(rules, AUDIENCE_RULES, "eric", with(audienceRules(), "suppressionsApplied", false)), "suppressionsApplied");
    }

    @Test
    void theNextBriefOfTheSameTypeShowsWhatWasLearnt() {
        ProcessInstance program = live(request("retention", 80_000));
        reviewCycle(program, with(review("keep", 4), "learnings", "Push at 7 pm beats morning sends"));
        ProcessInstance next = start(request("retention", 60_000));
        Assertions.assertThat((String) engine.getFormService().getTaskFormVariables(task(next, STRATEGIC_BRIEF).getId()).get("recentLearnings"))
                .contains("Push at 7 pm beats morning sends").contains("Winter welcome retention");
        ProcessInstance other = start(request("acquisition", 60_000));
        Assertions.assertThat((String) engine.getFormService().getTaskFormVariables(task(other, STRATEGIC_BRIEF).getId()).get("recentLearnings"))
                .as("only learnings of the same type").isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------

    private ProcessInstance live(Map<String, Object> request) {
        ProcessInstance program = start(request);
        complete(program, STRATEGIC_BRIEF, "sara", brief());
        complete(program, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        complete(program, AUDIENCE_RULES, "eric", audienceRules());
        complete(program, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        assertThat(program).hasPassed(AutomatedCampaignLifecycleProcess.GO_LIVE).isWaitingAt(AutomatedCampaignLifecycleProcess.NEXT_CYCLE);
        return program;
    }

    private void reviewCycle(ProcessInstance program, Map<String, Object> values) {
        engine.getManagementService().executeJob(job(program, REVIEW_DUE).getId());
        Task review = task(program, OPTIMIZATION_REVIEW);
        assertThat(review).hasCandidateGroup("optimization");
        completeTask(review, "olivia", values);
    }

    private ProcessInstance start(Map<String, Object> request) {
        return engine.getRuntimeService().startProcessInstanceByKey(AutomatedCampaignLifecycleProcess.PROCESS_ID, request);
    }

    private ProcessInstance start(Map<String, Object> request, boolean expectRefusal) {
        try {
            return start(request);
        } catch (dev.baton.gate.RefusedRequestException e) {
            Assertions.assertThat(e.getMessage()).contains("reviewCycleWeeks");
            return null;
        }
    }

    private Object pausedAt(ProcessInstance program) {
        return SUPPORT.jdbc().sql("SELECT paused_at FROM campaign WHERE business_key = :bk")
                .param("bk", program.getBusinessKey())
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
    }





}
