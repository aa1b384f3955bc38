package dev.baton.ledger;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.EngineTestSupport;
import dev.baton.ProcessTestSupport;
import dev.baton.campaign.CampaignLifecycleProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history level "ledger": claims of running tasks live in the ledger only; a task's history is
 * written when it starts (with its name and due date) and when it ends (with its final assignee),
 * and process, activity and variable history are kept as in audit.
 */
@Deployment(resources = {"CampaignLifecycle.bpmn", "CampaignPolicy.dmn", "CampaignRequest.form",
        "StrategicBrief.form", "TestAndControlDesign.form", "AudiencePull.form", "TrackingSignOff.form",
        "ResultsReadout.form", "ResolveOverdueGate.form"})
class LedgerHistoryLevelTest extends ProcessTestSupport {

    private static final EngineTestSupport SUPPORT = new EngineTestSupport();

    static {
        SUPPORT.configuration().setHistory(LedgerHistoryLevel.NAME);
        SUPPORT.configuration().getProcessEnginePlugins().add(new LedgerHistoryPlugin());
    }

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
    void claimsLiveInTheLedgerAndTheRestOfHistoryAsInAudit() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getId())
                .isEqualTo(LedgerHistoryLevel.ID);
        ProcessInstance campaign = engine.getRuntimeService().startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        Task gate = task(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF);
        HistoricTaskInstance opened = historicTask(gate.getId());
        assertThat(opened.getName()).as("what the gate's create listener set").isEqualTo(gate.getName())
                .contains("Winter welcome acquisition");
        assertThat(opened.getDueDate()).isEqualTo(gate.getDueDate());

        engine.getTaskService().setAssignee(gate.getId(), "sara");
        assertThat(historicTask(gate.getId()).getAssignee()).as("a claim is not written to history").isNull();
        assertThat(historicActivity(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF).getAssignee()).isNull();
        assertThat(ledger.findGateAttempt(gate.getId())).get().satisfies(a -> {
            assertThat(a.assignee()).isEqualTo("sara");
            assertThat(a.claimedAt()).isNotNull();
        });

        engine.getTaskService().complete(gate.getId(), brief());
        HistoricTaskInstance done = historicTask(gate.getId());
        assertThat(done.getAssignee()).as("the end writes the final state").isEqualTo("sara");
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDurationInMillis()).isNotNull();
        HistoricActivityInstance activity = historicActivity(campaign, CampaignLifecycleProcess.STRATEGIC_BRIEF);
        assertThat(activity.getEndTime()).isNotNull();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(campaign.getId())
                .variableName("objective").singleResult().getValue()).isEqualTo(brief().get("objective"));
        assertThat(engine.getHistoryService().createHistoricDetailQuery().count()).as("no variable changes, as in audit").isZero();
    }

    private HistoricTaskInstance historicTask(String id) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(id).singleResult();
    }

    private HistoricActivityInstance historicActivity(ProcessInstance campaign, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(campaign.getId())
                .activityId(activityId).singleResult();
    }
}
