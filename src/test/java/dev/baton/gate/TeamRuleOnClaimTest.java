package dev.baton.gate;

import static dev.baton.CampaignFixtures.request;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.CampaignFixtures;
import dev.baton.EngineTestSupport;
import dev.baton.ProcessTestSupport;
import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gate can only be held by a member of its team, whoever assigns it and whatever the caller's
 * session believes: the team is the task's candidate groups as they stand, membership as it
 * stands in the identity service. Attacks on the way a claim is checked (in the claim's own ledger
 * statement, or from what the command already holds), each asserting that a refused claim
 * changes neither the task nor the ledger.
 */
@Deployment(resources = {"CampaignLifecycle.bpmn", "CampaignPolicy.dmn", "CampaignRequest.form",
        "StrategicBrief.form", "TestAndControlDesign.form", "AudiencePull.form", "TrackingSignOff.form",
        "ResultsReadout.form", "ResolveOverdueGate.form"})
class TeamRuleOnClaimTest extends ProcessTestSupport {

    private static final EngineTestSupport SUPPORT = new EngineTestSupport();

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(SUPPORT.configuration()).build();

    @Override
    protected EngineTestSupport support() {
        return SUPPORT;
    }

    @Override
    protected ProcessEngine processEngine() {
        return extension.getProcessEngine();
    }

    @Test
    void someoneOutsideTheTeamCannotTakeOrBeGivenTheGate() {
        String brief = openBrief();
        refused(() -> engine.getTaskService().claim(brief, "anna"), "'anna' is not a member of strategy");
        assertUnclaimed(brief);
        engine.getTaskService().claim(brief, "sara");
        assertHeldBy(brief, "sara");
        refused(() -> engine.getTaskService().setAssignee(brief, "eric"), "'eric' is not a member of strategy");
        refused(() -> engine.getTaskService().delegateTask(brief, "anna"), "'anna' is not a member of strategy");
        assertHeldBy(brief, "sara");
        engine.getTaskService().setAssignee(brief, "max");
        assertHeldBy(brief, "max");
    }

    @Test
    void aSessionThatStillNamesAnOldTeamCannotClaimForIt() {
        String brief = openBrief();
        engine.getIdentityService().deleteMembership("sara", "strategy");
        engine.getIdentityService().setAuthentication("sara", List.of("strategy"));
        try {
            refused(() -> engine.getTaskService().claim(brief, "sara"), "'sara' is not a member of strategy");
        } finally {
            engine.getIdentityService().clearAuthentication();
            engine.getIdentityService().createMembership("sara", "strategy");
        }
        assertUnclaimed(brief);
    }

    @Test
    void theTeamIsTheCandidateGroupsAsTheyStandNow() {
        String brief = openBrief();
        engine.getTaskService().deleteCandidateGroup(brief, "strategy");
        engine.getTaskService().addCandidateGroup(brief, "execution");
        refused(() -> engine.getTaskService().claim(brief, "sara"), "'sara' is not a member of execution");
        assertUnclaimed(brief);
        engine.getTaskService().claim(brief, "eric");
        assertHeldBy(brief, "eric");
    }

