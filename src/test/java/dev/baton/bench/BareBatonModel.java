package dev.baton.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Baton's campaign lifecycle as a bare Camunda user would run it: the same BPMN (gateways, the
 * control group policy decision, the measurement timer, the event subprocesses, candidate groups)
 * with every piece of Baton taken out — no gate properties (so no gate behaviour, ledger,
 * validation or notifications), no listeners, no forms, service tasks that do nothing, and the
 * measurement timer on a fixed 30 days instead of the date Baton's launch computes. It shows how
 * much of Baton's cost is the engine running this model and how much is Baton's own code.
 */
final class BareBatonModel {

    static final String PROCESS_ID = "BatonModelBare";
    static final String DECISIONS = "CampaignPolicy.dmn";
    private static final String MODEL = "CampaignLifecycle.bpmn";

    private BareBatonModel() {
    }

    static BpmnModelInstance model() {
        BpmnModelInstance model;
        try (InputStream in = BareBatonModel.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL + " is not on the class path");
            }
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(PROCESS_ID);
        process.setName("Baton's campaign lifecycle without Baton (benchmark)");
        List<ModelElementInstance> baton = new ArrayList<>();
        baton.addAll(model.getModelElementsByType(CamundaProperties.class));
        baton.addAll(model.getModelElementsByType(CamundaTaskListener.class));
        baton.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
        for (ModelElementInstance element : baton) {
            element.getParentElement().removeChildElement(element);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            start.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            start.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
            task.setCamundaExpression("${true}");
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            if (timer.getTimeDate() != null) {
                timer.removeChildElement(timer.getTimeDate());
                TimeDuration duration = model.newInstance(TimeDuration.class);
                duration.setTextContent("P30D");
                timer.setTimeDuration(duration);
            }
        }
        for (ExtensionElements empty : new ArrayList<>(model.getModelElementsByType(ExtensionElements.class))) {
            if (empty.getElements().isEmpty()) {
                empty.getParentElement().removeChildElement(empty);
            }
        }
        Bpmn.validateModel(model);
        return model;
    }
}
