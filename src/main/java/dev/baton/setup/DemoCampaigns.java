package dev.baton.setup;

import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE;
import static dev.baton.campaign.CampaignLifecycleProcess.RESULTS_READOUT;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static dev.baton.campaign.CampaignLifecycleProcess.TRACKING_SIGN_OFF;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import dev.baton.campaign.CampaignLifecycleProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import dev.baton.gate.SlaWatch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A handful of campaigns left at different gates, with back-dated history: the engine clock is
 * set back, so Cockpit, Tasklist and the ledger show realistic waits, returns and breaches.
 */
@Component
public class DemoCampaigns {

    private final SlaWatch slaWatch;
    private ProcessEngine engine;
    private Instant clock;

    public DemoCampaigns(SlaWatch slaWatch) {
        this.slaWatch = slaWatch;
    }

    public synchronized void create(ProcessEngine engine) {
        this.engine = engine;
        Instant now = Instant.now();
        try {
            completedWithAReturnedBrief(now.minus(Duration.ofDays(40)));
            launchedAndMeasuring(now.minus(Duration.ofDays(20)));
            waitingForReadOut(now.minus(Duration.ofDays(19)));
            cancelledByProjectManager(now.minus(Duration.ofDays(15)));
            testDesignReturnedByExecution(now.minus(Duration.ofDays(12)));
            waitingForTrackingSignOff(now.minus(Duration.ofDays(9)));
            briefOverdue(now.minus(Duration.ofDays(6)));
            smallAudienceWithoutControlGroup(now.minus(Duration.ofHours(20)));
            welcomeProgramWithThreeReviews(now.minus(Duration.ofDays(62)));
            winBackProgramBetweenReviews(now.minus(Duration.ofDays(20)));
        } finally {
            ClockUtil.reset();
        }
        // what the SLA watch does within a minute of start-up, done now: the back-dated sweeps above
        // ran hours before now, so whether the brief started six days ago was already overdue then
        // depended on the weekday and hour of the start
        slaWatch.sweep();
    }

    private void completedWithAReturnedBrief(Instant start) {
        String pi = start(start, "Spring prospects welcome", "acquisition", "email", 120_000);
        work(pi, STRATEGIC_BRIEF, "sara", 5, 20, brief("Welcome new prospects into a first purchase"));
        work(pi, TEST_AND_CONTROL_DESIGN, "anna", 3, 2, review("return", 2,
                "The KPI says 'engagement': name one measurable metric"));
        work(pi, STRATEGIC_BRIEF, "sara", 2, 6, brief("Welcome new prospects into a first purchase"));
        work(pi, TEST_AND_CONTROL_DESIGN, "max", 4, 5, design(10));
        work(pi, AUDIENCE_PULL, "eric", 20, 30, pull(118_400, 11_840));
        work(pi, TRACKING_SIGN_OFF, "tom", 6, 3, signOff(14));
        advance(Duration.ofDays(15));
        fireDueTimers(pi);
        work(pi, RESULTS_READOUT, "anna", 30, 60, readout(5_100, 390, "Welcome discount converts; 2nd mail adds little", "scale"));
    }

    private void launchedAndMeasuring(Instant start) {
        String pi = start(start, "Holiday gift guide", "acquisition", "paid-social", 200_000);
        work(pi, STRATEGIC_BRIEF, "max", 3, 10, brief("Reach gift buyers before the holidays"));
        work(pi, TEST_AND_CONTROL_DESIGN, "anna", 5, 4, design(5));
        work(pi, AUDIENCE_PULL, "ella", 26, 8, pull(196_000, 9_800));
        work(pi, TRACKING_SIGN_OFF, "tom", 28, 2, review("return", 3, "UTM codes missing on the carousel ads"));
        work(pi, AUDIENCE_PULL, "ella", 4, 2, pull(196_000, 9_800));
        work(pi, TRACKING_SIGN_OFF, "anna", 3, 1, signOff(21));
    }

    /** Measured for two weeks; the window has closed and analytics reads the result out. */
    private void waitingForReadOut(Instant start) {
        String pi = start(start, "Back-to-school bundle", "cross-sell", "email", 50_000);
        work(pi, STRATEGIC_BRIEF, "sara", 4, 8, brief("Sell the stationery bundle to parents who bought school bags"));
        work(pi, TEST_AND_CONTROL_DESIGN, "anna", 3, 4, design(10));
        work(pi, AUDIENCE_PULL, "eric", 6, 10, pull(49_200, 4_920));
        work(pi, TRACKING_SIGN_OFF, "tom", 2, 3, signOff(14));
        advance(Duration.ofDays(15));
        fireDueTimers(pi);
    }

