package dev.baton.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the handoff ledger. Runs on the engine's DataSource and thus inside the engine's
 * transaction. Rows are mapped by explicit aliases: H2 and PostgreSQL differ in label case.
 */
@Repository
public class LedgerRepository {

    private final JdbcClient jdbc;

    public LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- campaign ---------------------------------------------------------------------

    public void insertCampaign(CampaignRecord c) {
        jdbc.sql("""
                INSERT INTO campaign (business_key, process_instance_id, name, campaign_type, channel, owner,
                                      planned_launch_date, estimated_audience_size, created_at, outcome)
                VALUES (:bk, :pi, :name, :type, :channel, :owner, :planned, :size, :created, 'running')
                """)
                .param("bk", c.businessKey()).param("pi", c.processInstanceId()).param("name", c.name())
                .param("type", c.campaignType()).param("channel", c.channel()).param("owner", c.owner())
                .param("planned", c.plannedLaunchDate()).param("size", c.estimatedAudienceSize())
                .param("created", c.createdAt())
                .update();
    }

    public boolean hasCampaigns() {
        return jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single() > 0;
    }

    public boolean campaignExists(String businessKey) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE business_key = :bk")
                .param("bk", businessKey).query(Long.class).single() > 0;
    }

    /** The highest sequence used so far by codes of the form PREFIX-YEAR-NNN. */
    public int highestCampaignSequence(String codePrefix) {
        List<String> keys = jdbc.sql("SELECT business_key AS bk FROM campaign WHERE business_key LIKE :p")
                .param("p", codePrefix + "%").query((rs, i) -> rs.getString("bk")).list();
        int highest = 0;
        for (String key : keys) {
            String tail = key.substring(codePrefix.length());
            if (tail.matches("\\d+")) {
                highest = Math.max(highest, Integer.parseInt(tail));
            }
        }
        return highest;
    }

    public Optional<CampaignRecord> findCampaign(String businessKey) {
        return jdbc.sql("""
                SELECT business_key AS bk, process_instance_id AS pi, name AS name, campaign_type AS type,
                       channel AS channel, owner AS owner, planned_launch_date AS planned,
                       estimated_audience_size AS size, created_at AS created, launched_at AS launched,
                       closed_at AS closed, outcome AS outcome, cancellation_reason AS reason
                FROM campaign WHERE business_key = :bk
                """).param("bk", businessKey).query(LedgerRepository::campaign).optional();
    }

    public void markLaunched(String businessKey, OffsetDateTime at, Double controlGroupPercent, Boolean trackingVerified,
                             Boolean controlGroupTracked) {
        jdbc.sql("""
                UPDATE campaign SET launched_at = :at, outcome = 'launched', control_group_percent = :control,
                                    tracking_verified = :tracking, control_group_tracked = :controlTracked
                WHERE business_key = :bk
                """).param("at", at).param("control", controlGroupPercent).param("tracking", trackingVerified)
                .param("controlTracked", controlGroupTracked).param("bk", businessKey).update();
    }

    public void close(String businessKey, String outcome, String reason, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE campaign SET closed_at = :at, outcome = :outcome, cancellation_reason = :reason
                WHERE business_key = :bk
                """).param("at", at).param("outcome", outcome).param("reason", reason)
                .param("bk", businessKey).update();
    }

    // --- gate_attempt -----------------------------------------------------------------

    public int countGateAttempts(String businessKey, String gate) {
        return jdbc.sql("SELECT COUNT(*) FROM gate_attempt WHERE business_key = :bk AND gate = :gate")
                .param("bk", businessKey).param("gate", gate).query(Integer.class).single();
    }

    public void insertGateAttempt(GateAttemptRecord a) {
        jdbc.sql("""
                INSERT INTO gate_attempt (business_key, process_instance_id, gate, attempt, task_id, team,
                                          assignee, created_at, claimed_at, due_at)
                VALUES (:bk, :pi, :gate, :attempt, :task, :team, :assignee, :created, :claimed, :due)
                """)
                .param("bk", a.businessKey()).param("pi", a.processInstanceId()).param("gate", a.gate())
                .param("attempt", a.attempt()).param("task", a.taskId()).param("team", a.team())
                .param("assignee", a.assignee()).param("created", a.createdAt())
                .param("claimed", a.claimedAt()).param("due", a.dueAt())
                .update();
    }

    public void markClaimed(String taskId, String assignee, OffsetDateTime at) {
        // The first claim counts for the wait time; a re-assignment only changes the assignee.
        jdbc.sql("""
                UPDATE gate_attempt SET assignee = :assignee, claimed_at = COALESCE(claimed_at, :at)
                WHERE task_id = :task
                """).param("assignee", assignee).param("at", at).param("task", taskId).update();
    }

    public void markUnclaimed(String taskId) {
        jdbc.sql("UPDATE gate_attempt SET assignee = NULL WHERE task_id = :task AND completed_at IS NULL")
                .param("task", taskId).update();
    }

    public int markCompleted(String taskId, String completedBy, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE gate_attempt SET assignee = :by, completed_at = :at, claimed_at = COALESCE(claimed_at, :at)
                WHERE task_id = :task AND completed_at IS NULL
                """).param("by", completedBy).param("at", at).param("task", taskId).update();
    }

    public void markCancelled(String taskId, OffsetDateTime at) {
        jdbc.sql("UPDATE gate_attempt SET cancelled_at = :at WHERE task_id = :task AND completed_at IS NULL")
                .param("at", at).param("task", taskId).update();
    }

    public int markSlaBreached(String taskId, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE gate_attempt SET sla_breached_at = :at WHERE task_id = :task AND sla_breached_at IS NULL
                """).param("at", at).param("task", taskId).update();
    }

    public Optional<GateAttemptRecord> findGateAttempt(String taskId) {
        return jdbc.sql(GATE_ATTEMPT_SELECT + " WHERE task_id = :task")
                .param("task", taskId).query(LedgerRepository::gateAttempt).optional();
    }

    public List<GateAttemptRecord> gateAttempts(String businessKey) {
        return jdbc.sql(GATE_ATTEMPT_SELECT + " WHERE business_key = :bk ORDER BY created_at, id")
                .param("bk", businessKey).query(LedgerRepository::gateAttempt).list();
    }

    // --- handoff ----------------------------------------------------------------------

    public int countHandoffs(String businessKey, String fromGate) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff WHERE business_key = :bk AND from_gate = :gate")
                .param("bk", businessKey).param("gate", fromGate).query(Integer.class).single();
    }

    public void insertHandoff(HandoffRecord h) {
        jdbc.sql("""
                INSERT INTO handoff (business_key, from_gate, from_attempt, to_gate, from_team, to_team, sender,
                                     attempt, sent_at, accountable)
                VALUES (:bk, :fromGate, :fromAttempt, :toGate, :fromTeam, :toTeam, :sender, :attempt, :sent,
                        :accountable)
                """)
                .param("bk", h.businessKey()).param("fromGate", h.fromGate()).param("fromAttempt", h.fromAttempt())
                .param("toGate", h.toGate())
                .param("fromTeam", h.fromTeam()).param("toTeam", h.toTeam()).param("sender", h.sender())
                .param("attempt", h.attempt()).param("sent", h.sentAt()).param("accountable", h.accountable())
                .update();
    }

    public Optional<HandoffRecord> lastHandoff(String businessKey, String fromGate) {
        return jdbc.sql(HANDOFF_SELECT + " WHERE business_key = :bk AND from_gate = :gate ORDER BY attempt DESC")
                .param("bk", businessKey).param("gate", fromGate)
                .query(LedgerRepository::handoff).stream().findFirst();
    }

    public int decideHandoff(long id, String decision, String receiver, Integer quality, String returnReason,
                             OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE handoff SET decision = :decision, receiver = :receiver, quality_score = :quality,
                                   return_reason = :reason, decided_at = :at
                WHERE id = :id AND decision IS NULL
                """).param("decision", decision).param("receiver", receiver).param("quality", quality)
                .param("reason", returnReason).param("at", at).param("id", id).update();
    }

    public List<HandoffRecord> handoffs(String businessKey) {
        return jdbc.sql(HANDOFF_SELECT + " WHERE business_key = :bk ORDER BY sent_at, id")
                .param("bk", businessKey).query(LedgerRepository::handoff).list();
    }

    // --- campaign_result --------------------------------------------------------------

    public void insertResult(CampaignResultRecord r) {
        jdbc.sql("""
                INSERT INTO campaign_result (business_key, test_size, control_size, test_conversions,
                    control_conversions, test_rate, control_rate, lift, p_value, next_action, learnings, recorded_at)
                VALUES (:bk, :testSize, :controlSize, :testConv, :controlConv, :testRate, :controlRate, :lift,
                        :p, :next, :learnings, :at)
                """)
                .param("bk", r.businessKey()).param("testSize", r.testSize()).param("controlSize", r.controlSize())
                .param("testConv", r.testConversions()).param("controlConv", r.controlConversions())
                .param("testRate", r.testRate()).param("controlRate", r.controlRate())
                .param("lift", r.lift()).param("p", r.pValue()).param("next", r.nextAction())
                .param("learnings", r.learnings()).param("at", r.recordedAt())
                .update();
    }

    public Optional<CampaignResultRecord> findResult(String businessKey) {
        return jdbc.sql("""
                SELECT business_key AS bk, test_size AS test_size, control_size AS control_size,
                       test_conversions AS test_conv, control_conversions AS control_conv, test_rate AS test_rate,
                       control_rate AS control_rate, lift AS lift, p_value AS p_value, next_action AS next_action,
                       learnings AS learnings, recorded_at AS recorded_at
                FROM campaign_result WHERE business_key = :bk
                """).param("bk", businessKey).query((rs, i) -> new CampaignResultRecord(
                        rs.getString("bk"), rs.getLong("test_size"), rs.getLong("control_size"),
                        rs.getLong("test_conv"), rs.getLong("control_conv"), nullableDouble(rs, "test_rate"),
                        nullableDouble(rs, "control_rate"), nullableDouble(rs, "lift"), nullableDouble(rs, "p_value"),
                        rs.getString("next_action"), rs.getString("learnings"), time(rs, "recorded_at")))
                .optional();
    }

    // --- mapping ----------------------------------------------------------------------

    private static final String GATE_ATTEMPT_SELECT = """
            SELECT id AS id, business_key AS bk, process_instance_id AS pi, gate AS gate, attempt AS attempt,
                   task_id AS task_id, team AS team, assignee AS assignee, created_at AS created_at,
                   claimed_at AS claimed_at, completed_at AS completed_at, cancelled_at AS cancelled_at,
                   due_at AS due_at, sla_breached_at AS sla_breached_at
            FROM gate_attempt""";

    private static final String HANDOFF_SELECT = """
            SELECT id AS id, business_key AS bk, from_gate AS from_gate, to_gate AS to_gate, from_team AS from_team,
                   to_team AS to_team, sender AS sender, receiver AS receiver, attempt AS attempt, sent_at AS sent_at,
                   decided_at AS decided_at, decision AS decision, quality_score AS quality_score,
                   return_reason AS return_reason, accountable AS accountable, from_attempt AS from_attempt
            FROM handoff""";

    private static GateAttemptRecord gateAttempt(ResultSet rs, int row) throws SQLException {
        return new GateAttemptRecord(rs.getLong("id"), rs.getString("bk"), rs.getString("pi"), rs.getString("gate"),
                rs.getInt("attempt"), rs.getString("task_id"), rs.getString("team"), rs.getString("assignee"),
                time(rs, "created_at"), time(rs, "claimed_at"), time(rs, "completed_at"),
                time(rs, "cancelled_at"), time(rs, "due_at"), time(rs, "sla_breached_at"));
    }

    private static HandoffRecord handoff(ResultSet rs, int row) throws SQLException {
        int fromAttempt = rs.getInt("from_attempt");
        Integer sendingAttempt = rs.wasNull() ? null : fromAttempt;
        int quality = rs.getInt("quality_score");
        return new HandoffRecord(rs.getLong("id"), rs.getString("bk"), rs.getString("from_gate"),
                rs.getString("to_gate"), rs.getString("from_team"), rs.getString("to_team"), rs.getString("sender"),
                rs.getString("receiver"), rs.getInt("attempt"), time(rs, "sent_at"), time(rs, "decided_at"),
                rs.getString("decision"), rs.wasNull() ? null : quality, rs.getString("return_reason"),
                rs.getString("accountable"), sendingAttempt);
    }

    private static CampaignRecord campaign(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size");
        Long estimated = rs.wasNull() ? null : size;
        return new CampaignRecord(rs.getString("bk"), rs.getString("pi"), rs.getString("name"),
                rs.getString("type"), rs.getString("channel"), rs.getString("owner"),
                rs.getObject("planned", LocalDate.class), estimated, time(rs, "created"), time(rs, "launched"),
                time(rs, "closed"), rs.getString("outcome"), rs.getString("reason"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
