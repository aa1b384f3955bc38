package dev.baton.ledger;

import java.time.OffsetDateTime;

/** A comment Tasklist stored with the engine on one attempt of a gate. */
public record AttemptComment(int attempt, String author, OffsetDateTime at, String text) {
}
