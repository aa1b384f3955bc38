package dev.baton.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Who is Responsible, Accountable, Consulted and Informed at a step, as declared in the model:
 * R = the gate's candidate group, A = that team's lead for the campaign, C and I =
 * {@code baton.consulted} and {@code baton.informed} (comma-separated group or user ids).
 * Steps without a team (launch, read-out) declare only who is informed.
 */
public record Raci(String activityId, String name, String gate, String responsible, List<String> consulted,
                   List<String> informed) {

    public static final String PROPERTY_CONSULTED = "baton.consulted";
    public static final String PROPERTY_INFORMED = "baton.informed";

    /** Read once per model element: deployed models do not change, and each launch and read-out asks. */
    private static final Map<FlowElement, java.util.Optional<Raci>> KNOWN =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The RACI of a step, or null when the step declares none. */
    public static Raci of(FlowElement element) {
        return KNOWN.computeIfAbsent(element, e -> java.util.Optional.ofNullable(read(e))).orElse(null);
    }

    private static Raci read(FlowElement element) {
        Map<String, String> properties = ModelProperties.of(element);
        GateDefinition gate = GateDefinition.of(element);
        if (gate == null && !properties.containsKey(PROPERTY_INFORMED)) {
            return null;
        }
        String responsible = element instanceof UserTask task ? task.getCamundaCandidateGroups() : null;
        return new Raci(element.getId(), element.getName(), gate == null ? null : gate.key(), responsible,
                parties(properties.get(PROPERTY_CONSULTED)), parties(properties.get(PROPERTY_INFORMED)));
    }

    /** The accountable person is the responsible team's lead (Accountability resolves who that is). */
    public String accountable() {
        return responsible == null ? null : Accountability.leadVariable(responsible);
    }

    static List<String> parties(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
