package dev.baton.metrics;

import dev.baton.campaign.CampaignRequest;
import dev.baton.ledger.LedgerClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns request parameters into a {@link MetricsFilter}, refusing what cannot be right: a date
 * that is no date, a range that ends before it starts, a gate, team, type or channel that does
 * not exist. Without a range, the last {@value #DEFAULT_DAYS} days.
 */
@Component
public class MetricsParameters {

    static final int DEFAULT_DAYS = 90;

    private final GateCatalog catalog;

    public MetricsParameters(GateCatalog catalog) {
        this.catalog = catalog;
    }

    public MetricsFilter filter(String from, String to, String campaignType, String channel, String team, String gate) {
        OffsetDateTime end = to == null || to.isBlank() ? LedgerClock.now() : time("to", to, true);
        OffsetDateTime start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS) : time("from", from, false);
        if (!start.isBefore(end)) {
            throw new InvalidMetricsParameterException("from", "must be before to (from " + start + ", to " + end + ")");
        }
        return new MetricsFilter(start, end, known("campaignType", campaignType, CampaignRequest.TYPES),
                known("channel", channel, CampaignRequest.CHANNELS), known("team", team, catalog.teams()),
                known("gate", gate, catalog.gates()));
    }

    /** What the campaign board is asked for: every filter checked against the known values. */
    public CampaignBoard.Query board(String campaignType, String channel, String team, String owner, String sort) {
        String order = sort == null || sort.isBlank() ? CampaignBoard.SORT_DUE : sort;
        if (!CampaignBoard.SORTS.containsKey(order)) {
            throw new InvalidMetricsParameterException("sort",
                    "unknown value '" + order + "'; known: " + String.join(", ", new java.util.TreeSet<>(CampaignBoard.SORTS.keySet())));
        }
        if (owner != null && owner.length() > 64) {
            throw new InvalidMetricsParameterException("owner", "must be a user id of at most 64 characters");
        }
        return new CampaignBoard.Query(known("campaignType", campaignType, CampaignRequest.TYPES),
                known("channel", channel, CampaignRequest.CHANNELS), known("team", team, catalog.holders()),
                owner == null || owner.isBlank() ? null : owner.strip(), order);
    }

    /** An ISO date (a whole day: {@code to} includes it) or an ISO date-time with offset. */
    private static OffsetDateTime time(String parameter, String value, boolean endOfRange) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidMetricsParameterException(parameter,
                    "must be a date (2026-11-01) or a date-time with offset (2026-11-01T08:00:00Z), was '" + value + "'");
        }
    }

    private static String known(String parameter, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new InvalidMetricsParameterException(parameter,
                    "unknown value '" + value + "'; known: " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }
}
