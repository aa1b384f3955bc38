package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 7: what teams may read is what the README says. A team reads the history of the
 * campaigns in which it was offered a gate (their variables, and its own gates), nothing of the
 * other campaigns, and no campaign list; project managers read it all. The Cockpit plugin's API
 * answers only those who may open Cockpit.
 */
class ReadAccessAttackTest extends AttackTestBase {

    @Test
    void teamsReadTheHistoryOfTheCampaignsTheyWorkOnOnly() throws Exception {
        String[] reached = newCampaign();
        rest().work(reached[0], STRATEGIC_BRIEF, "sara", brief());
        rest().work(reached[0], TEST_AND_CONTROL_DESIGN, "anna", returned(2, "Name the control group size"));
        rest().work(reached[0], STRATEGIC_BRIEF, "sara", brief());
        rest().work(reached[0], TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        String[] notYet = newCampaign();
        rest().work(notYet[0], STRATEGIC_BRIEF, "sara", brief());

        List<Map<String, Object>> executionTasks = list("eric", "/engine-rest/history/task?maxResults=1000");
        assertThat(executionTasks).as("execution sees the history of its own gates only").isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo(AUDIENCE_PULL));
        List<Map<String, Object>> executionVariables = list("eric", "/engine-rest/history/variable-instance?maxResults=1000");
        assertThat(executionVariables).as("the campaign execution works on").isNotEmpty()
                .allSatisfy(v -> assertThat(v.get("processInstanceId")).isEqualTo(reached[0]));
        assertThat(list("eric", "/engine-rest/history/detail?maxResults=1000"))
                .allSatisfy(d -> assertThat(d.get("processInstanceId")).isEqualTo(reached[0]));
        for (String team : List.of("eric", "sara", "olivia")) {
            assertThat(list(team, "/engine-rest/history/process-instance?maxResults=100")).as(team + ": no campaign list").isEmpty();
        }
        assertThat(list("olivia", "/engine-rest/history/variable-instance?maxResults=1000"))
                .as("optimisation works on no campaign here").isEmpty();
        assertThat(list("sara", "/engine-rest/history/task?maxResults=1000"))
                .allSatisfy(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo(STRATEGIC_BRIEF));

        assertThat(list("pat", "/engine-rest/history/variable-instance?processInstanceId=" + notYet[0] + "&maxResults=1000"))
                .extracting(v -> v.get("name")).as("project managers follow every campaign").contains("campaignName", "objective");
        assertThat(list("pat", "/engine-rest/history/process-instance?maxResults=100")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theHandoffDashboardApiIsForCockpitUsers() {
        String code = newCampaign()[1];
        String base = "/camunda/api/cockpit/plugin/handoff-dashboard/default";
        WebappSession sara = login("sara", "tasklist");
        for (String path : List.of(base + "/dashboard", base + "/campaigns/" + code + "/timeline", base + "/board",
                base + "/board?format=csv", base + "/board/", base + "/Board", base + "/board;x=1", base + "//board",
                base + "/%62oard", base + "/gates")) {
            RawHttp.Response refused = http().send("GET", path, sara.headers(), null);
            assertThat(refused.status()).as(path + " for a Tasklist user: " + refused.body()).isIn(400, 403, 404);
            assertThat(refused.body()).doesNotContain("\"gates\"").doesNotContain(code).doesNotContain("\"holder\"")
                    .doesNotContain("\"team\":\"strategy\"");
        }
        WebappSession pat = login("pat", "cockpit");
        assertThat(http().send("GET", base + "/dashboard", pat.headers(), null).status()).as("project managers use Cockpit").isEqualTo(200);
        RawHttp.Response board = http().send("GET", base + "/board?team=strategy", pat.headers(), null);
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains(code).contains("\"team\":\"strategy\"");
        RawHttp.Response csv = http().send("GET", base + "/board?format=csv", pat.headers(), null);
        assertThat(csv.body()).startsWith("businessKey,name,kind,").contains(code);
        for (String bad : List.of("sort=1;DROP", "team=nobody", "format=xml", "owner=" + "x".repeat(65))) {
            RawHttp.Response refused = http().send("GET", base + "/board?" + bad, pat.headers(), null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("\"parameter\":\"" + bad.substring(0, bad.indexOf('=')) + "\"");
        }
        WebappSession admin = login("admin", "cockpit");
        assertThat(http().send("GET", base + "/campaigns/" + code + "/timeline", admin.headers(), null).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String user, String path) throws Exception {
        RawHttp.Response response = http().send("GET", path, as(user), null);
        assertThat(response.status()).as(path + " as " + user + ": " + response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), List.class);
    }
}
