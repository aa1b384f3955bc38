package dev.baton.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading the engine's own columns (ACT_*) from Baton's SQL, the same way wherever it joins them. */
public final class EngineColumns {

    private EngineColumns() {
    }

    /**
     * An engine timestamp (TIMESTAMP without zone, written in the JVM's zone) as a UTC instant;
     * null when empty. The ledger's own columns carry their zone and need no conversion.
     */
    public static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A comment's whole text (ACT_HI_COMMENT.FULL_MSG_), else its shortened MESSAGE_. */
    public static String commentText(ResultSet rs, String fullMessage, String message) throws SQLException {
        byte[] full = rs.getBytes(fullMessage);
        return full == null ? rs.getString(message) : new String(full, StandardCharsets.UTF_8);
    }
}
