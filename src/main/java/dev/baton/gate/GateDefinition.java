package dev.baton.gate;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * A user task is a gate when its extension properties say so (DESIGN.md §4): {@code baton.gate}
 * (the gate key), {@code baton.team} (the working team), on a receiving gate
 * {@code baton.receivesFrom} (the key of the gate that hands it the baton), and the named checks
 * its submissions must pass besides their form's rules ({@code baton.checks}).
 */
public record GateDefinition(String activityId, String name, String key, String team, String receivesFrom,
                             boolean showsLearnings, List<String> checks) {

    public static final String PROPERTY_GATE = "baton.gate";
    public static final String PROPERTY_TEAM = "baton.team";
    public static final String PROPERTY_RECEIVES_FROM = "baton.receivesFrom";
    /** On a brief: the form shows recent learnings of the same campaign type (test and learn). */
    public static final String PROPERTY_SHOWS_LEARNINGS = "baton.showsLearnings";
    /** The named checks (GateCheck beans) a submission must pass besides its form's rules, comma-separated. */
    public static final String PROPERTY_CHECKS = "baton.checks";

    public boolean receivesHandoff() {
        return receivesFrom != null && !receivesFrom.isBlank();
    }

    /** The gate declared on a model element, or null when the element is not a gate. */
    public static GateDefinition of(FlowElement element) {
        return of(element.getId(), element.getName(), ModelProperties.of(element));
    }

    /** The gate an activity's extension properties declare, or null. */
    public static GateDefinition of(String activityId, String name, Map<String, String> properties) {
        String key = properties.get(PROPERTY_GATE);
        if (key == null) {
            return null;
        }
        return new GateDefinition(activityId, name, key, properties.get(PROPERTY_TEAM),
                properties.get(PROPERTY_RECEIVES_FROM), Boolean.parseBoolean(properties.get(PROPERTY_SHOWS_LEARNINGS)),
                Raci.parties(properties.get(PROPERTY_CHECKS)));
    }
}