    @Test
    void candidateGroupsChangedInTheSameCommandAreTheOnesThatCount() {
        String brief = openBrief();
        refused(() -> inOneCommand(brief, "sara"), "'sara' is not a member of execution");
        assertUnclaimed(brief);
        assertThat(engine.getTaskService().getIdentityLinksForTask(brief)).as("rolled back with the refusal")
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("strategy"))
                .noneSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("execution"));
        inOneCommand(brief, "eric");
        assertHeldBy(brief, "eric");
    }

    @Test
    void aGateOfferedToNoTeamMayBeHeldByAnyone() {
        String brief = openBrief();
        engine.getTaskService().deleteCandidateGroup(brief, "strategy");
        engine.getTaskService().claim(brief, "anna");
        assertHeldBy(brief, "anna");
    }

    @Test
    void aGateWithoutItsLedgerRowStillChecksTheTeam() {
        String brief = openBrief();
        support().jdbc().sql("DELETE FROM gate_attempt WHERE task_id = :t").param("t", brief).update();
        refused(() -> engine.getTaskService().claim(brief, "anna"), "'anna' is not a member of strategy");
        assertThat(engine.getTaskService().createTaskQuery().taskId(brief).singleResult().getAssignee()).isNull();
        engine.getTaskService().claim(brief, "sara");
        assertThat(engine.getTaskService().createTaskQuery().taskId(brief).singleResult().getAssignee()).isEqualTo("sara");
    }

    @Test
    void aReviewingGateNamesTheTeamBeforeTheFourEyes() {
        ProcessInstance campaign = start(request());
        complete(campaign, STRATEGIC_BRIEF, "max", CampaignFixtures.brief());
        String design = task(campaign, TEST_AND_CONTROL_DESIGN).getId();
        refused(() -> engine.getTaskService().claim(design, "eric"), "'eric' is not a member of analytics");
        refused(() -> engine.getTaskService().claim(design, "max"), "four-eyes");
        assertUnclaimed(design);
        engine.getTaskService().claim(design, "anna");
        assertHeldBy(design, "anna");
    }

    /** The claim statement itself: recorded for a member of the task's team, for nobody else. */
    @Test
    void theClaimStatementRecordsOnlyAMember() {
        String brief = openBrief();
        var at = java.time.OffsetDateTime.now();
        assertThat(ledger.markClaimed(brief, "anna", at, null, null, true)).isZero();
        assertThat(ledger.markClaimed(brief, "sara", at, null, null, true)).isOne();
        assertThat(ledger.markClaimed(brief, "eric", at, "none", STRATEGIC_BRIEF, true)).isZero();
        assertThat(ledger.markClaimed(brief, "max", at, "none", STRATEGIC_BRIEF, true)).isOne();
    }

    /**
     * The usual claim checks the team in the claim's own statement: no query for the task's
     * identity links or for memberships of its own (H2's statement statistics of this command).
     */
    @Test
    void aMembersClaimAsksNothingButTheClaimStatement() {
        String brief = openBrief();
        support().jdbc().sql("SET QUERY_STATISTICS TRUE").update();
        try {
            support().jdbc().sql("SET QUERY_STATISTICS_MAX_ENTRIES 500").update();
            support().jdbc().sql("SET QUERY_STATISTICS FALSE").update();
            support().jdbc().sql("SET QUERY_STATISTICS TRUE").update(); // starts counting afresh
            engine.getTaskService().claim(brief, "sara");
            List<String> statements = support().jdbc().sql("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
                    .query(String.class).list();
            assertThat(statements).as("the claim statement with the team rule ran")
                    .anyMatch(sql -> sql.contains("UPDATE gate_attempt") && sql.contains("ACT_ID_MEMBERSHIP"));
            assertThat(statements).as("no separate look-up of the task's teams or of sara's memberships")
                    .noneMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).matches("(?s)select.*from act_ru_identitylink.*"))
                    .noneMatch(sql -> sql.contains("ACT_ID_MEMBERSHIP") && !sql.contains("UPDATE gate_attempt"));
        } finally {
            support().jdbc().sql("SET QUERY_STATISTICS FALSE").update();
        }
        assertHeldBy(brief, "sara");
    }

    private String openBrief() {
        return task(start(request()), STRATEGIC_BRIEF).getId();
    }

    private ProcessInstance start(Map<String, Object> request) {
        return engine.getRuntimeService().startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request);
    }

    /** Moves the gate from strategy to execution and assigns it, all in one engine command. */
    private void inOneCommand(String taskId, String assignee) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            task.deleteCandidateGroup("strategy");
            task.addCandidateGroup("execution");
            task.setAssignee(assignee);
            task.triggerUpdateEvent();
            return null;
        });
    }

    private void refused(Runnable claim, String message) {
        var before = snapshot();
        assertThatThrownBy(claim::run).isInstanceOf(RefusedRequestException.class).hasMessageContaining(message);
        assertThat(snapshot()).as("a refused assignment changes nothing").isEqualTo(before);
    }

    private List<Map<String, Object>> snapshot() {
        return support().jdbc().sql("SELECT task_id, assignee, claimed_at FROM gate_attempt ORDER BY task_id")
                .query().listOfRows();
    }

    private void assertUnclaimed(String taskId) {
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(support().jdbc().sql("SELECT assignee FROM gate_attempt WHERE task_id = :t").param("t", taskId)
                .query().singleRow().get("ASSIGNEE")).isNull();
    }

    private void assertHeldBy(String taskId, String user) {
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(user);
        assertThat(support().jdbc().sql("SELECT assignee FROM gate_attempt WHERE task_id = :t").param("t", taskId)
                .query(String.class).single()).isEqualTo(user);
    }
}
