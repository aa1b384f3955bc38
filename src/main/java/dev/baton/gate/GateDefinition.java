package dev.baton.gate;

import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * A user task is a gate when its extension properties say so (DESIGN.md §4): {@code baton.gate}
 * (the gate key), {@code baton.team} (the working team) and, on a receiving gate,
 * {@code baton.receivesFrom} (the key of the gate that hands it the baton).
 */
public record GateDefinition(String activityId, String name, String key, String team, String receivesFrom,
                             boolean showsLearnings) {

    public static final String PROPERTY_GATE = "baton.gate";
    public static final String PROPERTY_TEAM = "baton.team";
    public static final String PROPERTY_RECEIVES_FROM = "baton.receivesFrom";
    /** On a brief: the form shows recent learnings of the same campaign type (test and learn). */
    public static final String PROPERTY_SHOWS_LEARNINGS = "baton.showsLearnings";

    public boolean receivesHandoff() {
        return receivesFrom != null && !receivesFrom.isBlank();
    }

    /** The gate declared on a model element, or null when the element is not a gate. */
    public static GateDefinition of(FlowElement element) {
        Map<String, String> properties = ModelProperties.of(element);
        String key = properties.get(PROPERTY_GATE);
        if (key == null) {
            return null;
        }
        return new GateDefinition(element.getId(), element.getName(), key, properties.get(PROPERTY_TEAM),
                properties.get(PROPERTY_RECEIVES_FROM), Boolean.parseBoolean(properties.get(PROPERTY_SHOWS_LEARNINGS)));
    }
}
