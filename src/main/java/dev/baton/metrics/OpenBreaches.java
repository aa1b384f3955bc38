package dev.baton.metrics;

import dev.baton.metrics.Kpis.SenderKpi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gates past their SLA that nobody has handed on yet. The handoff KPIs see a breach only once the
 * late gate is handed on; until then it counts here, for the accountable person recorded with the
 * breach and for the gate's team. A breach still open at the end of the range counts in it, however
 * long ago it began; once handed on, it counts as the handoff's.
 */
final class OpenBreaches {

    private final JdbcClient jdbc;

    OpenBreaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open breaches per accountable person or per team. */
    Map<String, Long> count(MetricsFilter filter, HandoffMetrics.SenderGrouping grouping) {
        String key = grouping == HandoffMetrics.SenderGrouping.ACCOUNTABLE ? "g.breach_accountable" : "g.team";
        StringBuilder sql = new StringBuilder("""
                SELECT %1$s AS sender, COUNT(*) AS open_breaches
                FROM gate_attempt g JOIN campaign c ON c.business_key = g.business_key
                WHERE g.open_breach_since IS NOT NULL AND g.open_breach_since < :to""".formatted(key));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("to", filter.to());
        condition(sql, params, "c.campaign_type", "type", filter.campaignType());
        condition(sql, params, "c.channel", "channel", filter.channel());
        condition(sql, params, "g.gate", "gate", filter.gate());
        condition(sql, params, "g.team", "team", filter.team());
        sql.append(" GROUP BY ").append(key);
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        params.forEach(statement::param);
        Map<String, Long> counts = new LinkedHashMap<>();
        statement.query(rs -> {
            counts.put(rs.getString("sender"), rs.getLong("open_breaches"));
        });
        return counts;
    }

    /**
     * The senders with their open breaches added to their SLA breaches; people and teams with open
     * breaches but nothing handed on in the range follow, by name.
     */
    static List<SenderKpi> addedTo(List<SenderKpi> senders, Map<String, Long> open) {
        Map<String, Long> left = new LinkedHashMap<>(open);
        List<SenderKpi> all = new ArrayList<>(senders.size() + open.size());
        for (SenderKpi s : senders) {
            long mine = left.containsKey(s.sender()) ? left.remove(s.sender()) : 0;
            all.add(new SenderKpi(s.sender(), s.handoffs(), s.decided(), s.firstPassYield(), s.returns(),
                    s.meanQuality(), s.slaBreaches() + mine, mine));
        }
        left.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .forEach(e -> all.add(new SenderKpi(e.getKey(), 0, 0, null, 0, null, e.getValue(), e.getValue())));
        return List.copyOf(all);
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
