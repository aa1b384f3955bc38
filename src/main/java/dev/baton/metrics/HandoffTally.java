package dev.baton.metrics;

import static dev.baton.metrics.LedgerColumns.seconds;
import static dev.baton.metrics.LedgerColumns.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handoff KPIs of one group (an edge, an accountable person, a sending team), summed in Java
 * from handoffs of the ledger ({@link #addHandoff}) and from daily summaries ({@link #addDay}).
 */
final class HandoffTally {

    /** The handoff columns {@link #addHandoff} reads. */
    static final String HANDOFF_COLUMNS = "from_gate, to_gate, from_team, to_team, accountable, attempt, sent_at, "
            + "decided_at, decision, quality_score, return_reason, sender_breached";
    /** The handoff_day columns {@link #addDay} reads. */
    static final String DAY_COLUMNS = "from_gate, to_gate, from_team, to_team, accountable, first_sent_at, handoffs, "
            + "first_passes, first_pass_accepted, returns, quality_sum, quality_count, sender_breaches, latency_seconds";

    long handoffs;
    long decided;
    long firstPasses;
    long firstPassAccepted;
    long returns;
    long qualitySum;
    long qualityCount;
    long senderBreaches;
    OffsetDateTime firstSent;
    final DurationHistogram latency = new DurationHistogram();
    /** Returned handoffs by return reason (a null reason is a key too). */
    final Map<String, Long> reasons = new HashMap<>();

    void addHandoff(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        OffsetDateTime sent = time(rs, "sent_at");
        handoffs++;
        if (decision != null) {
            decided++;
            if (rs.getInt("attempt") == 1) {
                firstPasses++;
                firstPassAccepted += "accepted".equals(decision) ? 1 : 0;
            }
        }
        if ("returned".equals(decision)) {
            returns++;
            reasons.merge(rs.getString("return_reason"), 1L, Long::sum);
        }
        int quality = rs.getInt("quality_score");
        if (!rs.wasNull()) {
            qualitySum += quality;
            qualityCount++;
        }
        senderBreaches += rs.getBoolean("sender_breached") ? 1 : 0;
        first(sent);
        latency.add(seconds(sent, time(rs, "decided_at")));
    }

    /** A handoff_day row: every handoff in it is decided. */
    void addDay(ResultSet rs) throws SQLException {
        long n = rs.getLong("handoffs");
        handoffs += n;
        decided += n;
        firstPasses += rs.getLong("first_passes");
        firstPassAccepted += rs.getLong("first_pass_accepted");
        returns += rs.getLong("returns");
        qualitySum += rs.getLong("quality_sum");
        qualityCount += rs.getLong("quality_count");
        senderBreaches += rs.getLong("sender_breaches");
        first(time(rs, "first_sent_at"));
        latency.addEncoded(rs.getString("latency_seconds"));
    }

    void merge(HandoffTally other) {
        handoffs += other.handoffs;
        decided += other.decided;
        firstPasses += other.firstPasses;
        firstPassAccepted += other.firstPassAccepted;
        returns += other.returns;
        qualitySum += other.qualitySum;
        qualityCount += other.qualityCount;
        senderBreaches += other.senderBreaches;
        first(other.firstSent);
        latency.merge(other.latency);
        other.reasons.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
    }

    Double firstPassYield() {
        return Kpis.share(firstPassAccepted, firstPasses);
    }

    Double meanQuality() {
        return qualityCount == 0 ? null : (double) qualitySum / qualityCount;
    }

    /** The most frequent return reasons, most frequent first, then by reason (no reason last). */
    List<Kpis.ReasonCount> topReasons(int limit) {
        return reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder()))))
                .limit(limit).map(e -> new Kpis.ReasonCount(e.getKey(), e.getValue())).toList();
    }

    private void first(OffsetDateTime at) {
        if (at != null && (firstSent == null || at.isBefore(firstSent))) {
            firstSent = at;
        }
    }
}
