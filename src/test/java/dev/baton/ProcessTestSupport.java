package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ledger.LedgerRepository;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import dev.baton.setup.DemoUsers;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the engine tests of both lifecycles share: an empty ledger and Baton's beans before each
 * test, the clock and the thread-local Mocks reset after it, and task, job and completion
 * helpers. Each subclass registers its own coverage extension (coverage is per class).
 */
public abstract class ProcessTestSupport {

    protected ProcessEngine engine;
    protected LedgerRepository ledger;

    protected abstract EngineTestSupport support();

    protected abstract ProcessEngine processEngine();

    @BeforeEach
    void initEngineAndLedger() {
        engine = processEngine();
        BpmnAwareTests.init(engine);
        support().clearLedger();
        ledger = support().registerBeans();
        teamsAndUsers(engine.getIdentityService());
    }

    /** The demo teams and users: a gate can only be held by a member of its team. */
    private static void teamsAndUsers(org.camunda.bpm.engine.IdentityService identity) {
        DemoUsers.USERS.stream().flatMap(u -> u.groups().stream()).distinct()
                .filter(g -> identity.createGroupQuery().groupId(g).count() == 0)
                .forEach(g -> identity.saveGroup(identity.newGroup(g)));
        DemoUsers.create(identity, u -> u.id() + "#Engine-Test-1");
    }

    @AfterEach
    void resetClockAndBeans() {
        ClockUtil.reset();
        // Mocks are thread-local and would shadow the Spring beans of later tests on this thread
        Mocks.reset();
    }

    protected Task task(ProcessInstance instance, String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(activityId).singleResult();
    }

    protected Job job(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
    }

    /**
     * Time passes the gate's due date and the SLA watch sweeps, as it does every minute; returns
     * how many breaches that sweep raised.
     */
    protected int passDueDate(ProcessInstance instance, String gateActivityId) {
        Task gate = task(instance, gateActivityId);
        ClockUtil.setCurrentTime(new java.util.Date(gate.getDueDate().getTime() + 60_000));
        return support().slaWatch(engine).sweep();
    }

    protected void complete(ProcessInstance instance, String activityId, String user, Map<String, Object> values) {
        completeTask(task(instance, activityId), user, values);
    }

    protected void completeTask(Task task, String user, Map<String, Object> values) {
        engine.getTaskService().setAssignee(task.getId(), user);
        engine.getTaskService().complete(task.getId(), values);
    }

    protected void assertRefused(Runnable submission, String messagePart) {
        // people read "label: rule"; the refusal inside keeps "field: rule" for logs and the Java API
        assertThatThrownBy(submission::run).isInstanceOf(FormFieldValidationException.class)
                .satisfies(e -> assertThat(e.getMessage() + " | " + e.getCause().getMessage()).contains(messagePart));
    }
}
