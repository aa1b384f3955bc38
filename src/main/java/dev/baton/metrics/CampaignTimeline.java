package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.dbl;
import static dev.baton.metrics.LedgerColumns.time;

import dev.baton.gate.PeopleDates;
import dev.baton.ledger.EscalationActionRecord;
import dev.baton.ledger.LedgerRepository;
import dev.baton.ledger.ProgramReviewRecord;
import dev.baton.metrics.Kpis.Timeline;
import dev.baton.metrics.Kpis.TimelineEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything that happened to one campaign, in time order: each gate attempt and handoff, what
 * project managers did about overdue gates, comments people left on its gates, the launch, the
 * result read out (or each review of a program) and a cancellation. From the ledger; comments
 * from the engine ({@link GateComments}).
 */
final class CampaignTimeline {

    /** Lifts and p-values as the read-out form shows them. */
    static final double SIGNIFICANCE = 0.05;

    private final JdbcClient jdbc;
    private final LedgerRepository ledger;
    private final Supplier<DurationSql> durations;
    private final GateComments comments;

    CampaignTimeline(JdbcClient jdbc, LedgerRepository ledger, Supplier<DurationSql> durations, GateComments comments) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.durations = durations;
        this.comments = comments;
    }

    Timeline of(Timeline header) {
        String businessKey = header.businessKey();
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, String[]> gateOfTask = new LinkedHashMap<>();
        gates(businessKey, entries, gateOfTask);
        handoffs(businessKey, entries);
        for (EscalationActionRecord action : ledger.escalationActions(businessKey)) {
            entries.add(escalation(action, gateOfTask.get(action.taskId())));
        }
        for (GateComments.Comment comment : comments.of(header.processInstanceId(), gateOfTask.keySet())) {
            String[] gate = gateOfTask.get(comment.taskId());
            entries.add(new TimelineEntry("comment", comment.at(), gate == null ? null : gate[0], null,
                    gate == null ? 0 : Integer.parseInt(gate[1]), gate == null ? null : gate[2], comment.author(), null,
                    null, null, null, "commented", null, null, false, null, comment.text(), null));
        }
        milestones(businessKey, entries);
        for (ProgramReviewRecord review : ledger.programReviews(businessKey)) {
            entries.add(review(review));
        }
        // a handoff is sent the moment the receiving gate opens: list the handoff first
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> e.kind().equals("gate")));
        return new Timeline(header.businessKey(), header.name(), header.campaignType(), header.channel(),
                header.outcome(), header.processInstanceId(), List.copyOf(entries));
    }

    private void gates(String businessKey, List<TimelineEntry> entries, Map<String, String[]> gateOfTask) {
        jdbc.sql("""
                SELECT g.gate AS gate, g.attempt AS attempt, g.team AS team, g.assignee AS person, g.task_id AS task_id,
                       g.created_at AS created_at, g.claimed_at AS claimed_at,
                       COALESCE(g.completed_at, g.cancelled_at) AS ended_at,
                       CASE WHEN g.completed_at IS NOT NULL THEN 'completed'
                            WHEN g.cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'open' END AS outcome,
                       %s AS wait_s, %s AS work_s, g.sla_breached_at AS breached_at
                FROM gate_attempt g WHERE g.business_key = :bk
                """.formatted(durations.get().waitSeconds(), durations.get().workSeconds())).param("bk", businessKey)
                .query(rs -> {
                    gateOfTask.put(rs.getString("task_id"),
                            new String[] {rs.getString("gate"), String.valueOf(rs.getInt("attempt")), rs.getString("team")});
                    entries.add(new TimelineEntry("gate", time(rs, "created_at"), rs.getString("gate"), null,
                            rs.getInt("attempt"), rs.getString("team"), rs.getString("person"), time(rs, "claimed_at"),
                            time(rs, "ended_at"), dbl(rs, "wait_s"), dbl(rs, "work_s"), rs.getString("outcome"), null,
                            null, time(rs, "breached_at") != null, null, null, null));
                });
    }

    private void handoffs(String businessKey, List<TimelineEntry> entries) {
        jdbc.sql("""
                SELECT h.from_gate AS from_gate, h.to_gate AS to_gate, h.attempt AS attempt, h.from_team AS team,
                       h.sender AS sender, h.sent_at AS sent_at, h.decided_at AS decided_at,
                       COALESCE(h.decision, 'pending') AS outcome, h.quality_score AS quality,
                       h.return_reason AS reason, %s AS latency_s
                FROM handoff h WHERE h.business_key = :bk
                """.formatted(durations.get().latencySeconds())).param("bk", businessKey)
                .query(rs -> {
                    int quality = rs.getInt("quality");
                    Integer score = rs.wasNull() ? null : quality;
                    entries.add(new TimelineEntry("handoff", time(rs, "sent_at"), rs.getString("from_gate"),
                            rs.getString("to_gate"), rs.getInt("attempt"), rs.getString("team"), rs.getString("sender"),
                            null, time(rs, "decided_at"), dbl(rs, "latency_s"), null, rs.getString("outcome"), score,
                            rs.getString("reason"), false, null, null, null));
                });
    }

    private static TimelineEntry escalation(EscalationActionRecord action, String[] gate) {
        String detail = switch (action.action()) {
            case EscalationActionRecord.REMIND -> "reminded the team and the accountable person";
            case EscalationActionRecord.REASSIGN -> "reassigned to " + action.assignee();
            case EscalationActionRecord.EXTEND -> "new due date " + PeopleDates.format(action.newDueAt().toInstant());
            default -> action.action();
        };
        return new TimelineEntry("escalation", action.actedAt(), gate == null ? null : gate[0], null,
                gate == null ? 0 : Integer.parseInt(gate[1]), gate == null ? null : gate[2], action.actor(), null, null,
                null, null, action.action(), null, null, false, detail, action.reason(), null);
    }

    /** The launch, the result read out and a cancellation: the campaign's own row and its result. */
    private void milestones(String businessKey, List<TimelineEntry> entries) {
        jdbc.sql("""
                SELECT c.launched_at AS launched_at, c.control_group_percent AS control_percent,
                       c.tracking_verified AS tracking_verified, c.outcome AS outcome, c.closed_at AS closed_at,
                       c.cancellation_reason AS cancellation_reason,
                       r.recorded_at AS recorded_at, r.test_rate AS test_rate, r.control_rate AS control_rate,
                       r.lift AS lift, r.p_value AS p_value, r.next_action AS next_action, r.learnings AS learnings
                FROM campaign c LEFT JOIN campaign_result r ON r.business_key = c.business_key
                WHERE c.business_key = :bk
                """).param("bk", businessKey).query(rs -> {
                    OffsetDateTime launched = time(rs, "launched_at");
                    if (launched != null) {
                        Double control = dbl(rs, "control_percent");
                        boolean tracked = rs.getBoolean("tracking_verified");
                        String detail = (control == null || control == 0 ? "no control group" : "control group " + number(control) + " %")
                                + (tracked ? ", tracking verified" : ", tracking not verified");
                        entries.add(milestone("launch", launched, "launched", detail, null, null));
                    }
                    OffsetDateTime recorded = time(rs, "recorded_at");
                    if (recorded != null) {
                        Map<String, Double> figures = new LinkedHashMap<>();
                        figures.put("testRate", dbl(rs, "test_rate"));
                        figures.put("controlRate", dbl(rs, "control_rate"));
                        figures.put("lift", dbl(rs, "lift"));
                        figures.put("pValue", dbl(rs, "p_value"));
                        String action = rs.getString("next_action");
                        entries.add(milestone("result", recorded, action,
                                result(figures.get("lift"), figures.get("pValue")) + "; decision: " + action,
                                rs.getString("learnings"), figures));
                    }
                    OffsetDateTime closed = time(rs, "closed_at");
                    if ("cancelled".equals(rs.getString("outcome")) && closed != null) {
                        entries.add(milestone("cancelled", closed, "cancelled", "campaign cancelled",
                                rs.getString("cancellation_reason"), null));
                    }
                });
    }

    private static TimelineEntry review(ProgramReviewRecord r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("activeRate", r.activeRate());
        figures.put("holdoutActiveRate", r.holdoutActiveRate());
        figures.put("activeLift", r.activeLift());
        String lift = r.activeLift() == null ? "–" : signedPercent(r.activeLift());
        return new TimelineEntry("review", r.reviewedAt(), null, null, r.reviewNumber(), null, r.reviewer(), null, null,
                null, null, r.decision(), null, null, false,
                "review " + r.reviewNumber() + ": active-rate lift " + lift + " against the holdout; decision: " + r.decision(),
                r.learnings(), figures);
    }

    private static TimelineEntry milestone(String kind, OffsetDateTime at, String outcome, String detail, String note,
                                           Map<String, Double> figures) {
        return new TimelineEntry(kind, at, null, null, 0, null, null, null, null, null, null, outcome, null, null, false,
                detail, note, figures);
    }

    static String result(Double lift, Double p) {
        String liftText = lift == null ? "lift –" : "lift " + signedPercent(lift);
        if (p == null) {
            return liftText;
        }
        String pText = p < 0.001 ? "p < 0.001" : "p = " + String.format(Locale.ENGLISH, "%.3f", p);
        return liftText + ", " + pText + (p < SIGNIFICANCE ? " (significant)" : " (not significant)");
    }

    private static String signedPercent(double share) {
        return String.format(Locale.ENGLISH, "%+.1f %%", share * 100);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ENGLISH, "%.1f", value);
    }
}
