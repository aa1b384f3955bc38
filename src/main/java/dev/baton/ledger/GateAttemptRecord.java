package dev.baton.ledger;

import java.time.OffsetDateTime;

/** A row of {@code gate_attempt}: one gate, one attempt. */
public record GateAttemptRecord(Long id, String businessKey, String processInstanceId, String gate, int attempt,
                                String taskId, String team, String assignee, OffsetDateTime createdAt,
                                OffsetDateTime claimedAt, OffsetDateTime completedAt, OffsetDateTime cancelledAt,
                                OffsetDateTime dueAt, OffsetDateTime slaBreachedAt) {
}
