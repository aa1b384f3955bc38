package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.EngineTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gate that would not be recorded in the ledger is refused at deployment. */
class GateDeclarationCheckTest {

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
    void gateWithoutListenersIsRefusedWithAMessageThatSaysWhatToAdd() {
        BpmnModelInstance model = gateModel(false);
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addModelInstance("BrokenGate.bpmn", model).deploy())
                .hasMessageContaining("Gate 'legal-review' (UserTask_LegalReview) is not recorded in the ledger")
                .hasMessageContaining("${gateListener}")
                .hasMessageContaining("[assignment, complete, create, delete]");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero();
    }

    @Test
    void gateWithItsListenersDeploys() {
        engine.getRepositoryService().createDeployment().addModelInstance("GoodGate.bpmn", gateModel(true)).deploy();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("GateModel").count())
                .isEqualTo(1);
    }

    private static BpmnModelInstance gateModel(boolean withListeners) {
        UserTaskBuilder task = Bpmn.createExecutableProcess("GateModel").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("UserTask_LegalReview").camundaCandidateGroups("legal");
        CamundaProperties properties = task.getElement().getModelInstance().newInstance(CamundaProperties.class);
        properties.getCamundaProperties().add(property(task, "baton.gate", "legal-review"));
        properties.getCamundaProperties().add(property(task, "baton.team", "legal"));
        task = task.addExtensionElement(properties);
        if (withListeners) {
            for (String event : GateDeclarationCheck.GATE_EVENTS) {
                task = task.camundaTaskListenerDelegateExpression(event, GateDeclarationCheck.GATE_LISTENER);
            }
        }
        return task.endEvent("EndEvent_Done").done();
    }

    private static CamundaProperty property(UserTaskBuilder task, String name, String value) {
        CamundaProperty property = task.getElement().getModelInstance().newInstance(CamundaProperty.class);
        property.setCamundaName(name);
        property.setCamundaValue(value);
        return property;
    }
}
