package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.EngineTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractUserTaskBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user task with gate properties becomes a gate at deployment; a gate that could not be recorded is refused. */
class GateParseListenerTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new EngineTestSupport().configuration().buildProcessEngine();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void aGateWithoutATeamIsRefusedSayingWhatIsMissing() {
        assertThatThrownBy(() -> deploy(model("legal-review", null, null, null)))
                .hasMessageContaining("Gate 'legal-review' (UserTask_Review) declares no baton.team property");
    }

    @Test
    void aGateReceivingFromAnUnknownGateIsRefused() {
        assertThatThrownBy(() -> deploy(model("legal-review", "legal", "drafting", null)))
                .hasMessageContaining("receives from 'drafting', which is no gate");
    }

    @Test
    void aGateOfferedToAnotherGroupThanItsTeamIsRefused() {
        var start = Bpmn.createExecutableProcess("GateModel" + System.nanoTime()).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started");
        var task = gate(start.userTask("UserTask_Review").camundaCandidateGroups("analytics").camundaFormRef("Review").camundaFormRefBinding("deployment"),
                "legal-review", "legal", null);
        assertThatThrownBy(() -> deploy(task.endEvent("EndEvent_Done").done()))
                .hasMessageContaining("Gate 'legal-review' (UserTask_Review) is worked by team 'legal' but offered to "
                        + "the candidate group 'analytics'");
    }

    @Test
    void aGateWithoutAFormIsRefused() {
        var start = Bpmn.createExecutableProcess("GateModel" + System.nanoTime()).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started");
        var task = gate(start.userTask("UserTask_Review").camundaCandidateGroups("legal"), "legal-review", "legal", null);
        assertThatThrownBy(() -> deploy(task.endEvent("EndEvent_Done").done()))
                .hasMessageContaining("Gate 'legal-review' (UserTask_Review) has no form");
    }

    @Test
    void propertiesAloneMakeAGateWithItsListenersAndItsReceiver() {
        String id = deploy(model("legal-review", "legal", null, "draft"));
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ProcessDefinitionEntity definition = configuration.getCommandExecutorTxRequired()
                .execute(context -> configuration.getDeploymentCache().findDeployedProcessDefinitionById(id));
        var sender = definition.findActivity("UserTask_Draft");
        GateDefinition gate = GateParseListener.gateOf(sender);
        assertThat(gate.key()).isEqualTo("draft");
        assertThat(((GateDefinition) sender.getProperty(GateParseListener.RECEIVER)).key()).isEqualTo("legal-review");
        var listeners = ((UserTaskActivityBehavior) sender.getActivityBehavior()).getTaskDefinition().getBuiltinTaskListeners();
        for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE}) {
            assertThat(listeners.get(event)).as(event).anyMatch(l -> l instanceof GateListener);
        }
        assertThat(GateParseListener.gateOf(definition.findActivity("UserTask_Review")).receivesFrom()).isEqualTo("draft");
    }

    private static String deploy(BpmnModelInstance model) {
        String deployment = engine.getRepositoryService().createDeployment().addModelInstance("Gates.bpmn", model).deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
    }

    /** A draft gate (when draftKey is set) handing to a review gate. */
    private static BpmnModelInstance model(String reviewKey, String team, String receivesFrom, String draftKey) {
        var start = Bpmn.createExecutableProcess("GateModel" + System.nanoTime()).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started");
        UserTaskBuilder review;
        if (draftKey != null) {
            UserTaskBuilder draft = gate(start.userTask("UserTask_Draft").camundaCandidateGroups("legal").camundaFormRef("Draft").camundaFormRefBinding("deployment"), draftKey, team, null);
            review = gate(draft.userTask("UserTask_Review").camundaCandidateGroups("legal").camundaFormRef("Review").camundaFormRefBinding("deployment"), reviewKey, team, draftKey);
        } else {
            review = gate(start.userTask("UserTask_Review").camundaCandidateGroups("legal").camundaFormRef("Review").camundaFormRefBinding("deployment"), reviewKey, team, receivesFrom);
        }
        return review.endEvent("EndEvent_Done").done();
    }

    private static UserTaskBuilder gate(UserTaskBuilder task, String key, String team, String receivesFrom) {
        CamundaProperties properties = task.getElement().getModelInstance().newInstance(CamundaProperties.class);
        properties.getCamundaProperties().add(property(task, "baton.gate", key));
        if (team != null) {
            properties.getCamundaProperties().add(property(task, "baton.team", team));
        }
        if (receivesFrom != null) {
            properties.getCamundaProperties().add(property(task, "baton.receivesFrom", receivesFrom));
        }
        return task.addExtensionElement(properties);
    }

    private static CamundaProperty property(AbstractUserTaskBuilder<?> task, String name, String value) {
        CamundaProperty property = task.getElement().getModelInstance().newInstance(CamundaProperty.class);
        property.setCamundaName(name);
        property.setCamundaValue(value);
        return property;
    }
}
