package dev.baton.ledger;

import java.time.OffsetDateTime;

/** A row of {@code gate_escalation_action}: what a project manager did about an overdue gate. */
public record EscalationActionRecord(String businessKey, String taskId, String action, String actor, OffsetDateTime actedAt,
                                     String assignee, OffsetDateTime newDueAt, String reason) {

    public static final String REMIND = "remind";
    public static final String REASSIGN = "reassign";
    public static final String EXTEND = "extend";
}
