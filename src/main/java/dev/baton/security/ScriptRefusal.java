package dev.baton.security;

import java.util.List;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, any model that carries a script: script tasks, script listeners,
 * script conditions, script input/output mappings. Baton's models use expressions and Spring
 * beans only; a deployed script would run arbitrary code inside the engine.
 */
public class ScriptRefusal extends AbstractBpmnParseListener {

    @Override
    public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
        Element script = findScript(root);
        if (script != null) {
            throw new BpmnParseException("Scripts are not allowed in models deployed to Baton (found <"
                    + script.getTagName() + "> at line " + script.getLine()
                    + "); use an expression or a Spring bean (delegateExpression) instead", script);
        }
    }

    static Element findScript(Element element) {
        String tag = element.getTagName();
        boolean scriptCondition = element.attribute("language") != null
                && ("conditionExpression".equals(tag) || "condition".equals(tag));
        if ("scriptTask".equals(tag) || "script".equals(tag) || scriptCondition) {
            return element;
        }
        for (Element child : element.elements()) {
            Element found = findScript(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
