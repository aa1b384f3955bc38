package dev.baton.ledger;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doAnswer;

import dev.baton.campaign.CampaignLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A gate completion that fails after its ledger writes (gate completed, handoff decided) rolls
 * back as a whole: the task stays open and the ledger shows no trace of the attempt.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:rollback;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class GateRollbackTest {

    @MockitoSpyBean
    HandoffLedger ledger;
    @Autowired
    LedgerRepository repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void failureAfterTheLedgerWriteLeavesNeitherEngineStateNorLedgerRow() {
        ProcessInstance campaign = runtime.startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID, request());
        String code = campaign.getBusinessKey();
        complete(campaign, STRATEGIC_BRIEF, "sara", brief());
        Task design = task(campaign, TEST_AND_CONTROL_DESIGN);
        tasks.setAssignee(design.getId(), "anna");

        // the last ledger write of a completion is the next handoff: let it run, then fail
        doAnswer(invocation -> {
            invocation.callRealMethod();
            assertThat(repository.handoffs(code)).as("written inside the transaction").hasSize(2);
            throw new IllegalStateException("injected fault after the ledger write");
        }).when(ledger).handoffSent(anyString(), anyString(), anyString(), anyString(), anyString(), anyString(), anyString(),
                any());
        long notificationsBefore = notifications();
        assertThatThrownBy(() -> tasks.complete(design.getId(), testDesign(10)))
                .hasRootCauseMessage("injected fault after the ledger write");

        assertThat(task(campaign, TEST_AND_CONTROL_DESIGN).getId()).isEqualTo(design.getId());
        assertThat(notifications()).as("a rolled-back completion notifies nobody").isEqualTo(notificationsBefore);
        assertThat(runtime.getVariable(campaign.getId(), "controlGroupPercent")).isNull();
        assertThat(repository.findGateAttempt(design.getId())).get()
                .satisfies(a -> assertThat(a.completedAt()).isNull());
        assertThat(repository.handoffs(code)).singleElement().satisfies(h -> {
            assertThat(h.decision()).isNull();
            assertThat(h.receiver()).isNull();
        });

        // once the fault is gone, the same completion records exactly one of each row
        doCallRealMethod().when(ledger)
                .handoffSent(anyString(), anyString(), anyString(), anyString(), anyString(), anyString(), anyString(), any());
        tasks.complete(design.getId(), testDesign(10));
        assertThat(repository.handoffs(code)).extracting(HandoffRecord::fromGate, HandoffRecord::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("brief", "accepted"),
                        org.assertj.core.groups.Tuple.tuple("test-design", null));
        assertThat(repository.gateAttempts(code)).filteredOn(a -> a.completedAt() != null).hasSize(2);
    }

    private long notifications() {
        return jdbc.sql("SELECT COUNT(*) FROM notification").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM notification_event").query(Long.class).single();
    }

    private Task task(ProcessInstance campaign, String key) {
        return tasks.createTaskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(key).singleResult();
    }

    private void complete(ProcessInstance campaign, String key, String user, java.util.Map<String, Object> values) {
        Task task = task(campaign, key);
        tasks.setAssignee(task.getId(), user);
        tasks.complete(task.getId(), values);
    }
}
