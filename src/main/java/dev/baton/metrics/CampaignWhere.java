package dev.baton.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The WHERE clause of a campaign-level KPI query: the time range on one column, plus the filters that are set. */
final class CampaignWhere {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final MetricsFilter filter;

    /**
     * The range is written into the SQL as literals, not bound: PostgreSQL's JDBC driver prepares
     * a statement on the server after a few executions on a pooled connection, and the generic
     * plan it then uses cannot tell 90 days from two years (the benchmark measured the two-year
     * hygiene, outcome and program reads 2-4 times slower with it). The literals are formatted
     * here from the filter's timestamps, never from request text.
     */
    CampaignWhere(String timeColumn, MetricsFilter filter) {
        this.filter = filter;
        sql.append("WHERE ").append(timeColumn).append(" >= ").append(literal(filter.from()))
                .append(" AND ").append(timeColumn).append(" < ").append(literal(filter.to()));
        add("c.campaign_type", "campaignType", filter.campaignType());
        add("c.channel", "channel", filter.channel());
    }

    private static final java.time.format.DateTimeFormatter LITERAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    static String literal(java.time.OffsetDateTime at) {
        return "CAST('" + LITERAL.format(at.withOffsetSameInstant(java.time.ZoneOffset.UTC)) + "' AS TIMESTAMP WITH TIME ZONE)";
    }

    /** Campaign-level KPIs have no gate or team of their own: those filters select campaigns that passed one. */
    CampaignWhere campaignColumns() {
        if (filter.gate() != null || filter.team() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM gate_attempt ga WHERE ga.business_key = c.business_key");
            if (filter.gate() != null) {
                sql.append(" AND ga.gate = :gate");
                params.put("gate", filter.gate());
            }
            if (filter.team() != null) {
                sql.append(" AND ga.team = :team");
                params.put("team", filter.team());
            }
            sql.append(")");
        }
        return this;
    }

    private void add(String column, String name, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    String sql() {
        return sql.toString();
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        params.forEach(statement::param);
        return statement;
    }
}
