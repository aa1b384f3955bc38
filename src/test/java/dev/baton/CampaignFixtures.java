package dev.baton;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Valid submissions for each step; tests copy one and break a single field. */
public final class CampaignFixtures {

    private CampaignFixtures() {
    }

    public static Map<String, Object> request(String type, long audienceSize) {
        Map<String, Object> v = new HashMap<>();
        v.put("campaignName", "Winter welcome " + type);
        v.put("campaignType", type);
        v.put("channel", "email");
        v.put("plannedLaunchDate", LocalDate.now().plusDays(30).toString());
        v.put("estimatedAudienceSize", audienceSize);
        return v;
    }

    public static Map<String, Object> request() {
        return request("acquisition", 50_000);
    }

    public static Map<String, Object> brief() {
        Map<String, Object> v = new HashMap<>();
        v.put("objective", "Turn first-time buyers into repeat buyers within 30 days");
        v.put("primaryKpi", "30-day repeat purchase rate");
        v.put("targetAudienceDefinition", "Customers with exactly one order in the last 60 days");
        v.put("offer", "10% off the second order");
        v.put("successCriteria", "Scale at +5% relative lift with p < 0.05");
        return v;
    }

    public static Map<String, Object> accept(int quality) {
        Map<String, Object> v = new HashMap<>();
        v.put("handoffDecision", "accept");
        v.put("handoffQuality", quality);
        return v;
    }

    public static Map<String, Object> returned(int quality, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("handoffDecision", "return");
        v.put("handoffQuality", quality);
        v.put("returnReason", reason);
        return v;
    }

    public static Map<String, Object> testDesign(double controlPercent) {
        Map<String, Object> v = accept(4);
        v.put("controlGroupPercent", controlPercent);
        v.put("holdoutMethod", "random");
        v.put("minimumDetectableLiftPercent", 5.0);
        v.put("testCells", 1);
        return v;
    }

    public static Map<String, Object> audiencePull(long audience, long control) {
        Map<String, Object> v = accept(5);
        v.put("audienceCount", audience);
        v.put("controlCount", control);
        v.put("suppressionsApplied", true);
        v.put("audienceQueryRef", "crm://segments/first-time-buyers/2026-11");
        return v;
    }

    public static Map<String, Object> trackingSignOff() {
        Map<String, Object> v = accept(4);
        v.put("trackingCodesVerified", true);
        v.put("controlGroupTracked", true);
        v.put("seedListTested", true);
        v.put("attributionWindowDays", 14);
        return v;
    }

    public static Map<String, Object> readout(long testConversions, long controlConversions) {
        Map<String, Object> v = new HashMap<>();
        v.put("testConversions", testConversions);
        v.put("controlConversions", controlConversions);
        v.put("learnings", "The discount works best in the first week");
        v.put("nextAction", "scale");
        return v;
    }

    public static Map<String, Object> audienceRules() {
        Map<String, Object> v = accept(4);
        v.put("triggerRule", "First order placed");
        v.put("segmentRule", "New members, not staff, opted in to e-mail");
        v.put("holdoutAssignmentRule", "hash(member id) mod 100 < 10");
        v.put("suppressionsApplied", true);
        return v;
    }

    /** A review: program of 9,000 members, 6,300 active; holdout of 1,000, 600 active (lift +16.7%). */
    public static Map<String, Object> review(String decision, long nextCycleWeeks) {
        Map<String, Object> v = new HashMap<>();
        v.put("programMembers", 9_000L);
        v.put("holdoutMembers", 1_000L);
        v.put("activeBase", 6_300L);
        v.put("holdoutActiveBase", 600L);
        v.put("transactions", 12_000L);
        v.put("holdoutTransactions", 1_100L);
        v.put("firstPurchases", 2_100L);
        v.put("holdoutFirstPurchases", 190L);
        v.put("wonBack", 300L);
        v.put("holdoutWonBack", 20L);
        v.put("lapsed", 400L);
        v.put("holdoutLapsed", 60L);
        v.put("learnings", "Day-3 reminder lifts first purchases");
        v.put("optimizationDecision", decision);
        v.put("reviewCycleWeeks", nextCycleWeeks);
        return v;
    }

    public static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
