package dev.baton.metrics;

import java.util.List;
import java.util.Map;

/** The KPI rows Baton computes from the ledger. Durations are in seconds; rates are 0–1, null without data. */
public final class Kpis {

    private Kpis() {
    }

    /** Per gate: attempts, cycle time split into wait (created → claimed) and work (claimed → completed), SLA breaches. */
    public record GateKpi(String gate, String team, long attempts, long completed, long open, long slaBreaches,
                          Double slaBreachRate, Double waitP50, Double waitP90, Double workP50, Double workP90,
                          Double cycleP50, Double cycleP90) {
    }

    /** Per handoff edge: volume, first-pass yield, rework, quality, latency (sent → decided), top return reasons. */
    public record EdgeKpi(String fromGate, String toGate, long handoffs, long decided, long pending,
                          Double firstPassYield, long returns, Double meanQuality, Double latencyP50, Double latencyP90,
                          List<ReasonCount> topReturnReasons) {
    }

    public record ReasonCount(String reason, long count) {
    }

    /**
     * Per accountable person, or per sending team: what they handed on and how it was received.
     * {@code slaBreaches} counts late gates handed on in the range plus {@code openBreaches}, the
     * gates past their SLA still open at the range's end.
     */
    public record SenderKpi(String sender, long handoffs, long decided, Double firstPassYield, long returns,
                            Double meanQuality, long slaBreaches, long openBreaches) {
    }

    /** Campaign hygiene among campaigns launched in the range. */
    public record HygieneKpi(long launched, long withControlGroup, long trackingVerified, long readOut,
                             Double withControlGroupShare, Double trackingVerifiedShare, Double readOutShare) {
    }

    /** Outcomes by campaign type among results read out in the range. */
    public record OutcomeKpi(String campaignType, long readOuts, Double meanLift, long significant,
                             Double significantShare, long scale, long iterate, long stop) {
    }

    /** SLA breaches per week (weeks start on Monday, UTC), against the gate attempts opened that week. */
    public record WeeklyBreaches(java.time.LocalDate week, long attempts, long breaches) {
    }

    /** A campaign in the range, to link to its timeline and process instance. */
    public record CampaignSummary(String businessKey, String name, String campaignType, String channel, String outcome,
                                  String processInstanceId, java.time.OffsetDateTime createdAt, long gateAttempts,
                                  long returns) {
    }

    /** An always-on program and its reviews in order: the KPI trend and lift against the holdout. */
    public record ProgramTrend(String businessKey, String name, String campaignType, String outcome,
                               String processInstanceId, List<dev.baton.ledger.ProgramReviewRecord> reviews) {
    }

    /**
     * One line of a campaign's timeline, in time order. {@code kind}: gate, handoff, escalation
     * (a project manager's action on an overdue gate), comment, launch, result, review (of a
     * program) or cancelled. {@code detail} says what happened in words, {@code note} is what a
     * person wrote (return reason aside: learnings, a comment, a reason), {@code figures} the
     * result's or review's rates and lift.
     */
    public record TimelineEntry(String kind, java.time.OffsetDateTime at, String gate, String toGate, int attempt,
                                String team, String person, java.time.OffsetDateTime claimedAt,
                                java.time.OffsetDateTime endedAt, Double waitSeconds, Double workSeconds,
                                String outcome, Integer quality, String returnReason, boolean slaBreached,
                                String detail, String note, Map<String, Double> figures) {
    }

    public record Timeline(String businessKey, String name, String campaignType, String channel, String outcome,
                           String processInstanceId, List<TimelineEntry> entries) {
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Everything the Cockpit dashboard shows, in one answer. */
    public record Dashboard(java.time.OffsetDateTime from, java.time.OffsetDateTime to, List<GateKpi> gates,
                            List<EdgeKpi> handoffs, List<SenderKpi> accountable, List<SenderKpi> teams, HygieneKpi hygiene,
                            List<OutcomeKpi> outcomes, List<WeeklyBreaches> breachesByWeek, List<CampaignSummary> campaigns,
                            List<ProgramTrend> programs) {
    }
}
