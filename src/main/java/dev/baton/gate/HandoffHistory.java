package dev.baton.gate;

import dev.baton.ledger.HandoffRecord;
import java.util.List;

/**
 * The handoffs of a campaign so far, as the Markdown list a gate's form shows: who handed what
 * to whom, and who returned it and why, so the receiving team sees the context of the baton.
 */
public final class HandoffHistory {

    private HandoffHistory() {
    }

    public static String markdown(List<HandoffRecord> handoffs) {
        StringBuilder text = new StringBuilder();
        for (HandoffRecord h : handoffs) {
            text.append("- **").append(h.fromGate()).append(" → ").append(h.toGate()).append("**, pass ")
                    .append(h.attempt()).append(": sent by ").append(orUnknown(h.sender()));
            if (h.decision() == null) {
                text.append(", waiting for review");
            } else {
                text.append(", ").append(h.decision()).append(" by ").append(orUnknown(h.receiver()));
                if (h.qualityScore() != null) {
                    text.append(" (quality ").append(h.qualityScore()).append("/5)");
                }
                if (h.returnReason() != null) {
                    text.append(": “").append(h.returnReason().replace("\n", " ")).append("”");
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String orUnknown(String user) {
        return user == null ? "(unknown)" : user;
    }
}
