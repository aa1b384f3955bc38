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

    /** A statement sent now, after the deferred writes of this transaction (it may read them). */
    private JdbcClient.StatementSpec now(String sql) {
        DeferredWrites.flush();
        return jdbc.sql(sql);
    }

    /** A write nothing in this transaction reads back: sent with the others before commit. */
    private DeferredWrites.Builder deferred(String sql) {
        return DeferredWrites.write(jdbc, sql);
    }

    // --- escalations ------------------------------------------------------------------

    public void insertEscalationAction(EscalationActionRecord a) {
        now("""
                INSERT INTO gate_escalation_action (business_key, task_id, action, actor, acted_at, assignee, new_due_at, reason)
                VALUES (:bk, :task, :action, :actor, :at, :assignee, :due, :reason)
                """)
                .param("bk", a.businessKey()).param("task", a.taskId()).param("action", a.action())
                .param("actor", a.actor()).param("at", a.actedAt()).param("assignee", a.assignee())
                .param("due", a.newDueAt()).param("reason", a.reason())
                .update();
    }

    /** A new due date for an open gate attempt; its SLA breach, if recorded, stays. */
    public void updateDueAt(String taskId, OffsetDateTime due) {
        now("UPDATE gate_attempt SET due_at = :due WHERE task_id = :task").param("due", due).param("task", taskId).update();
    }

    public List<EscalationActionRecord> escalationActions(String businessKey) {
        return now("""
                SELECT business_key AS bk, task_id AS task, action AS action, actor AS actor, acted_at AS acted_at,
                       assignee AS assignee, new_due_at AS new_due_at, reason AS reason
                FROM gate_escalation_action WHERE business_key = :bk ORDER BY id
                """).param("bk", businessKey)
                .query((rs, i) -> new EscalationActionRecord(rs.getString("bk"), rs.getString("task"), rs.getString("action"),
                        rs.getString("actor"), rs.getObject("acted_at", OffsetDateTime.class), rs.getString("assignee"),
                        rs.getObject("new_due_at", OffsetDateTime.class), rs.getString("reason")))
                .list();
    }

    // --- campaign ---------------------------------------------------------------------

    public void insertCampaign(CampaignRecord c) {
        now("""
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
        return now("SELECT COUNT(*) FROM campaign").query(Long.class).single() > 0;
    }

    public boolean campaignExists(String businessKey) {
        return now("SELECT COUNT(*) FROM campaign WHERE business_key = :bk")
                .param("bk", businessKey).query(Long.class).single() > 0;
    }

    /** The highest sequence used so far by codes of the form PREFIX-YEAR-NNN. */
    public int highestCampaignSequence(String codePrefix) {
        List<String> keys = now("SELECT business_key AS bk FROM campaign WHERE business_key LIKE :p")
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
        return now("""
                SELECT business_key AS bk, process_instance_id AS pi, name AS name, campaign_type AS type,
                       channel AS channel, owner AS owner, planned_launch_date AS planned,
                       estimated_audience_size AS size, created_at AS created, launched_at AS launched,
                       closed_at AS closed, outcome AS outcome, cancellation_reason AS reason
                FROM campaign WHERE business_key = :bk
                """).param("bk", businessKey).query(LedgerRepository::campaign).optional();
    }

    /**
     * Records the launch. A campaign launched again (an administrator moved it back before the
     * launch) keeps its first launch: time, control group and tracking sign-off, as hygiene and its
     * daily summary counted them (V12).
     */
    public void markLaunched(String businessKey, OffsetDateTime at, Double controlGroupPercent, Boolean trackingVerified,
                             Boolean controlGroupTracked) {
        deferred("""
                UPDATE campaign SET outcome = 'launched',
                       control_group_percent = CASE WHEN launched_at IS NULL THEN :control ELSE control_group_percent END,
                       tracking_verified = CASE WHEN launched_at IS NULL THEN :tracking ELSE tracking_verified END,
                       control_group_tracked = CASE WHEN launched_at IS NULL THEN :controlTracked
                                                    ELSE control_group_tracked END,
                       launched_at = COALESCE(launched_at, :at)
                WHERE business_key = :bk
                """).param("at", at).param("control", controlGroupPercent).param("tracking", trackingVerified)
                .param("controlTracked", controlGroupTracked).param("bk", businessKey).defer();
    }

    public void close(String businessKey, String outcome, String reason, OffsetDateTime at) {
        deferred("""
                UPDATE campaign SET closed_at = :at, outcome = :outcome, cancellation_reason = :reason
                WHERE business_key = :bk
                """).param("at", at).param("outcome", outcome).param("reason", reason)
                .param("bk", businessKey).defer();
    }

    /** Closes a campaign that is still open (running or launched); a closed one keeps its outcome. */
    public void closeIfOpen(String businessKey, String outcome, String reason, OffsetDateTime at) {
        now("""
                UPDATE campaign SET closed_at = :at, outcome = :outcome, cancellation_reason = :reason
                WHERE business_key = :bk AND closed_at IS NULL
                """).param("at", at).param("outcome", outcome).param("reason", reason)
                .param("bk", businessKey).update();
    }

    public void setPaused(String businessKey, OffsetDateTime pausedAt) {
        now("UPDATE campaign SET paused_at = :at WHERE business_key = :bk")
                .param("at", pausedAt).param("bk", businessKey).update();
    }

    // --- program_review ---------------------------------------------------------------

    public int countProgramReviews(String businessKey) {
        return now("SELECT COUNT(*) FROM program_review WHERE business_key = :bk")
                .param("bk", businessKey).query(Integer.class).single();
    }

    public void insertProgramReview(ProgramReviewRecord r) {
        now("""
                INSERT INTO program_review (business_key, review_number, reviewed_at, reviewer, program_members,
                    holdout_members, active_base, holdout_active_base, transactions, holdout_transactions,
                    first_purchases, holdout_first_purchases, won_back, holdout_won_back, lapsed, holdout_lapsed,
                    active_rate, holdout_active_rate, active_lift, decision, review_cycle_weeks, learnings)
                VALUES (:bk, :n, :at, :reviewer, :members, :hMembers, :active, :hActive, :tx, :hTx, :first, :hFirst,
                        :won, :hWon, :lapsed, :hLapsed, :rate, :hRate, :lift, :decision, :weeks, :learnings)
                """)
                .param("bk", r.businessKey()).param("n", r.reviewNumber()).param("at", r.reviewedAt())
                .param("reviewer", r.reviewer()).param("members", r.programMembers()).param("hMembers", r.holdoutMembers())
                .param("active", r.activeBase()).param("hActive", r.holdoutActiveBase()).param("tx", r.transactions())
                .param("hTx", r.holdoutTransactions()).param("first", r.firstPurchases())
                .param("hFirst", r.holdoutFirstPurchases()).param("won", r.wonBack()).param("hWon", r.holdoutWonBack())
                .param("lapsed", r.lapsed()).param("hLapsed", r.holdoutLapsed()).param("rate", r.activeRate())
                .param("hRate", r.holdoutActiveRate()).param("lift", r.activeLift()).param("decision", r.decision())
                .param("weeks", r.reviewCycleWeeks()).param("learnings", r.learnings())
                .update();
        // the dashboard finds programs by this flag (V12)
        now("UPDATE campaign SET program = TRUE WHERE business_key = :bk AND program = FALSE")
                .param("bk", r.businessKey()).update();
    }

    public List<ProgramReviewRecord> programReviews(String businessKey) {
        return now(PROGRAM_REVIEW_SELECT + " WHERE business_key = :bk ORDER BY review_number")
                .param("bk", businessKey).query(LedgerRepository::programReview).list();
    }

    /** The reviews of several programs in one query, by program, each in review order. */
    public java.util.Map<String, List<ProgramReviewRecord>> programReviews(java.util.Collection<String> businessKeys) {
        java.util.Map<String, List<ProgramReviewRecord>> byProgram = new java.util.LinkedHashMap<>();
        if (businessKeys.isEmpty()) {
            return byProgram;
        }
        now(PROGRAM_REVIEW_SELECT + " WHERE business_key IN (:bks) ORDER BY business_key, review_number")
                .param("bks", businessKeys).query(LedgerRepository::programReview).list()
                .forEach(r -> byProgram.computeIfAbsent(r.businessKey(), k -> new java.util.ArrayList<>()).add(r));
        return byProgram;
    }

    private static final String PROGRAM_REVIEW_SELECT = """
            SELECT business_key AS bk, review_number AS n, reviewed_at AS reviewed_at, reviewer AS reviewer,
                   program_members AS members, holdout_members AS h_members, active_base AS active,
                   holdout_active_base AS h_active, transactions AS tx, holdout_transactions AS h_tx,
                   first_purchases AS first_p, holdout_first_purchases AS h_first, won_back AS won,
                   holdout_won_back AS h_won, lapsed AS lapsed, holdout_lapsed AS h_lapsed,
                   active_rate AS rate, holdout_active_rate AS h_rate, active_lift AS lift, decision AS decision,
                   review_cycle_weeks AS weeks, learnings AS learnings
            FROM program_review""";

    private static ProgramReviewRecord programReview(ResultSet rs, int row) throws SQLException {
        return new ProgramReviewRecord(rs.getString("bk"),
                rs.getInt("n"), time(rs, "reviewed_at"), rs.getString("reviewer"), rs.getLong("members"),
                rs.getLong("h_members"), rs.getLong("active"), rs.getLong("h_active"), rs.getLong("tx"),
                rs.getLong("h_tx"), rs.getLong("first_p"), rs.getLong("h_first"), rs.getLong("won"),
                rs.getLong("h_won"), rs.getLong("lapsed"), rs.getLong("h_lapsed"), nullableDouble(rs, "rate"),
                nullableDouble(rs, "h_rate"), nullableDouble(rs, "lift"), rs.getString("decision"),
                rs.getInt("weeks"), rs.getString("learnings"));
    }

    /** Learnings from read-outs and program reviews of other campaigns of a type, newest first. */
    public List<String[]> recentLearnings(String campaignType, String excludeBusinessKey, int limit) {
        return now("""
                SELECT x.name AS name, x.learnings AS learnings, x.at AS at FROM (
                    SELECT c.name AS name, r.learnings AS learnings, r.recorded_at AS at, c.business_key AS bk
                    FROM campaign_result r JOIN campaign c ON c.business_key = r.business_key
                    WHERE c.campaign_type = :type
                    UNION ALL
                    SELECT c.name AS name, p.learnings AS learnings, p.reviewed_at AS at, c.business_key AS bk
                    FROM program_review p JOIN campaign c ON c.business_key = p.business_key
                    WHERE c.campaign_type = :type
                ) x
                WHERE x.learnings IS NOT NULL AND x.bk <> :bk
                ORDER BY x.at DESC
                """ + " FETCH FIRST " + limit + " ROWS ONLY")
                .param("type", campaignType).param("bk", excludeBusinessKey == null ? "" : excludeBusinessKey)
                .query((rs, i) -> new String[] {rs.getString("name"), rs.getString("learnings"),
                        String.valueOf(time(rs, "at").toLocalDate())})
                .list();
    }

    // --- gate_attempt -----------------------------------------------------------------

    public int countGateAttempts(String businessKey, String gate) {
        return now("SELECT COUNT(*) FROM gate_attempt WHERE business_key = :bk AND gate = :gate")
                .param("bk", businessKey).param("gate", gate).query(Integer.class).single();
    }

    /**
     * Opens the next attempt of a gate in one statement (numbered after the gate's earlier
     * attempts) and returns its number.
     */
    public int insertNextGateAttempt(String businessKey, String processInstanceId, String gate, String taskId, String team,
                                     String assignee, OffsetDateTime createdAt, OffsetDateTime dueAt) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        // sent at once without the deferred writes: they never add attempts, so the count is right
        var spec = jdbc.sql("""
                INSERT INTO gate_attempt (business_key, process_instance_id, gate, attempt, task_id, team,
                                          assignee, created_at, claimed_at, due_at)
                SELECT CAST(:bk AS VARCHAR), CAST(:pi AS VARCHAR), CAST(:gate AS VARCHAR), COUNT(*) + 1,
                       CAST(:task AS VARCHAR), CAST(:team AS VARCHAR), CAST(:assignee AS VARCHAR),
                       CAST(:created AS TIMESTAMP WITH TIME ZONE), CAST(:claimed AS TIMESTAMP WITH TIME ZONE),
                       CAST(:due AS TIMESTAMP WITH TIME ZONE)
                FROM gate_attempt WHERE business_key = :bk AND gate = :gate
                """)
                .param("bk", businessKey).param("pi", processInstanceId).param("gate", gate).param("task", taskId)
                .param("team", team).param("assignee", assignee).param("created", createdAt)
                .param("claimed", assignee == null ? null : createdAt).param("due", dueAt);
        try {
            spec.update(keys, "attempt");
        } catch (org.springframework.dao.DuplicateKeyException concurrent) {
            // another completion of the gate before opened this attempt and committed first
            throw new org.camunda.bpm.engine.OptimisticLockingException("gate " + gate + " of " + businessKey
                    + " was opened by a concurrent completion");
        }
        return ((Number) keys.getKeys().get(keys.getKeys().containsKey("attempt") ? "attempt" : "ATTEMPT")).intValue();
    }

    /** gate_attempt.assignee's length (V1). */
    static final int ASSIGNEE_LENGTH = 255;

    /** A claim of a gate attempt: the first claim counts for the wait time, a re-assignment only changes the assignee. */
    private static final String CLAIM = """
            UPDATE gate_attempt SET assignee = :assignee, claimed_at = COALESCE(claimed_at, :at)
            WHERE task_id = :task""";
    /** Four eyes: not by the sender of the handoff the gate reviews. */
    private static final String NOT_THE_SENDER = """

              AND NOT EXISTS (SELECT 1 FROM handoff h WHERE h.business_key = :bk AND h.from_gate = :from
                              AND h.decision IS NULL AND h.sender = :assignee)""";
    /**
     * The team rule (gate.TeamAssignmentCheck) in the claim's own statement: the claimer is a member
     * of one of the task's candidate groups, as Camunda's identity tables hold them, or the task is
     * offered to no group.
     */
    public static final String CLAIMER_IN_TEAM = """

              AND (NOT EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l
                               WHERE l.TASK_ID_ = :task AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL)
                   OR EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l JOIN ACT_ID_MEMBERSHIP m ON m.GROUP_ID_ = l.GROUP_ID_
                              WHERE l.TASK_ID_ = :task AND l.TYPE_ = 'candidate' AND m.USER_ID_ = :assignee))""";
    /** The claim statement by [four eyes][team rule], written once. */
    private static final String[] CLAIMS = {CLAIM, CLAIM + CLAIMER_IN_TEAM, CLAIM + NOT_THE_SENDER,
            CLAIM + NOT_THE_SENDER + CLAIMER_IN_TEAM};

    /**
     * Records the claim of a gate attempt unless the claimer sent the handoff the gate reviews
     * (four eyes; {@code reviewOf} null: no such rule) or, with {@code inTeam}, is not in the task's
     * team: 0 rows when refused (or when the task has no attempt row).
     */
    public int markClaimed(String taskId, String assignee, OffsetDateTime at, String businessKey, String reviewOf,
                           boolean inTeam) {
        if (assignee != null && assignee.length() > ASSIGNEE_LENGTH) {
            // no user has such an id, and PostgreSQL refuses the value even for no row, aborting the
            // engine's transaction: nothing to record, the caller's rules say why (or the engine's column)
            return 0;
        }
        var claim = now(CLAIMS[(reviewOf == null ? 0 : 2) + (inTeam ? 1 : 0)])
                .param("assignee", assignee).param("at", at).param("task", taskId);
        return (reviewOf == null ? claim : claim.param("bk", businessKey).param("from", reviewOf)).update();
    }

    public void insertGateAttempt(GateAttemptRecord a) {
        now("""
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
        markClaimed(taskId, assignee, at, null, null, false);
    }

    public void markUnclaimed(String taskId) {
        now("UPDATE gate_attempt SET assignee = NULL WHERE task_id = :task AND completed_at IS NULL")
                .param("task", taskId).update();
    }

    /** Deferred: a concurrent completion of the same task fails on the engine's own revision check. */
    public void markCompleted(String taskId, String completedBy, OffsetDateTime at) {
        deferred("""
                UPDATE gate_attempt SET assignee = :by, completed_at = :at, claimed_at = COALESCE(claimed_at, :at),
                                        open_breach_since = NULL
                WHERE task_id = :task AND completed_at IS NULL
                """).param("by", completedBy).param("at", at).param("task", taskId).defer();
    }

    public void markCancelled(String taskId, OffsetDateTime at) {
        deferred("UPDATE gate_attempt SET cancelled_at = :at, open_breach_since = NULL WHERE task_id = :task AND completed_at IS NULL")
                .param("at", at).param("task", taskId).defer();
    }

    public int markSlaBreached(String taskId, OffsetDateTime at, String accountable) {
        return now("""
                UPDATE gate_attempt SET sla_breached_at = :at, breach_accountable = :accountable, escalated_at = :at,
                                        open_breach_since = CASE WHEN completed_at IS NULL AND cancelled_at IS NULL THEN :at END
                WHERE task_id = :task AND sla_breached_at IS NULL
                """).param("at", at).param("accountable", accountable).param("task", taskId).update();
    }

    /**
     * Open gate attempts past their due date and not escalated since it passed (never, or before
     * a new due date was given), oldest due first.
     */
    public List<String> overdueOpenTaskIds(OffsetDateTime now, int limit) {
        return now("""
                SELECT task_id AS task_id FROM gate_attempt
                WHERE completed_at IS NULL AND cancelled_at IS NULL AND due_at <= :now
                  AND (escalated_at IS NULL OR escalated_at < due_at)
                ORDER BY due_at LIMIT :limit
                """).param("now", now).param("limit", limit).query((rs, i) -> rs.getString("task_id")).list();
    }

    /**
     * Records the escalation of a still open attempt past its due date, and its SLA breach unless
     * one is recorded: 0 when it was escalated (by another node), completed or cancelled meanwhile.
     */
    public int markSlaBreachedIfOpen(String taskId, OffsetDateTime at, String accountable) {
        return now("""
                UPDATE gate_attempt SET sla_breached_at = COALESCE(sla_breached_at, :at),
                                        open_breach_since = COALESCE(sla_breached_at, :at),
                                        breach_accountable = COALESCE(breach_accountable, :accountable), escalated_at = :at
                WHERE task_id = :task AND completed_at IS NULL AND cancelled_at IS NULL AND due_at <= :at
                  AND (escalated_at IS NULL OR escalated_at < due_at)
                """).param("at", at).param("accountable", accountable).param("task", taskId).update();
    }

    public Optional<GateAttemptRecord> findGateAttempt(String taskId) {
        return now(GATE_ATTEMPT_SELECT + " WHERE task_id = :task")
                .param("task", taskId).query(LedgerRepository::gateAttempt).optional();
    }

    public List<GateAttemptRecord> gateAttempts(String businessKey) {
        return now(GATE_ATTEMPT_SELECT + " WHERE business_key = :bk ORDER BY created_at, id")
                .param("bk", businessKey).query(LedgerRepository::gateAttempt).list();
    }

    /**
     * The comments Tasklist stored with the engine (ACT_HI_COMMENT) on a gate's attempts before
     * the given one, oldest attempt first, in one query. Joined by task: a comment created through
     * the REST API for a task need not name its process instance.
     */
    public List<AttemptComment> commentsOnEarlierAttempts(String businessKey, String gate, long beforeAttempt) {
        return now("""
                SELECT a.attempt AS attempt, c.USER_ID_ AS author, c.TIME_ AS at, c.FULL_MSG_ AS full_message,
                       c.MESSAGE_ AS message
                FROM gate_attempt a JOIN ACT_HI_COMMENT c ON c.TASK_ID_ = a.task_id
                WHERE a.business_key = :bk AND a.gate = :gate AND a.attempt < :before AND c.TYPE_ = 'comment'
                ORDER BY a.attempt, c.TIME_, c.ID_
                """).param("bk", businessKey).param("gate", gate).param("before", beforeAttempt)
                .query((rs, i) -> new AttemptComment(rs.getInt("attempt"), rs.getString("author"),
                        EngineColumns.time(rs, "at"), EngineColumns.commentText(rs, "full_message", "message"))).list();
    }

    // --- handoff ----------------------------------------------------------------------

    public int countHandoffs(String businessKey, String fromGate) {
        return now("SELECT COUNT(*) FROM handoff WHERE business_key = :bk AND from_gate = :gate")
                .param("bk", businessKey).param("gate", fromGate).query(Integer.class).single();
    }

    public void insertHandoff(HandoffRecord h) {
        now("""
                INSERT INTO handoff (business_key, from_gate, from_attempt, to_gate, from_team, to_team, sender,
                                     attempt, sent_at, accountable, sender_breached)
                VALUES (:bk, :fromGate, :fromAttempt, :toGate, :fromTeam, :toTeam, :sender, :attempt, :sent,
                        :accountable, EXISTS (SELECT 1 FROM gate_attempt g WHERE g.business_key = :bk
                            AND g.gate = :fromGate AND g.attempt = :fromAttempt AND g.sla_breached_at IS NOT NULL))
                """)
                .param("bk", h.businessKey()).param("fromGate", h.fromGate()).param("fromAttempt", h.fromAttempt())
                .param("toGate", h.toGate())
                .param("fromTeam", h.fromTeam()).param("toTeam", h.toTeam()).param("sender", h.sender())
                .param("attempt", h.attempt()).param("sent", h.sentAt()).param("accountable", h.accountable())
                .update();
    }

    /**
     * A handoff from the attempt of task {@code fromTaskId}, in one statement: its number follows
     * the gate's earlier handoffs, and whether the sending attempt breached its SLA is copied over.
     */
    public void insertHandoffFromAttempt(String businessKey, String fromGate, String fromTaskId, String toGate,
                                         String fromTeam, String toTeam, String sender, OffsetDateTime sentAt,
                                         String accountable) {
        deferred("""
                INSERT INTO handoff (business_key, from_gate, from_attempt, to_gate, from_team, to_team, sender,
                                     attempt, sent_at, accountable, sender_breached)
                SELECT CAST(:bk AS VARCHAR), CAST(:fromGate AS VARCHAR), g.attempt, CAST(:toGate AS VARCHAR),
                       CAST(:fromTeam AS VARCHAR), CAST(:toTeam AS VARCHAR), CAST(:sender AS VARCHAR),
                       (SELECT COUNT(*) + 1 FROM handoff h WHERE h.business_key = :bk AND h.from_gate = :fromGate),
                       CAST(:sent AS TIMESTAMP WITH TIME ZONE), CAST(:accountable AS VARCHAR), g.sla_breached_at IS NOT NULL
                FROM gate_attempt g WHERE g.task_id = :task
                """)
                .param("bk", businessKey).param("fromGate", fromGate).param("task", fromTaskId).param("toGate", toGate)
                .param("fromTeam", fromTeam).param("toTeam", toTeam).param("sender", sender).param("sent", sentAt)
                .param("accountable", accountable)
                .defer();
    }

    public Optional<HandoffRecord> lastHandoff(String businessKey, String fromGate) {
        return now(HANDOFF_SELECT + " WHERE business_key = :bk AND from_gate = :gate ORDER BY attempt DESC")
                .param("bk", businessKey).param("gate", fromGate)
                .query(LedgerRepository::handoff).stream().findFirst();
    }

    /** Deferred: two decisions on one handoff come from two completions of one task; the engine lets one commit. */
    public void decideHandoff(long id, String decision, String receiver, Integer quality, String returnReason,
                              OffsetDateTime at) {
        deferred("""
                UPDATE handoff SET decision = :decision, receiver = :receiver, quality_score = :quality,
                                   return_reason = :reason, decided_at = :at
                WHERE id = :id AND decision IS NULL
                """).param("decision", decision).param("receiver", receiver).param("quality", quality)
                .param("reason", returnReason).param("at", at).param("id", id).defer();
    }

    public List<HandoffRecord> handoffs(String businessKey) {
        return now(HANDOFF_SELECT + " WHERE business_key = :bk ORDER BY sent_at, id")
                .param("bk", businessKey).query(LedgerRepository::handoff).list();
    }

    // --- campaign_result --------------------------------------------------------------

    public void insertResult(CampaignResultRecord r) {
        deferred("""
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
                .defer();
    }

    public Optional<CampaignResultRecord> findResult(String businessKey) {
        return now("""
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
