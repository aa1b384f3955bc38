package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;

/**
 * Finding 9: response headers, cookies, CSV exports and the last administrator.
 */
class LowRiskFindingsTest extends AttackTestBase {

    @Test
    void apiAnswersAreNotSniffedOrCached() {
        for (String path : List.of("/api/metrics/hygiene", "/engine-rest/task?maxResults=1", "/api/openapi",
                "/engine-rest/task/no-such-task")) {
            RawHttp.Response response = http().send("GET", path, as("pat"), null);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(path).contains("no-store");
        }
        RawHttp.Response unauthenticated = http().send("GET", "/api/metrics/hygiene", java.util.Map.of(), null);
        assertThat(unauthenticated.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void eachCookieSaysSameSiteOnce() {
        RawHttp.Response page = http().send("GET", "/camunda/app/tasklist/default/", java.util.Map.of(), null);
        List<String> cookies = page.headers("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        for (String cookie : cookies) {
            assertThat(count(cookie, "(?i)samesite")).as(cookie).isEqualTo(1);
        }
        assertThat(cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow()).containsIgnoringCase("HttpOnly");
    }

    @Test
    void csvCellsNeverStartAFormula() {
        String[] campaign = newCampaign();
        rest().work(campaign[0], STRATEGIC_BRIEF, "sara", brief());
        rest().work(campaign[0], TEST_AND_CONTROL_DESIGN, "anna", returned(1, "=HYPERLINK(\"http://evil.example\",\"open\")"));
        rest().work(campaign[0], STRATEGIC_BRIEF, "sara", brief());
        RawHttp.Response csv = http().send("GET", "/api/metrics/handoffs", with(as("pat"), "Accept", "text/csv"), null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("HYPERLINK");
        for (String line : csv.body().split("\n")) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(unquoted).as("cell " + cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
    }

    @Test
    void theLastAdministratorCannotBeRemoved() {
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
        for (String[] call : List.of(new String[] {"DELETE", "/engine-rest/group/camunda-admin/members/admin"},
                new String[] {"DELETE", "/engine-rest/user/admin"}, new String[] {"DELETE", "/engine-rest/group/camunda-admin"})) {
            RawHttp.Response refused = http().send(call[0], call[1], as("admin"), null);
            assertThat(refused.status()).as(call[1] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains(Groups.CAMUNDA_ADMIN);
        }
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
        assertThat(http().send("GET", "/engine-rest/user?maxResults=5", as("admin"), null).status()).isEqualTo(200);
    }

    @Test
    void commentsAreForThoseWhoWorkTheGate() {
        String[] campaign = newCampaign();
        String task = rest().taskId(campaign[0], STRATEGIC_BRIEF);
        String body = "{\"message\":\"Please add the offer\"}";
        assertThat(http().send("POST", "/engine-rest/task/" + task + "/comment/create", with(as("sara"), "Content-Type",
                "application/json"), body).status()).as("the team comments on its gate").isEqualTo(200);
        assertThat(http().send("POST", "/engine-rest/task/" + task + "/comment/create", with(as("pat"), "Content-Type",
                "application/json"), body).status()).as("a project manager chases the team").isEqualTo(200);
        RawHttp.Response outsider = http().send("POST", "/engine-rest/task/" + task + "/comment/create",
                with(as("eric"), "Content-Type", "application/json"), body);
        assertThat(outsider.status()).as(outsider.body()).isBetween(400, 404);
        assertThat(engine.getTaskService().getTaskComments(task)).hasSize(2);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
