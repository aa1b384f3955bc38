package dev.baton.metrics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A KPI range split for the daily rollup: the whole UTC days inside [from, to) are read from a
 * daily summary table, and from the ledger only what the summaries do not hold — the partial
 * days at both ends, and rows of the whole days not rolled up yet (open, or finished since the
 * last rollup). The two never overlap, and together they hold every row of the range once.
 *
 * <p>Campaign type and channel filters select the summaries' per-type and per-channel rows and,
 * in the ledger, the rows of campaigns of that type or channel; without them the summaries' rows
 * for all campaigns ('*') are read.
 *
 * @param filterSql conditions on columns both the ledger table and its summary have (no aliases)
 */
record DaySplit(LocalDate firstDay, LocalDate endDay, String filterSql,
                String summaryCampaignSql, String ledgerCampaignSql, Map<String, Object> params) {

    /** campaign_type and channel of the summary rows that count every campaign. */
    static final String ALL_CAMPAIGNS = "*";

    static DaySplit of(MetricsFilter filter, String filterSql, Map<String, Object> filterParams) {
        LocalDate first = filter.from().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        if (first.atStartOfDay().atOffset(ZoneOffset.UTC).isBefore(filter.from())) {
            first = first.plusDays(1);
        }
        LocalDate end = filter.to().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        if (!first.isBefore(end)) {
            end = first; // no whole day: everything comes from the ledger
        }
        Map<String, Object> params = new LinkedHashMap<>(filterParams);
        params.put("from", filter.from());
        params.put("to", filter.to());
        params.put("firstDay", first);
        params.put("endDay", end);
        params.put("wholeFrom", first.atStartOfDay().atOffset(ZoneOffset.UTC));
        params.put("wholeTo", end.atStartOfDay().atOffset(ZoneOffset.UTC));
        String summaryCampaign = " AND campaign_type = '" + ALL_CAMPAIGNS + "'";
        String ledgerCampaign = "";
        if (filter.campaignType() != null) {
            params.put("campaignType", filter.campaignType());
        }
        if (filter.channel() != null) {
            params.put("channel", filter.channel());
        }
        String campaigns = typeAndChannel("", params);
        if (!campaigns.isEmpty()) {
            summaryCampaign = campaigns; // a real type or channel is never '*'
            ledgerCampaign = " AND business_key IN (SELECT business_key FROM campaign WHERE 1 = 1" + campaigns + ")";
        }
        return new DaySplit(first, end, filterSql, summaryCampaign, ledgerCampaign, params);
    }

    /** The same split with one more condition on the ledger rows only (the summaries hold no such rows). */
    DaySplit withLedgerCondition(String conditionSql) {
        return new DaySplit(firstDay, endDay, filterSql, summaryCampaignSql, ledgerCampaignSql + conditionSql, params);
    }

    /** The campaign type and channel conditions on a campaign table under this alias; "" without those filters. */
    String campaignConditions(String alias) {
        return typeAndChannel(alias + ".", params);
    }

    /** The campaign type and channel conditions for the filters bound in params, columns prefixed. */
    private static String typeAndChannel(String prefix, Map<String, Object> params) {
        return (params.containsKey("campaignType") ? " AND " + prefix + "campaign_type = :campaignType" : "")
                + (params.containsKey("channel") ? " AND " + prefix + "channel = :channel" : "");
    }

    boolean hasWholeDays() {
        return firstDay.isBefore(endDay);
    }

    /** The summary rows of the whole days; null when the range holds no whole day. */
    String summarySql(String summaryTable, String columns) {
        return !hasWholeDays() ? null
                : "SELECT " + columns + " FROM " + summaryTable
                        + " WHERE ledger_day >= :firstDay AND ledger_day < :endDay" + filterSql + summaryCampaignSql;
    }

    /**
     * The summary rows of the whole days of a summary kept per campaign type and channel only, with
     * no rows for all campaigns: every row of those days unless a type or channel is chosen; null
     * when the range holds no whole day.
     */
    String summarySqlPerCampaign(String summaryTable, String columns) {
        return !hasWholeDays() ? null
                : "SELECT " + columns + " FROM " + summaryTable + " s"
                        + " WHERE ledger_day >= :firstDay AND ledger_day < :endDay" + filterSql + campaignConditions("s");
    }

    /**
     * The ledger rows the summaries do not hold. Two index ranges rather than one condition, so
     * that PostgreSQL reads only these rows (summarized, time) and (time), not the whole range.
     */
    String ledgerSql(String table, String timeColumn, String columns) {
        String select = "SELECT " + columns + " FROM " + table + " WHERE ";
        String filterSql = this.filterSql + ledgerCampaignSql;
        if (!hasWholeDays()) {
            return select + timeColumn + " >= :from AND " + timeColumn + " < :to" + filterSql;
        }
        return select + "((" + timeColumn + " >= :from AND " + timeColumn + " < :wholeFrom) OR (" + timeColumn
                + " >= :wholeTo AND " + timeColumn + " < :to))" + filterSql
                + " UNION ALL " + select + "summarized = FALSE AND " + timeColumn + " >= :wholeFrom AND "
                + timeColumn + " < :wholeTo" + filterSql;
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        params.forEach(statement::param);
        return statement;
    }
}