    private void cancelledByProjectManager(Instant start) {
        String pi = start(start, "Summer reactivation SMS", "winback", "sms", 15_000);
        work(pi, STRATEGIC_BRIEF, "sara", 8, 5, brief("Reactivate summer-only buyers"));
        advance(Duration.ofDays(1));
        engine.getRuntimeService().createMessageCorrelation(CampaignLifecycleProcess.MESSAGE_CANCEL_CAMPAIGN)
                .processInstanceId(pi).setVariable("cancellationReason", "Budget moved to the Q1 loyalty push")
                .correlate();
    }

    private void testDesignReturnedByExecution(Instant start) {
        String pi = start(start, "Loyalty tier upgrade", "retention", "push", 80_000);
        work(pi, STRATEGIC_BRIEF, "sara", 4, 12, brief("Move silver members to gold"));
        work(pi, TEST_AND_CONTROL_DESIGN, "tom", 6, 5, design(10));
        work(pi, AUDIENCE_PULL, "eric", 3, 2, review("return", 2,
                "Stratified holdout by tier needs tier in the extract; please design per tier cell"));
    }

    private void waitingForTrackingSignOff(Instant start) {
        String pi = start(start, "Lapsed 12-month win-back", "winback", "direct-mail", 30_000);
        work(pi, STRATEGIC_BRIEF, "sara", 6, 9, brief("Win back customers without a purchase for 12 months"));
        work(pi, TEST_AND_CONTROL_DESIGN, "anna", 2, 3, design(10));
        work(pi, AUDIENCE_PULL, "ella", 10, 6, pull(29_500, 2_950));
        advance(Duration.ofHours(2));
        claim(pi, TRACKING_SIGN_OFF, "tom");
    }

    private void briefOverdue(Instant start) {
        start(start, "Credit card cross-sell", "cross-sell", "email", 60_000);
    }

    private void smallAudienceWithoutControlGroup(Instant start) {
        String pi = start(start, "VIP early access", "retention", "email", 3_000);
        work(pi, STRATEGIC_BRIEF, "max", 1, 3, brief("Thank our top 3,000 customers with early access"));
    }

    /** An always-on welcome series, live for eight weeks, reviewed every two weeks; its fourth review is due. */
    private void welcomeProgramWithThreeReviews(Instant start) {
        String pi = programLive(start, "Welcome series", "acquisition", 40_000, "Turn new members into first buyers within 30 days");
        long[][] cycles = {{8_600, 5_590, 1_000, 600}, {9_100, 6_100, 1_020, 610}, {9_400, 6_580, 1_050, 615}};
        String[] learnings = {"The day-3 reminder lifts first purchases most", "Subject lines with the member's name add little",
                "Free delivery beats 10% off for first orders"};
        for (int i = 0; i < cycles.length; i++) {
            advance(Duration.ofDays(14));
            fireDueTimers(pi);
            work(pi, AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW, "olivia", 20, 2,
                    programReview(cycles[i], learnings[i]));
        }
        advance(Duration.ofDays(14));
        fireDueTimers(pi);
    }

    /** An always-on win-back trigger, reviewed once, waiting for its next review (it can be paused). */
    private void winBackProgramBetweenReviews(Instant start) {
        String pi = programLive(start, "Win-back trigger", "winback", 25_000, "Bring back members without a purchase for 120 days");
        advance(Duration.ofDays(14));
        fireDueTimers(pi);
        work(pi, AutomatedCampaignLifecycleProcess.OPTIMIZATION_REVIEW, "olivia", 20, 2,
                programReview(new long[] {4_100, 1_230, 450, 110}, "A second reminder after 7 days wins back more than a bigger discount"));
    }

    /** An e-mail program reviewed every two weeks, taken through its four gates to go-live. */
    private String programLive(Instant start, String name, String type, long audience, String objective) {
        String pi = start(start, AutomatedCampaignLifecycleProcess.PROCESS_ID, name, type, "email", audience,
                Map.of("reviewCycleWeeks", 2L));
        work(pi, STRATEGIC_BRIEF, "sara", 3, 8, brief(objective));
        work(pi, TEST_AND_CONTROL_DESIGN, "anna", 4, 3, design(10));
        work(pi, AutomatedCampaignLifecycleProcess.AUDIENCE_RULES, "ella", 6, 4, rules());
        work(pi, TRACKING_SIGN_OFF, "tom", 2, 2, signOff(30));
        return pi;
    }

    // --- steps --------------------------------------------------------------------------

    private String start(Instant at, String name, String type, String channel, long audience) {
        return start(at, CampaignLifecycleProcess.PROCESS_ID, name, type, channel, audience, Map.of());
    }

    private String start(Instant at, String processId, String name, String type, String channel, long audience,
                         Map<String, Object> extra) {
        clock = at;
        ClockUtil.setCurrentTime(Date.from(at));
        Map<String, Object> request = new HashMap<>();
        request.put("campaignName", name);
        request.put("campaignType", type);
        request.put("channel", channel);
        request.put("plannedLaunchDate", LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(21).toString());
        request.put("estimatedAudienceSize", audience);
        request.put("campaignOwner", "pat");
        request.putAll(extra);
        return engine.getRuntimeService().startProcessInstanceByKey(processId, request).getId();
    }

