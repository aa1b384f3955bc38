package dev.baton.metrics;

import dev.baton.metrics.CampaignDayTally.Launches;
import dev.baton.metrics.CampaignDayTally.ReadOuts;
import dev.baton.metrics.Kpis.HygieneKpi;
import dev.baton.metrics.Kpis.OutcomeKpi;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hygiene and outcomes from the campaign-level summaries ({@link CampaignRollup}) plus what they do
 * not hold ({@link DaySplit}): campaigns launched and read-outs recorded on the partial days at
 * both ends of the range or not rolled up yet. Exact, like the SQL on the ledger
 * ({@link LedgerCampaignKpis}); campaign type and channel filters read the summaries' rows of that
 * type or channel. A gate or team filter cannot be answered from here.
 */
final class RolledUpCampaignKpis {

    private final JdbcClient jdbc;

    RolledUpCampaignKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HygieneKpi hygiene(MetricsFilter filter) {
        DaySplit split = DaySplit.of(filter, "", Map.of());
        Launches total = new Launches();
        read(split.summarySqlPerCampaign("launch_day", CampaignDayTally.sums(Launches.COLUMNS)), split, total::addDay);
        read("SELECT COUNT(*) AS launched, SUM(CASE WHEN control_group_percent > 0 THEN 1 ELSE 0 END) AS with_control, "
                + "SUM(CASE WHEN tracking_verified = TRUE THEN 1 ELSE 0 END) AS tracking_verified, 0 AS read_out FROM ("
                + split.ledgerSql("campaign", "launched_at", "control_group_percent, tracking_verified") + ") launches",
                split, total::addDay);
        read("SELECT 0 AS launched, 0 AS with_control, 0 AS tracking_verified, COUNT(*) AS read_out FROM ("
                + readOutsOfLaunchesNotSummarized(split) + ") read_outs", split, total::addDay);
        return total.kpi();
    }

    /**
     * The read-outs of the range's launches that launch_day does not count: all of those launched
     * on a partial day, and those not rolled up yet of campaigns launched on a whole day.
     */
    private static String readOutsOfLaunchesNotSummarized(DaySplit split) {
        String select = "SELECT r.business_key FROM campaign_result r JOIN campaign c ON c.business_key = r.business_key WHERE ";
        String campaigns = split.campaignConditions("c");
        if (!split.hasWholeDays()) {
            return select + "c.launched_at >= :from AND c.launched_at < :to" + campaigns;
        }
        return select + "((c.launched_at >= :from AND c.launched_at < :wholeFrom) OR (c.launched_at >= :wholeTo"
                + " AND c.launched_at < :to))" + campaigns
                + " UNION ALL " + select + "r.summarized = FALSE AND c.launched_at >= :wholeFrom"
                + " AND c.launched_at < :wholeTo" + campaigns;
    }

    List<OutcomeKpi> outcomes(MetricsFilter filter) {
        DaySplit split = DaySplit.of(filter, "", Map.of());
        Map<String, ReadOuts> byType = new TreeMap<>();
        String summary = split.summarySqlPerCampaign("read_out_day",
                "campaign_type, " + CampaignDayTally.sums(ReadOuts.COLUMNS));
        read(summary == null ? null : summary + " GROUP BY campaign_type", split,
                rs -> byType.computeIfAbsent(rs.getString("campaign_type"), k -> new ReadOuts()).addDay(rs));
        read(split.ledgerSql("campaign_result", "recorded_at", "lift, p_value, next_action, (SELECT c.campaign_type "
                        + "FROM campaign c WHERE c.business_key = campaign_result.business_key) AS campaign_type"), split,
                rs -> byType.computeIfAbsent(rs.getString("campaign_type"), k -> new ReadOuts()).addReadOut(rs));
        return byType.entrySet().stream().map(e -> e.getValue().kpi(e.getKey())).toList();
    }

    private void read(String sql, DaySplit split, RowCallbackHandler rows) {
        if (sql != null) {
            split.bind(jdbc.sql(sql)).query(rows);
        }
    }
}
