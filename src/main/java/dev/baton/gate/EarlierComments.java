package dev.baton.gate;

import dev.baton.ledger.AttemptComment;
import java.util.List;

/**
 * Comments left in Tasklist on a gate's earlier attempts, as the Markdown list its rework attempt
 * shows: a comment belongs to one task, and each attempt is a new task, so without this the note
 * "Legal wants the offer reworded" would stay behind with the returned attempt.
 */
public final class EarlierComments {

    static final int COMMENT_SHOWN = 400;

    private EarlierComments() {
    }

    /** Empty when there are none. Oldest first; bounded to one form variable. */
    public static String markdown(List<AttemptComment> comments) {
        StringBuilder text = new StringBuilder();
        for (AttemptComment c : comments) {
            text.append("- attempt ").append(c.attempt()).append(", ")
                    .append(c.author() == null ? "(unknown)" : FormText.escaped(c.author(), 64)).append(", ")
                    .append(PeopleDates.format(c.at() == null ? null : c.at().toInstant())).append(": “")
                    .append(FormText.escaped(c.text(), COMMENT_SHOWN)).append("”\n");
        }
        return text.isEmpty() ? "" : FormText.bounded(text.toString(), "- … the rest in the campaign's timeline");
    }
}
