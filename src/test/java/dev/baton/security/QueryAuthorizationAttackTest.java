package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.campaign.CampaignLifecycleProcess.AUDIENCE_PULL;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import dev.baton.setup.TasklistFilters;
import org.junit.jupiter.api.Test;

/**
 * The authorization checks inside the engine's task queries, read through Baton's
 * OgnlPropertyCache (reliability), still filter what a team sees, on every way to ask: the list,
 * the count, a query in the body, OR queries that name another team's group, and Tasklist's own
 * API with a webapp session.
 */
class QueryAuthorizationAttackTest extends AttackTestBase {

    @Test
    void aTeamFindsItsOwnGatesOnlyHoweverItAsks() throws Exception {
        String[] atAudience = newCampaign();
        rest().work(atAudience[0], STRATEGIC_BRIEF, "sara", brief());
        rest().work(atAudience[0], dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "anna", testDesign(10));
        String[] atBrief = newCampaign();

        Map<String, String> json = with(as("eric"), "Content-Type", "application/json");
        List<String> paths = List.of("/engine-rest/task?maxResults=1000", "/engine-rest/task?candidateGroup=strategy&maxResults=1000",
                "/engine-rest/task?processInstanceId=" + atBrief[0] + "&maxResults=1000",
                "/engine-rest/task?taskDefinitionKey=" + STRATEGIC_BRIEF + "&maxResults=1000");
        for (String path : paths) {
            assertThat(tasks("GET", path, as("eric"), null)).as(path).allSatisfy(t -> assertOwn(t, atAudience[0]));
        }
        assertThat(tasks("GET", "/engine-rest/task?maxResults=1000", as("eric"), null)).as("execution's own gate")
                .extracting(t -> t.get("processInstanceId")).contains(atAudience[0]);
        for (String body : List.of("{}", "{\"candidateGroup\":\"strategy\"}", "{\"processInstanceId\":\"" + atBrief[0] + "\"}",
                "{\"orQueries\":[{\"candidateGroup\":\"strategy\"},{\"taskDefinitionKey\":\"" + STRATEGIC_BRIEF + "\"}]}",
                "{\"orQueries\":[{\"processInstanceId\":\"" + atBrief[0] + "\"},{\"candidateGroup\":\"strategy\"}]}")) {
            assertThat(tasks("POST", "/engine-rest/task?maxResults=1000", json, body)).as(body)
                    .allSatisfy(t -> assertOwn(t, atAudience[0]));
            RawHttp.Response count = http().send("POST", "/engine-rest/task/count", json, body);
            assertThat(count.status()).as(body + ": " + count.body()).isEqualTo(200);
            assertThat(((Number) JSON.readValue(count.body(), Map.class).get("count")).intValue()).as("count " + body)
                    .isLessThanOrEqualTo(1);
        }
        RawHttp.Response strategyCount = http().send("GET", "/engine-rest/task/count?candidateGroup=strategy", as("eric"), null);
        assertThat(JSON.readValue(strategyCount.body(), Map.class).get("count")).as("strategy's gates, counted by execution")
                .isEqualTo(0);

        WebappSession session = login("eric", "tasklist");
        RawHttp.Response tasklist = http().send("GET", "/camunda/api/engine/engine/default/task?maxResults=1000&candidateGroup=strategy",
                session.headers(), null);
        assertThat(tasklist.status()).as(tasklist.body()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) JSON.readValue(tasklist.body(), List.class)).as("Tasklist's API").isEmpty();

        assertThat(tasks("GET", "/engine-rest/task?candidateGroup=strategy&maxResults=1000", as("sara"), null))
                .as("strategy sees its brief").extracting(t -> t.get("processInstanceId")).contains(atBrief[0]);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCriterionAnOrQueryCannotTakeIsBadInputNamingIt() throws Exception {
        Map<String, String> json = with(as("eric"), "Content-Type", "application/json");
        for (String[] ask : List.of(new String[] {"/engine-rest/task?maxResults=10", "withCandidateGroups"},
                new String[] {"/engine-rest/task/count", "withoutCandidateGroups"},
                new String[] {"/engine-rest/history/task?maxResults=10", "withCandidateGroups"},
                new String[] {"/engine-rest/history/task/count", "withoutCandidateGroups"})) {
            String body = "{\"orQueries\":[{\"" + ask[1] + "\":true}]}";
            RawHttp.Response response = http().send("POST", ask[0], json, body);
            assertThat(response.status()).as(ask[0] + " " + body + ": " + response.body()).isEqualTo(400);
            Map<String, Object> error = JSON.readValue(response.body(), Map.class);
            assertThat((String) error.get("message")).as(ask[0]).startsWith(ask[1] + ": ").contains("orQueries")
                    .doesNotContain("Exception");
        }
        // the same answer on the named engine's path and through a stored Tasklist filter's query
        String filterId = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TEAMS_GATES).singleResult().getId();
        for (String path : List.of("/engine-rest/engine/default/task?maxResults=10", "/engine-rest/engine/default/task/count",
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=10", "/engine-rest/filter/" + filterId + "/count")) {
            RawHttp.Response response = http().send("POST", path, json, "{\"orQueries\":[{\"withCandidateGroups\":true}]}");
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(path).contains("withCandidateGroups: ");
        }
        // no Content-Type, an odd one, a ;parameterised or encoded path: refused, never a 500
        String orBody = "{\"orQueries\":[{\"withCandidateGroups\":true}]}";
        for (Map.Entry<String, Map<String, String>> attempt : List.of(
                Map.entry("/engine-rest/task?maxResults=10", as("eric")),
                Map.entry("/engine-rest/task?maxResults=10", with(as("eric"), "Content-Type", "text/plain")),
                Map.entry("/engine-rest/task;x=1?maxResults=10", json),
                Map.entry("/engine-rest/%74ask?maxResults=10", json))) {
            RawHttp.Response response = http().send("POST", attempt.getKey(), attempt.getValue(), orBody);
            assertThat(response.status()).as(attempt + ": " + response.body()).isBetween(400, 499);
        }
        WebappSession session = login("eric", "tasklist");
        RawHttp.Response tasklist = http().send("POST", "/camunda/api/engine/engine/default/task?maxResults=10",
                with(session.headers(), "Content-Type", "application/json"), "{\"orQueries\":[{\"withCandidateGroups\":true}]}");
        assertThat(tasklist.status()).as("Tasklist's API: " + tasklist.body()).isEqualTo(400);
        assertThat(tasklist.body()).as("Tasklist's API").contains("withCandidateGroups");
        // the same criterion on the query itself is fine, and other engine errors keep Camunda's answer
        RawHttp.Response plain = http().send("POST", "/engine-rest/task/count", json, "{\"withCandidateGroups\":true}");
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        RawHttp.Response forbidden = http().send("DELETE", "/engine-rest/group/strategy", as("eric"), null);
        assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(403);
        assertThat(http().send("GET", "/engine-rest/group/strategy", as("sara"), null).status()).isEqualTo(200);
    }

    private static void assertOwn(Map<String, Object> task, String processInstanceId) {
        assertThat(task.get("taskDefinitionKey")).isEqualTo(AUDIENCE_PULL);
        assertThat(task.get("processInstanceId")).isEqualTo(processInstanceId);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks(String method, String path, Map<String, String> headers, String body) throws Exception {
        RawHttp.Response response = http().send(method, path, headers, body);
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), List.class);
    }
}
