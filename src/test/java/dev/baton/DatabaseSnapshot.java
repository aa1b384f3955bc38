package dev.baton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every row of Baton's ledger and of the engine's runtime state, to compare before and after. */
public final class DatabaseSnapshot {

    public static final List<String> TABLES = List.of("campaign", "gate_attempt", "handoff", "campaign_result",
            "program_review", "gate_escalation_action", "notification", "notification_event", "notification_preference", "campaign_code_sequence", "ACT_RU_TASK",
            "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_IDENTITYLINK", "ACT_RU_EVENT_SUBSCR",
            "ACT_RU_INCIDENT", "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER", "ACT_RE_DEPLOYMENT", "ACT_ID_USER",
            "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP");

    private DatabaseSnapshot() {
    }

    /** Table → its rows as text, sorted, so that row order does not matter. */
    public static Map<String, List<String>> of(JdbcClient jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>(jdbc.sql("SELECT * FROM " + table).query((rs, i) -> {
                StringBuilder row = new StringBuilder();
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    row.append(rs.getMetaData().getColumnLabel(col)).append('=').append(rs.getString(col)).append(';');
                }
                return row.toString();
            }).list());
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }
}
