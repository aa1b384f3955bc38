package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.dbl;

import dev.baton.metrics.Kpis.HygieneKpi;
import dev.baton.metrics.Kpis.OutcomeKpi;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hygiene and outcomes as SQL over the campaigns and read-outs themselves: for filters the daily
 * summaries cannot answer (a gate or team the campaigns passed), and the reference the rollup
 * tests compare {@link RolledUpCampaignKpis} with.
 */
final class LedgerCampaignKpis {

    private final JdbcClient jdbc;

    LedgerCampaignKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HygieneKpi hygiene(MetricsFilter filter) {
        CampaignWhere where = new CampaignWhere("c.launched_at", filter).campaignColumns();
        return where.bind(jdbc.sql("""
                SELECT COUNT(*) AS launched,
                       SUM(CASE WHEN c.control_group_percent > 0 THEN 1 ELSE 0 END) AS with_control,
                       SUM(CASE WHEN c.tracking_verified = TRUE THEN 1 ELSE 0 END) AS tracking_verified,
                       SUM(CASE WHEN r.business_key IS NOT NULL THEN 1 ELSE 0 END) AS read_out
                FROM campaign c LEFT JOIN campaign_result r ON r.business_key = c.business_key
                %s
                """.formatted(where.sql())))
                .query((rs, i) -> {
                    long launched = rs.getLong("launched");
                    long control = rs.getLong("with_control");
                    long tracking = rs.getLong("tracking_verified");
                    long readOut = rs.getLong("read_out");
                    return new HygieneKpi(launched, control, tracking, readOut, Kpis.share(control, launched),
                            Kpis.share(tracking, launched), Kpis.share(readOut, launched));
                }).single();
    }

    List<OutcomeKpi> outcomes(MetricsFilter filter) {
        CampaignWhere where = new CampaignWhere("r.recorded_at", filter).campaignColumns();
        return where.bind(jdbc.sql("""
                SELECT c.campaign_type AS campaign_type, COUNT(*) AS read_outs, AVG(r.lift) AS mean_lift,
                       SUM(CASE WHEN r.p_value < %s THEN 1 ELSE 0 END) AS significant,
                       SUM(CASE WHEN r.next_action = 'scale' THEN 1 ELSE 0 END) AS scale_count,
                       SUM(CASE WHEN r.next_action = 'iterate' THEN 1 ELSE 0 END) AS iterate_count,
                       SUM(CASE WHEN r.next_action = 'stop' THEN 1 ELSE 0 END) AS stop_count
                FROM campaign_result r JOIN campaign c ON c.business_key = r.business_key
                %s
                GROUP BY c.campaign_type
                ORDER BY c.campaign_type
                """.formatted(CampaignDayTally.ReadOuts.SIGNIFICANCE, where.sql())))
                .query((rs, i) -> {
                    long readOuts = rs.getLong("read_outs");
                    long significant = rs.getLong("significant");
                    return new OutcomeKpi(rs.getString("campaign_type"), readOuts, dbl(rs, "mean_lift"), significant,
                            Kpis.share(significant, readOuts), rs.getLong("scale_count"), rs.getLong("iterate_count"),
                            rs.getLong("stop_count"));
                }).list();
    }
}
