package dev.baton.gate;

import java.util.Map;

/**
 * What a team submitted at a gate. {@code reviewDue}: a handoff waits for this gate's decision.
 * {@code ownPartDue}: false when the gate returns the baton, then only the review is checked.
 */
public record GateSubmission(GateDefinition gate, Map<String, Object> values, boolean reviewDue, boolean ownPartDue) {
}
