package dev.baton.ledger;

import java.time.OffsetDateTime;

/**
 * A row of {@code handoff}: one pass of the baton from a sending gate to a receiving gate.
 * {@code fromAttempt} is the attempt of the sending gate that produced it.
 */
public record HandoffRecord(Long id, String businessKey, String fromGate, String toGate, String fromTeam,
                            String toTeam, String sender, String receiver, int attempt, OffsetDateTime sentAt,
                            OffsetDateTime decidedAt, String decision, Integer qualityScore, String returnReason,
                            String accountable, Integer fromAttempt) {

    public static final String ACCEPTED = "accepted";
    public static final String RETURNED = "returned";

    public boolean returned() {
        return RETURNED.equals(decision);
    }
}
