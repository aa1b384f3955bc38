package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.time;
import static dev.baton.metrics.LedgerColumns.utcDay;

import dev.baton.metrics.CampaignDayTally.Launches;
import dev.baton.metrics.CampaignDayTally.ReadOuts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaign-level part of the daily rollup (migration V12): launches of closed days into
 * launch_day, read-outs of closed days into read_out_day and into the read_out count of their
 * campaign's launch day. A campaign's hygiene facts are written at launch and a read-out is never
 * changed, so each is counted once. Runs inside {@link KpiRollup}'s locked batch transaction.
 */
final class CampaignRollup {

    /** The day, campaign type and channel a campaign-level summary row is kept for. */
    private record DayKey(LocalDate day, String campaignType, String channel) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CampaignRollup(NamedParameterJdbcTemplate named) {
        this.named = named;
        this.jdbc = JdbcClient.create(named);
    }

    /** Sums up to batchSize campaigns launched before the given instant; returns how many. */
    int rollUpLaunches(OffsetDateTime before, int batchSize) {
        Map<DayKey, Launches> launches = new HashMap<>();
        List<String> campaigns = new ArrayList<>();
        jdbc.sql("""
                SELECT business_key, launched_at, campaign_type, channel, control_group_percent, tracking_verified
                FROM campaign WHERE summarized = FALSE AND launched_at < :before
                ORDER BY launched_at FETCH FIRST %d ROWS ONLY""".formatted(batchSize))
                .param("before", before)
                .query(rs -> {
                    campaigns.add(rs.getString("business_key"));
                    launches.computeIfAbsent(new DayKey(utcDay(time(rs, "launched_at")), rs.getString("campaign_type"),
                            rs.getString("channel")), k -> new Launches()).addLaunch(rs);
                });
        if (campaigns.isEmpty()) {
            return 0;
        }
        merge("launch_day", launches, Launches::new);
        jdbc.sql("UPDATE campaign SET summarized = TRUE WHERE business_key IN (:keys)").param("keys", campaigns).update();
        return campaigns.size();
    }

    /** Sums up to batchSize read-outs recorded before the given instant; returns how many. */
    int rollUpReadOuts(OffsetDateTime before, int batchSize) {
        Map<DayKey, ReadOuts> readOuts = new HashMap<>();
        Map<DayKey, Launches> ofLaunches = new HashMap<>();
        List<String> campaigns = new ArrayList<>();
        jdbc.sql("""
                SELECT r.business_key AS business_key, r.lift AS lift, r.p_value AS p_value, r.next_action AS next_action,
                       r.recorded_at AS recorded_at, c.launched_at AS launched_at, c.campaign_type AS campaign_type,
                       c.channel AS channel
                FROM campaign_result r JOIN campaign c ON c.business_key = r.business_key
                WHERE r.summarized = FALSE AND r.recorded_at < :before
                ORDER BY r.recorded_at FETCH FIRST %d ROWS ONLY""".formatted(batchSize))
                .param("before", before)
                .query(rs -> {
                    campaigns.add(rs.getString("business_key"));
                    String type = rs.getString("campaign_type");
                    String channel = rs.getString("channel");
                    readOuts.computeIfAbsent(new DayKey(utcDay(time(rs, "recorded_at")), type, channel),
                            k -> new ReadOuts()).addReadOut(rs);
                    OffsetDateTime launched = time(rs, "launched_at");
                    if (launched != null) { // hygiene counts read-outs by their campaign's launch day
                        ofLaunches.computeIfAbsent(new DayKey(utcDay(launched), type, channel), k -> new Launches()).addReadOut();
                    }
                });
        if (campaigns.isEmpty()) {
            return 0;
        }
        merge("read_out_day", readOuts, ReadOuts::new);
        merge("launch_day", ofLaunches, Launches::new);
        jdbc.sql("UPDATE campaign_result SET summarized = TRUE WHERE business_key IN (:keys)").param("keys", campaigns)
                .update();
        return campaigns.size();
    }

    /** Adds a batch to a summary: the rows of its days are read, added to, and written back. */
    private <T extends CampaignDayTally<T>> void merge(String table, Map<DayKey, T> batch, Supplier<T> empty) {
        if (batch.isEmpty()) {
            return;
        }
        Set<LocalDate> days = new TreeSet<>(batch.keySet().stream().map(DayKey::day).toList());
        Map<DayKey, T> summaries = new HashMap<>();
        String[] columns = empty.get().columns();
        jdbc.sql("SELECT ledger_day, campaign_type, channel, " + String.join(", ", columns) + " FROM " + table
                        + " WHERE ledger_day IN (:days)")
                .param("days", days)
                .query(rs -> {
                    summaries.computeIfAbsent(new DayKey(rs.getObject("ledger_day", LocalDate.class),
                            rs.getString("campaign_type"), rs.getString("channel")), k -> empty.get()).addDay(rs);
                });
        batch.forEach((key, tally) -> summaries.computeIfAbsent(key, k -> empty.get()).merge(tally));
        jdbc.sql("DELETE FROM " + table + " WHERE ledger_day IN (:days)").param("days", days).update();
        named.batchUpdate("INSERT INTO " + table + " (ledger_day, campaign_type, channel, " + String.join(", ", columns)
                        + ") VALUES (:day, :type, :channel, "
                        + String.join(", ", Arrays.stream(columns).map(c -> ":" + c).toList()) + ")",
                summaries.entrySet().stream().map(e -> {
                    MapSqlParameterSource row = new MapSqlParameterSource().addValue("day", e.getKey().day())
                            .addValue("type", e.getKey().campaignType()).addValue("channel", e.getKey().channel());
                    Object[] values = e.getValue().values();
                    for (int i = 0; i < columns.length; i++) {
                        row.addValue(columns[i], values[i]);
                    }
                    return row;
                }).toArray(SqlParameterSource[]::new));
    }
}
