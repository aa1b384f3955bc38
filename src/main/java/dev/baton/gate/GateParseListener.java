package dev.baton.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Makes a gate out of every user task that declares a {@code baton.gate} property: the gate's
 * definition is read once, at deployment, and kept on the activity, and the gate's behaviour is
 * attached as built-in task listeners (create, assignment, complete, delete), which skipping
 * custom listeners cannot skip. Models carry no listener wiring. A gate without a team or a form,
 * offered to another group than its team, or receiving from no gate of its process is refused at
 * deployment, naming what is wrong.
 */
public class GateParseListener extends AbstractBpmnParseListener {

    /** The gate declared on an activity, and the gate that receives its handoff. */
    public static final String GATE = "baton.gate";
    public static final String RECEIVER = "baton.receiver";

    private final TaskListener gateListener;
    /** Gates of the process being parsed, by key; parsing is single-threaded per deployment. */
    private final ThreadLocal<Map<String, ActivityImpl>> parsed = ThreadLocal.withInitial(HashMap::new);

    public GateParseListener(TaskListener gateListener) {
        this.gateListener = gateListener;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        Map<String, String> properties = properties(element);
        String key = properties.get(GateDefinition.PROPERTY_GATE);
        if (key == null) {
            return;
        }
        if (properties.get(GateDefinition.PROPERTY_TEAM) == null) {
            throw new BpmnParseException("Gate '" + key + "' (" + activity.getId() + ") declares no "
                    + GateDefinition.PROPERTY_TEAM + " property", element);
        }
        String team = properties.get(GateDefinition.PROPERTY_TEAM);
        String candidates = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "candidateGroups");
        if (candidates != null && !candidates.isBlank() && !candidates.trim().equals(team)) {
            throw new BpmnParseException("Gate '" + key + "' (" + activity.getId() + ") is worked by team '" + team
                    + "' but offered to the candidate group '" + candidates + "'; set both to the same team", element);
        }
        if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") == null
                && element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey") == null) {
            throw new BpmnParseException("Gate '" + key + "' (" + activity.getId() + ") has no form: set the form id "
                    + "(camunda:formRef) to a Camunda Form in forms/, whose rules the server enforces", element);
        }
        GateDefinition gate = GateDefinition.of(activity.getId(), element.attribute("name"), properties);
        activity.setProperty(GATE, gate);
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
            definition.addBuiltInTaskListener(event, gateListener);
        }
        parsed.get().put(key, activity);
    }

    /** Called after all activities of the process: each sending gate learns which gate receives from it. */
    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        Map<String, ActivityImpl> gates = parsed.get();
        try {
            for (ActivityImpl receiving : new ArrayList<>(gates.values())) {
                GateDefinition receiver = (GateDefinition) receiving.getProperty(GATE);
                if (!receiver.receivesHandoff()) {
                    continue;
                }
                ActivityImpl sending = gates.get(receiver.receivesFrom());
                if (sending == null) {
                    throw new BpmnParseException("Gate '" + receiver.key() + "' receives from '" + receiver.receivesFrom()
                            + "', which is no gate of process " + definition.getKey(), element);
                }
                sending.setProperty(RECEIVER, receiver);
            }
        } finally {
            parsed.remove();
        }
    }

    /** The gate an activity was declared as, or null. */
    public static GateDefinition gateOf(ActivityImpl activity) {
        return activity == null ? null : (GateDefinition) activity.getProperty(GATE);
    }

    static Map<String, String> properties(Element task) {
        Map<String, String> properties = new HashMap<>();
        Element extensions = task.element("extensionElements");
        Element list = extensions == null ? null : extensions.element("properties");
        if (list != null) {
            for (Element property : list.elements("property")) {
                if (property.attribute("name") != null && property.attribute("value") != null) {
                    properties.put(property.attribute("name"), property.attribute("value"));
                }
            }
        }
        return properties;
    }
}
