package dev.baton.gate;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The camunda:property extension properties of a model element, by name. */
public final class ModelProperties {

    private ModelProperties() {
    }

    public static Map<String, String> of(BaseElement element) {
        if (element == null || element.getExtensionElements() == null) {
            return Map.of();
        }
        return element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> p.getCamundaName() != null && p.getCamundaValue() != null)
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue, (a, b) -> b));
    }
}
