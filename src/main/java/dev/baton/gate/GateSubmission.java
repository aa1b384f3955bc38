package dev.baton.gate;

import dev.baton.ledger.HandoffRecord;
import java.util.Map;

/**
 * What a team submitted at a gate: the variables visible at completion, the handoff it decides
 * ({@code pending}, null when there is none to review), who completes it, and whether it returns
 * the baton (then only the review counts; checks of the gate's own part skip).
 */
public record GateSubmission(GateDefinition gate, Map<String, Object> values, HandoffRecord pending, String completer,
                             boolean returning) {
}
