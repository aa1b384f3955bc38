package dev.baton.notification;

import java.time.OffsetDateTime;

/** A row of the {@code notification} outbox. */
public record NotificationRecord(Long id, String kind, String businessKey, String recipient, String email,
                                 String subject, String body, boolean informational, String status, int attempts,
                                 OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
                                 String lastError) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String NO_ADDRESS = "no-address";
}
