package dev.baton.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import dev.baton.ledger.DeferredWrites;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox and the users' preferences. Rows are added inside the engine's
 * transaction (so a rolled-back event leaves none); the sender claims a row before sending it,
 * so that of several Baton nodes exactly one sends each notification.
 */
@Repository
public class NotificationOutbox {

    private final JdbcClient jdbc;

    public NotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(NotificationKind kind, String businessKey, String recipient, String email, String subject,
                    String body, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO notification (kind, business_key, recipient, email, subject, body, informational, status,
                                          created_at, next_attempt_at)
                VALUES (:kind, :bk, :recipient, :email, :subject, :body, :informational, :status, :now, :now)
                """).param("kind", kind.name()).param("bk", businessKey).param("recipient", recipient)
                .param("email", email).param("subject", truncate(subject, 300)).param("body", truncate(body, 4000))
                .param("informational", kind.informational())
                .param("status", email == null ? NotificationRecord.NO_ADDRESS : NotificationRecord.PENDING)
                .param("now", now).update();
    }

    /** An event and whom it concerns (user and group ids), one row however many people that is. */
    public void addEvent(NotificationKind kind, String businessKey, java.util.Collection<String> parties, String subject,
                         String body, OffsetDateTime now) {
        // nothing in the event's transaction reads it back: sent with the ledger's deferred writes
        DeferredWrites.write(jdbc, """
                INSERT INTO notification_event (kind, business_key, parties, subject, body, created_at)
                VALUES (:kind, :bk, :parties, :subject, :body, :now)
                """).param("kind", kind.name()).param("bk", businessKey)
                .param("parties", truncate(String.join(",", parties), 2000))
                .param("subject", truncate(subject, 300)).param("body", truncate(body, 4000)).param("now", now).defer();
    }

    /** An event not yet resolved to people. */
    public record Event(long id, NotificationKind kind, String businessKey, List<String> parties, String subject,
                        String body, OffsetDateTime createdAt) {
    }

    public List<Event> unexpandedEvents(int limit) {
        return jdbc.sql("""
                SELECT id AS id, kind AS kind, business_key AS bk, parties AS parties, subject AS subject, body AS body,
                       created_at AS created_at
                FROM notification_event WHERE expanded_at IS NULL ORDER BY id FETCH FIRST :limit ROWS ONLY
                """).param("limit", limit)
                .query((rs, i) -> new Event(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("bk"), List.of(rs.getString("parties").split(",")), rs.getString("subject"),
                        rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** Takes an event for resolving; false when another node took it first. */
    public boolean claimEvent(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE notification_event SET expanded_at = :now WHERE id = :id AND expanded_at IS NULL")
                .param("now", now).param("id", id).update() == 1;
    }

    /** Of these users, those who opted out of informational mail: one query for a whole event. */
    public java.util.Set<String> optedOutOfInformational(java.util.Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT user_id AS user_id FROM notification_preference WHERE informational_opt_out AND user_id IN (:users)
                """).param("users", userIds).query((rs, i) -> rs.getString("user_id")).list());
    }

    public List<NotificationRecord> due(OffsetDateTime now, int limit) {
        return jdbc.sql(SELECT + " WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at, id"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .param("now", now).query(NotificationOutbox::row).list();
    }

    /** Claims a due row for this node until {@code until}; false when another node has it or it was sent. */
    public boolean claim(long id, String node, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql("""
                UPDATE notification SET claimed_by = :node, claimed_until = :until
                WHERE id = :id AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < :now)
                """).param("node", node).param("until", until).param("id", id).param("now", now).update() == 1;
    }

    public void markSent(long id, String node, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE notification SET status = 'sent', sent_at = :now, attempts = attempts + 1, last_error = NULL,
                                        claimed_until = NULL
                WHERE id = :id AND claimed_by = :node
                """).param("now", now).param("id", id).param("node", node).update();
    }

    public void markFailed(long id, String node, String error, OffsetDateTime retryAt) {
        jdbc.sql("""
                UPDATE notification SET attempts = attempts + 1, last_error = :error, next_attempt_at = :retry,
                                        claimed_until = NULL
                WHERE id = :id AND claimed_by = :node
                """).param("error", truncate(error, 1000)).param("retry", retryAt).param("id", id)
                .param("node", node).update();
    }

    public List<NotificationRecord> list(String recipient, String status, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (recipient != null) {
            where.append(" AND recipient = :recipient");
        }
        if (status != null) {
            where.append(" AND status = :status");
        }
        var statement = jdbc.sql(SELECT + where + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY");
        if (recipient != null) {
            statement = statement.param("recipient", recipient);
        }
        if (status != null) {
            statement = statement.param("status", status);
        }
        return statement.query(NotificationOutbox::row).list();
    }

    public boolean optedOutOfInformational(String userId) {
        return jdbc.sql("SELECT informational_opt_out FROM notification_preference WHERE user_id = :user")
                .param("user", userId).query(Boolean.class).optional().orElse(false);
    }

    public void setOptOut(String userId, boolean optOut, OffsetDateTime now) {
        int updated = jdbc.sql("""
                UPDATE notification_preference SET informational_opt_out = :optOut, updated_at = :now WHERE user_id = :user
                """).param("optOut", optOut).param("now", now).param("user", userId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO notification_preference (user_id, informational_opt_out, updated_at)
                    VALUES (:user, :optOut, :now)
                    """).param("user", userId).param("optOut", optOut).param("now", now).update();
        }
    }

    private static final String SELECT = """
            SELECT id AS id, kind AS kind, business_key AS bk, recipient AS recipient, email AS email,
                   subject AS subject, body AS body, informational AS informational, status AS status,
                   attempts AS attempts, created_at AS created_at, next_attempt_at AS next_attempt_at,
                   sent_at AS sent_at, last_error AS last_error
            FROM notification""";

    private static NotificationRecord row(ResultSet rs, int i) throws SQLException {
        return new NotificationRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("bk"),
                rs.getString("recipient"), rs.getString("email"), rs.getString("subject"), rs.getString("body"),
                rs.getBoolean("informational"), rs.getString("status"), rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
