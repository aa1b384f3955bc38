package dev.baton.security;

import static dev.baton.CampaignFixtures.audiencePull;
import static dev.baton.CampaignFixtures.readout;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;
import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED;
import static dev.baton.campaign.CampaignLifecycleProcess.RESULTS_READOUT;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static dev.baton.campaign.CampaignLifecycleProcess.TRACKING_SIGN_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.CampaignFixtures;
import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.web.EngineRestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * Finding 3: no valid input can exceed a storage limit. Every text at its maximum length, round
 * after round: a brief returned eight times with 2,000-character reasons, and read-outs of the same
 * campaign type with 2,000-character learnings; the campaign still completes its gates, the next
 * campaign and program of that type still start, and what the forms show stays storable.
 */
class LongTextRoundsTest extends AttackTestBase {

    static final int ROUNDS = 8;

    @Test
    void aBriefReturnedRoundAfterRoundWithLongestReasonsStillCompletes() {
        EngineRestClient rest = rest();
        String pi = (String) rest.start(CampaignLifecycleProcess.PROCESS_ID, null, longRequest("acquisition")).getBody().get("id");
        for (int round = 1; round <= ROUNDS; round++) {
            // a long comment on every attempt follows the brief to its next attempts, bounded there
            String task = rest.taskId(pi, STRATEGIC_BRIEF);
            String comment = ("Comment " + round + " **bold** [link](javascript:x) <3 | ").repeat(100_000 / 40);
            RawHttp.Response commented = http().send("POST", "/engine-rest/task/" + task + "/comment/create",
                    with(as("sara"), "Content-Type", "application/json"), "{\"message\":\"" + comment + "\"}");
            assertThat(commented.status()).as("a 100,000-character comment: " + commented.body()).isEqualTo(200);
            rest.work(pi, STRATEGIC_BRIEF, "sara", longBrief(round));
            rest.work(pi, TEST_AND_CONTROL_DESIGN, "anna", returned(2, longText("Return " + round + " **bold** [link](javascript:x) <3 & |a|b| ")));
            assertStorable(pi, STRATEGIC_BRIEF);
        }
        String comments = (String) engine.getFormService().getTaskFormVariables(rest.taskId(pi, STRATEGIC_BRIEF))
                .get("earlierComments");
        long accepted = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi)
                .taskDefinitionKey(STRATEGIC_BRIEF).list().stream()
                .mapToLong(t -> engine.getTaskService().getTaskComments(t.getId()).size()).sum();
        assertThat(accepted).as("one comment per attempt").isEqualTo(ROUNDS);
        assertThat(comments).as("earlier attempts' comments, bounded").contains("- attempt 1, sara, ").hasSizeLessThanOrEqualTo(4000);
        rest.work(pi, STRATEGIC_BRIEF, "sara", longBrief(ROUNDS + 1));
        rest.work(pi, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        rest.work(pi, AUDIENCE_PULL, "eric", with(audiencePull(50_000, 5_000), "audienceQueryRef", longText("crm://").substring(0, 255)));
        rest.work(pi, TRACKING_SIGN_OFF, "tom", trackingSignOff());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff h JOIN campaign c ON c.business_key = h.business_key "
                        + "WHERE c.process_instance_id = :pi AND h.decision = 'returned' AND LENGTH(h.return_reason) = 2000")
                .param("pi", pi).query(Long.class).single()).as("every full reason is in the ledger").isEqualTo(ROUNDS);
        assertThat(jdbc.sql("SELECT outcome FROM campaign WHERE process_instance_id = :pi").param("pi", pi).query(String.class).single())
                .isEqualTo("launched");
    }

    @Test
    void longLearningsNeverBlockTheNextCampaignOrProgramOfTheirType() {
        EngineRestClient rest = rest();
        for (int round = 1; round <= 3; round++) {
            String pi = (String) rest.start(CampaignLifecycleProcess.PROCESS_ID, null, longRequest("retention")).getBody().get("id");
            rest.work(pi, STRATEGIC_BRIEF, "sara", longBrief(round));
            rest.work(pi, TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
            rest.work(pi, AUDIENCE_PULL, "eric", audiencePull(50_000, 5_000));
            rest.work(pi, TRACKING_SIGN_OFF, "tom", trackingSignOff());
            rest.executeTimer(pi, MEASUREMENT_WINDOW_CLOSED);
            rest.work(pi, RESULTS_READOUT, "anna", with(readout(2_700, 225), "learnings", longText("Learning " + round + " ")));
        }
        var next = rest.start(CampaignLifecycleProcess.PROCESS_ID, null, longRequest("retention"));
        assertThat(next.getStatusCode().value()).as("the next retention campaign starts: " + next.getBody()).isEqualTo(200);
        String brief = (String) next.getBody().get("id");
        assertStorable(brief, STRATEGIC_BRIEF);
        var program = rest.start(AutomatedCampaignLifecycleProcess.PROCESS_ID, null,
                with(longRequest("retention"), "reviewCycleWeeks", 4L));
        assertThat(program.getStatusCode().value()).as("a retention program starts: " + program.getBody()).isEqualTo(200);
        assertStorable((String) program.getBody().get("id"), AutomatedCampaignLifecycleProcess.STRATEGIC_BRIEF);
    }

    @Test
    void nulCharactersNeverReachTheDatabase() {
        String[] c = newCampaign();
        String task = rest().taskId(c[0], STRATEGIC_BRIEF);
        EngineRestClient.expect(rest().claim(task, "sara"), 204);
        var refused = rest().completeAs("sara", task, with(CampaignFixtures.brief(), "offer", "10%\u0000 off"));
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        for (String query : List.of("/engine-rest/task?nameLike=%00&maxResults=5", "/engine-rest/process-instance?businessKey=%00&maxResults=5",
                "/engine-rest/history/task?taskName=%00&maxResults=5", "/api/metrics/gates?gate=%00")) {
            RawHttp.Response answer = http().send("GET", query, as("pat"), null);
            assertThat(answer.status()).as(query + ": " + answer.body()).isLessThan(500);
            assertThat(answer.body()).as(query).doesNotContainIgnoringCase("PSQLException").doesNotContain("SQL state");
        }
    }

    /**
     * Every text the gate's form shows (the process's variables and the context computed from the
     * ledger) stays within 4,000 characters and shows user text as typed.
     */
    private void assertStorable(String processInstanceId, String taskKey) {
        String task = rest().taskId(processInstanceId, taskKey);
        Map<String, Object> variables = new HashMap<>();
        engine.getFormService().getTaskFormVariables(task).forEach((name, value) -> variables.put(name, value));
        variables.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            if (plain instanceof String text) {
                assertThat(text.length()).as(name + " of " + taskKey).isLessThanOrEqualTo(4000);
                if (name.equals("handoffHistory") || name.equals("returnedReason") || name.equals("earlierComments")) {
                    assertThat(text).as(name + ": user text shows as typed, never as a link or markup")
                            .doesNotContain("[link](").doesNotContain("<3");
                }
            }
        });
    }

    static Map<String, Object> longRequest(String type) {
        Map<String, Object> request = new HashMap<>(request(type, 50_000));
        request.put("campaignName", "N".repeat(120));
        request.put("strategyLead", "sara");
        return request;
    }

    static Map<String, Object> longBrief(int round) {
        Map<String, Object> brief = new HashMap<>(CampaignFixtures.brief());
        brief.put("objective", longText("Objective " + round + " "));
        brief.put("primaryKpi", longText("KPI ").substring(0, 255));
        brief.put("targetAudienceDefinition", longText("Audience "));
        brief.put("offer", longText("Offer "));
        brief.put("successCriteria", longText("Criteria "));
        return brief;
    }

    /** 2,000 characters, the most a long text field takes, with multi-byte letters and line breaks. */
    static String longText(String start) {
        StringBuilder text = new StringBuilder(start);
        while (text.length() < 2000) {
            text.append("Äpfel & Birnen — \"quoted\" *stars* _under_ |pipes|\n");
        }
        return text.substring(0, 2000);
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        return CampaignFixtures.with(values, key, value);
    }
}
