package dev.baton.metrics;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where every running campaign and program is now: the gate holding the baton, the team and the
 * person holding it, since when, its due date and whether it is overdue, and how often work came
 * back so far. A campaign without an open gate is measuring (launched) or a program between
 * reviews. From the ledger, and the engine's runtime table for which lifecycle it runs.
 */
@Service
public class CampaignBoard {

    public static final String SORT_DUE = "due";
    /** The sorts the board offers, each with its ORDER BY (open gates first where it matters). */
    static final Map<String, String> SORTS = Map.of(
            SORT_DUE, "CASE WHEN ga.due_at IS NULL THEN 1 ELSE 0 END, ga.due_at, c.business_key",
            "since", "CASE WHEN ga.created_at IS NULL AND rt.CREATE_TIME_ IS NULL THEN 1 ELSE 0 END, "
                    + "COALESCE(ga.created_at, CAST(rt.CREATE_TIME_ AS TIMESTAMP WITH TIME ZONE)), c.business_key",
            "returns", "returns DESC, c.business_key",
            "code", "c.business_key");
    static final int MAX_ROWS = 500;
    /** The stage of a program whose review against its holdout is due. */
    public static final String STAGE_REVIEW = "review";
    /** Who holds a program's review: its candidate group. */
    private static final String REVIEW_TEAM = "SELECT MIN(il.GROUP_ID_) FROM ACT_RU_IDENTITYLINK il "
            + "WHERE il.TASK_ID_ = rt.ID_ AND il.TYPE_ = 'candidate'";

    public record Query(String campaignType, String channel, String team, String owner, String sort) {
    }

    /** One row of the board. {@code gate} is null while nothing waits at a gate (measuring, between reviews). */
    public record Entry(String businessKey, String name, String kind, String campaignType, String channel, String owner,
                        String stage, String gate, String team, String holder, Integer attempt, OffsetDateTime since,
                        OffsetDateTime dueAt, boolean overdue, long returns, String timeline) {
    }

    private final JdbcClient jdbc;

    public CampaignBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> entries(Query query, OffsetDateTime now) {
        StringBuilder where = new StringBuilder("WHERE c.outcome IN ('running', 'launched')");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (query.campaignType() != null) {
            where.append(" AND c.campaign_type = :type");
            params.put("type", query.campaignType());
        }
        if (query.channel() != null) {
            where.append(" AND c.channel = :channel");
            params.put("channel", query.channel());
        }
        if (query.team() != null) {
            where.append(" AND COALESCE(ga.team, (" + REVIEW_TEAM + ")) = :team");
            params.put("team", query.team());
        }
        if (query.owner() != null) {
            where.append(" AND c.owner = :owner");
            params.put("owner", query.owner());
        }
        var statement = jdbc.sql("""
                SELECT c.business_key AS bk, c.name AS name, c.campaign_type AS type, c.channel AS channel, c.owner AS owner,
                       c.outcome AS outcome, c.launched_at AS launched_at, c.paused_at AS paused_at,
                       ga.gate AS gate, ga.team AS team, ga.assignee AS holder, ga.attempt AS attempt,
                       ga.created_at AS since, ga.due_at AS due_at,
                       (SELECT COUNT(*) FROM handoff h WHERE h.business_key = c.business_key AND h.decision = 'returned') AS returns,
                       (SELECT d.KEY_ FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
                        WHERE e.ID_ = c.process_instance_id) AS process_key,
                       rt.ASSIGNEE_ AS review_holder, rt.CREATE_TIME_ AS review_since, rt.DUE_DATE_ AS review_due,
                       (%s) AS review_team
                FROM campaign c
                LEFT JOIN gate_attempt ga ON ga.business_key = c.business_key
                                          AND ga.completed_at IS NULL AND ga.cancelled_at IS NULL
                LEFT JOIN ACT_RU_TASK rt ON rt.PROC_INST_ID_ = c.process_instance_id AND rt.TASK_DEF_KEY_ = '%s'
                %s
                ORDER BY %s
                FETCH FIRST %d ROWS ONLY
                """.formatted(REVIEW_TEAM, AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW, where, SORTS.get(query.sort()),
                MAX_ROWS));
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, i) -> {
            boolean program = AutomatedCampaignLifecycleProcess.PROCESS_ID.equals(rs.getString("process_key"));
            String gate = rs.getString("gate");
            OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
            OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
            String team = rs.getString("team");
            String holder = rs.getString("holder");
            OffsetDateTime reviewSince = dev.baton.ledger.EngineColumns.time(rs, "review_since");
            String stage = gate != null ? gate
                    : reviewSince != null ? STAGE_REVIEW
                    : program ? (rs.getObject("paused_at", OffsetDateTime.class) != null ? "paused" : "live")
                    : "launched".equals(rs.getString("outcome")) ? "measuring" : "starting";
            if (gate == null && reviewSince != null) {
                // a program's review waits for the optimisation team: that is where its baton is
                since = reviewSince;
                due = dev.baton.ledger.EngineColumns.time(rs, "review_due");
                team = rs.getString("review_team");
                holder = rs.getString("review_holder");
            } else if (gate == null) {
                since = rs.getObject("launched_at", OffsetDateTime.class);
            }
            String code = rs.getString("bk");
            Number attempt = (Number) rs.getObject("attempt");
            return new Entry(code, rs.getString("name"), program ? "program" : "campaign", rs.getString("type"),
                    rs.getString("channel"), rs.getString("owner"), stage, gate, team, holder,
                    attempt == null ? null : attempt.intValue(), since, due, due != null && due.isBefore(now),
                    rs.getLong("returns"), "/api/campaigns/" + code + "/timeline");
        }).list();
    }
}
