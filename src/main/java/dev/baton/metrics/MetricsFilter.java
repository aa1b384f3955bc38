package dev.baton.metrics;

import java.time.OffsetDateTime;

/**
 * What a KPI query covers: a time range (from inclusive, to exclusive) and optional campaign
 * type, channel, team and gate. Build it with {@link MetricsParameters}, which validates.
 */
public record MetricsFilter(OffsetDateTime from, OffsetDateTime to, String campaignType, String channel, String team,
                            String gate) {

    public static MetricsFilter between(OffsetDateTime from, OffsetDateTime to) {
        return new MetricsFilter(from, to, null, null, null, null);
    }
}
