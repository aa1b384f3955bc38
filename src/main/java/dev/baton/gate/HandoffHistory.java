package dev.baton.gate;

import dev.baton.ledger.HandoffRecord;
import java.util.List;

/**
 * The handoffs of a campaign so far, as the Markdown list a gate's form shows: who handed what
 * to whom, and who returned it and why, so the receiving team sees the context of the baton.
 * Newest last; a long history keeps its latest passes and reasons are shortened (the full text is
 * in the ledger and the campaign's timeline), so the list always fits one form variable.
 */
public final class HandoffHistory {

    static final int PASSES_SHOWN = 12;
    static final int REASON_SHOWN = 240;

    private HandoffHistory() {
    }

    /** With gates named by their keys. */
    public static String markdown(List<HandoffRecord> all) {
        return markdown(all, java.util.Map.of());
    }

    /** Gates named as people know them ({@code names}: key → name), by key where a name is unknown. */
    public static String markdown(List<HandoffRecord> all, java.util.Map<String, String> names) {
        List<HandoffRecord> handoffs = all.size() > PASSES_SHOWN ? all.subList(all.size() - PASSES_SHOWN, all.size()) : all;
        StringBuilder text = new StringBuilder();
        if (handoffs.size() < all.size()) {
            text.append("- … ").append(all.size() - handoffs.size()).append(" earlier passes in the campaign's timeline\n");
        }
        for (HandoffRecord h : handoffs) {
            text.append("- **").append(names.getOrDefault(h.fromGate(), h.fromGate())).append(" → ")
                    .append(names.getOrDefault(h.toGate(), h.toGate())).append("**, pass ")
                    .append(h.attempt()).append(": sent by ").append(orUnknown(h.sender()));
            if (h.decision() == null) {
                text.append(", waiting for review");
            } else {
                text.append(", ").append(h.decision()).append(" by ").append(orUnknown(h.receiver()));
                if (h.qualityScore() != null) {
                    text.append(" (quality ").append(h.qualityScore()).append("/5)");
                }
                if (h.returnReason() != null) {
                    text.append(": “").append(FormText.escaped(h.returnReason(), REASON_SHOWN)).append("”");
                }
            }
            text.append('\n');
        }
        return FormText.bounded(text.toString(), "- … see the campaign's timeline for the rest");
    }

    private static String orUnknown(String user) {
        return user == null ? "(unknown)" : FormText.escaped(user, 64);
    }
}
