package dev.baton.gate;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, a gate that would go unrecorded: a user task with a
 * {@code baton.gate} property must declare {@code ${gateListener}} for create, assignment,
 * complete and delete, and a team. Camunda Modeler's element templates cannot add task
 * listeners, so a gate made from the template is caught here rather than in the ledger.
 */
public class GateDeclarationCheck extends AbstractBpmnParseListener {

    static final String GATE_LISTENER = "${gateListener}";
    static final List<String> GATE_EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String gate = property(element, GateDefinition.PROPERTY_GATE);
        if (gate == null) {
            return;
        }
        if (property(element, GateDefinition.PROPERTY_TEAM) == null) {
            throw new BpmnParseException("Gate '" + gate + "' (" + activity.getId() + ") declares no "
                    + GateDefinition.PROPERTY_TEAM + " property", element);
        }
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        Set<String> missing = new TreeSet<>();
        for (String event : GATE_EVENTS) {
            List<TaskListener> listeners = definition.getTaskListenersForEvent(event);
            boolean declared = listeners != null && listeners.stream()
                    .anyMatch(l -> l instanceof DelegateExpressionTaskListener d && GATE_LISTENER.equals(d.getExpressionText()));
            if (!declared) {
                missing.add(event);
            }
        }
        if (!missing.isEmpty()) {
            throw new BpmnParseException("Gate '" + gate + "' (" + activity.getId() + ") is not recorded in the ledger: "
                    + "add the task listener " + GATE_LISTENER + " (delegate expression) for the events " + missing, element);
        }
    }

    private static String property(Element task, String name) {
        Element extensions = task.element("extensionElements");
        Element properties = extensions == null ? null : extensions.element("properties");
        if (properties == null) {
            return null;
        }
        return properties.elements("property").stream()
                .filter(p -> name.equals(p.attribute("name")))
                .map(p -> p.attribute("value"))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }
}
