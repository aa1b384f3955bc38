package dev.baton.metrics;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes hand-built ledger rows with exact timestamps, for KPI tests with known answers. */
final class LedgerBuilder {

    private final JdbcClient jdbc;

    LedgerBuilder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void clear() {
        for (String table : new String[] {"gate_day", "launch_day", "read_out_day", "handoff_day", "handoff_reason_day", "notification", "notification_event", "gate_escalation_action", "program_review", "campaign_result", "handoff", "gate_attempt", "campaign"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    void campaign(String bk, String type, String channel, OffsetDateTime created) {
        jdbc.sql("""
                INSERT INTO campaign (business_key, process_instance_id, name, campaign_type, channel, created_at, outcome)
                VALUES (:bk, :pi, :name, :type, :channel, :created, 'running')
                """).param("bk", bk).param("pi", "pi-" + bk).param("name", "Campaign " + bk).param("type", type)
                .param("channel", channel).param("created", created).update();
    }

    void launched(String bk, OffsetDateTime at, double controlPercent, boolean trackingVerified) {
        jdbc.sql("""
                UPDATE campaign SET launched_at = :at, outcome = 'launched', control_group_percent = :control,
                                    tracking_verified = :tracking WHERE business_key = :bk
                """).param("at", at).param("control", controlPercent).param("tracking", trackingVerified)
                .param("bk", bk).update();
    }

    void result(String bk, OffsetDateTime at, Double lift, double pValue, String nextAction) {
        jdbc.sql("""
                INSERT INTO campaign_result (business_key, test_size, control_size, test_conversions,
                    control_conversions, test_rate, control_rate, lift, p_value, next_action, recorded_at)
                VALUES (:bk, 9000, 1000, 900, 80, 0.1, 0.08, :lift, :p, :next, :at)
                """).param("bk", bk).param("lift", lift).param("p", pValue).param("next", nextAction).param("at", at)
                .update();
    }

    /** A gate attempt; claimed/completed may be null (an open gate). */
    void gate(String bk, String gate, int attempt, String team, String assignee, OffsetDateTime created,
              OffsetDateTime claimed, OffsetDateTime completed, OffsetDateTime breached) {
        jdbc.sql("""
                INSERT INTO gate_attempt (business_key, process_instance_id, gate, attempt, task_id, team, assignee,
                    created_at, claimed_at, completed_at, due_at, sla_breached_at)
                VALUES (:bk, :pi, :gate, :attempt, :task, :team, :assignee, :created, :claimed, :completed, :due, :breached)
                """).param("bk", bk).param("pi", "pi-" + bk).param("gate", gate).param("attempt", attempt)
                .param("task", "task-" + java.util.UUID.randomUUID()).param("team", team).param("assignee", assignee)
                .param("created", created).param("claimed", claimed).param("completed", completed)
                .param("due", created.plusDays(2)).param("breached", breached).update();
    }

    /** An open, unclaimed gate attempt whose SLA breach is recorded, with who answers for it. */
    void openBreach(String bk, String gate, String team, String accountable, OffsetDateTime created,
                    OffsetDateTime breached) {
        gate(bk, gate, 1, team, null, created, null, null, breached);
        jdbc.sql("UPDATE gate_attempt SET breach_accountable = :accountable, open_breach_since = sla_breached_at "
                        + "WHERE business_key = :bk AND gate = :gate")
                .param("accountable", accountable).param("bk", bk).param("gate", gate).update();
    }

    /** A handoff; decision null means pending. */
    void handoff(String bk, String from, String to, String fromTeam, String toTeam, int attempt, int fromAttempt,
                 String sender, String accountable, OffsetDateTime sent, OffsetDateTime decided, String decision,
                 Integer quality, String reason, String receiver) {
        jdbc.sql("""
                INSERT INTO handoff (business_key, from_gate, from_attempt, to_gate, from_team, to_team, sender, receiver,
                    attempt, sent_at, decided_at, decision, quality_score, return_reason, accountable, sender_breached)
                VALUES (:bk, :from, :fromAttempt, :to, :fromTeam, :toTeam, :sender, :receiver, :attempt, :sent, :decided,
                        :decision, :quality, :reason, :accountable, EXISTS (SELECT 1 FROM gate_attempt g
                        WHERE g.business_key = :bk AND g.gate = :from AND g.attempt = :fromAttempt
                          AND g.sla_breached_at IS NOT NULL))
                """).param("bk", bk).param("from", from).param("fromAttempt", fromAttempt).param("to", to)
                .param("fromTeam", fromTeam).param("toTeam", toTeam).param("sender", sender).param("receiver", receiver)
                .param("attempt", attempt).param("sent", sent).param("decided", decided).param("decision", decision)
                .param("quality", quality).param("reason", reason).param("accountable", accountable).update();
    }
}