    /** Waits {@code waitHours}, claims as {@code user}, works {@code workHours}, completes. */
    private void work(String pi, String gate, String user, int waitHours, int workHours, Map<String, Object> values) {
        advance(Duration.ofHours(waitHours));
        fireDueTimers(pi);
        claim(pi, gate, user);
        advance(Duration.ofHours(workHours));
        fireDueTimers(pi);
        engine.getTaskService().complete(task(pi, gate).getId(), values);
    }

    private void claim(String pi, String gate, String user) {
        engine.getTaskService().claim(task(pi, gate).getId(), user);
    }

    /**
     * What the job executor and the SLA watch would have done meanwhile: reviews and measurement
     * windows due, SLA breaches raised — and resolved by Pat a little later.
     */
    private void fireDueTimers(String pi) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi).timers()
                .duedateLowerThan(Date.from(clock.plusSeconds(1))).list()) {
            engine.getManagementService().executeJob(job.getId());
        }
        slaWatch.sweep();
        for (Task escalation : engine.getTaskService().createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(RESOLVE_OVERDUE_GATE).list()) {
            engine.getTaskService().claim(escalation.getId(), "pat");
            engine.getTaskService().complete(escalation.getId(), Map.of("overdueAction", CampaignLifecycleProcess.OVERDUE_CHASE));
        }
    }

    private Task task(String pi, String gate) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(gate).singleResult();
    }

    private void advance(Duration duration) {
        clock = clock.plus(duration);
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    // --- submissions --------------------------------------------------------------------

    private static Map<String, Object> brief(String objective) {
        Map<String, Object> v = new HashMap<>();
        v.put("objective", objective);
        v.put("primaryKpi", "Conversion rate within the attribution window");
        v.put("targetAudienceDefinition", "See the CRM segment named after the campaign");
        v.put("offer", "Tiered discount, personalised by category affinity");
        v.put("successCriteria", "Scale at a relative lift of +5% with p < 0.05");
        return v;
    }

    private static Map<String, Object> review(String decision, int quality, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("handoffDecision", decision);
        v.put("handoffQuality", quality);
        if (reason != null) {
            v.put("returnReason", reason);
        }
        return v;
    }

    private static Map<String, Object> design(double controlPercent) {
        Map<String, Object> v = review("accept", 4, null);
        v.put("controlGroupPercent", controlPercent);
        v.put("holdoutMethod", "random");
        v.put("minimumDetectableLiftPercent", 5.0);
        v.put("testCells", 1);
        return v;
    }

    private static Map<String, Object> pull(long audience, long control) {
        Map<String, Object> v = review("accept", 5, null);
        v.put("audienceCount", audience);
        v.put("controlCount", control);
        v.put("suppressionsApplied", true);
        v.put("audienceQueryRef", "crm://segments/demo/" + audience);
        return v;
    }

    private static Map<String, Object> signOff(int windowDays) {
        Map<String, Object> v = review("accept", 4, null);
        v.put("trackingCodesVerified", true);
        v.put("controlGroupTracked", true);
        v.put("seedListTested", true);
        v.put("attributionWindowDays", windowDays);
        return v;
    }

    private static Map<String, Object> rules() {
        Map<String, Object> v = review("accept", 4, null);
        v.put("triggerRule", "Member signs up");
        v.put("segmentRule", "New members with e-mail consent, not staff");
        v.put("holdoutAssignmentRule", "hash(member id) mod 100 < 10");
        v.put("suppressionsApplied", true);
        return v;
    }

    /** members, active, holdout members, holdout active; the rest follows from them. */
    private static Map<String, Object> programReview(long[] c, String learnings) {
        Map<String, Object> v = new HashMap<>();
        v.put("programMembers", c[0]);
        v.put("activeBase", c[1]);
        v.put("holdoutMembers", c[2]);
        v.put("holdoutActiveBase", c[3]);
        v.put("transactions", c[1] * 2);
        v.put("holdoutTransactions", c[3] * 2 - 100);
        v.put("firstPurchases", c[1] / 3);
        v.put("holdoutFirstPurchases", c[3] / 4);
        v.put("wonBack", 0L);
        v.put("holdoutWonBack", 0L);
        v.put("lapsed", c[0] / 20);
        v.put("holdoutLapsed", c[2] / 15);
        v.put("learnings", learnings);
        v.put("optimizationDecision", "keep");
        v.put("reviewCycleWeeks", 2L);
        return v;
    }

    private static Map<String, Object> readout(long test, long control, String learnings, String next) {
        Map<String, Object> v = new HashMap<>();
        v.put("testConversions", test);
        v.put("controlConversions", control);
        v.put("learnings", learnings);
        v.put("nextAction", next);
        return v;
    }
}
