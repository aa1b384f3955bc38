package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.web.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization checks take a caller's groups as they are (NoGroupScanAuthorizationManager). A team
 * member who is also in groups no authorization names, someone only in such groups, a member of
 * very many groups, and many callers at once must each see and work exactly what their teams may —
 * through Camunda's REST API, its history API and the webapps' engine API.
 */
class GroupCheckAttackTest extends AttackTestBase {

    private String strategyGate;
    private String analyticsGate;

    @BeforeEach
    void usersAndOneOpenGatePerTeam() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("mia").count() == 0) {
            user(identity, "mia", "analytics", "book-club");
            user(identity, "quinn", "book-club");
            List<String> many = new ArrayList<>();
            for (int i = 0; i < NoGroupScanAuthorizationManager.MAX_GROUPS_AS_GIVEN + 5; i++) {
                many.add("club" + i);
            }
            many.add("analytics");
            user(identity, "lea", many.toArray(String[]::new));
        }
        String[] atStrategy = newCampaign();
        strategyGate = rest().taskId(atStrategy[0], STRATEGIC_BRIEF);
        String[] atAnalytics = newCampaign();
        rest().work(atAnalytics[0], STRATEGIC_BRIEF, "sara", brief());
        analyticsGate = rest().taskId(atAnalytics[0], TEST_AND_CONTROL_DESIGN);
    }

    @Test
    void aGroupNamedNowhereNeitherWidensNorNarrowsWhatATeamMemberSees() throws Exception {
        List<String> anna = taskIds("anna", "/engine-rest/task?maxResults=1000");
        assertThat(anna).contains(analyticsGate).doesNotContain(strategyGate);
        for (String user : List.of("mia", "lea")) {
            assertThat(taskIds(user, "/engine-rest/task?maxResults=1000")).as(user).containsExactlyInAnyOrderElementsOf(anna);
            assertThat(count(user, "/engine-rest/task/count")).as(user).isEqualTo(anna.size());
            assertThat(taskIds(user, "/engine-rest/history/task?maxResults=1000")).as(user + " in the history")
                    .containsExactlyInAnyOrderElementsOf(taskIds("anna", "/engine-rest/history/task?maxResults=1000"));
        }
        assertThat(taskIds("quinn", "/engine-rest/task?maxResults=1000")).as("only in a group named nowhere").isEmpty();
        assertThat(taskIds("quinn", "/engine-rest/history/task?maxResults=1000")).isEmpty();
        assertThat(http().send("GET", "/engine-rest/task/" + analyticsGate, as("quinn"), null).status()).isIn(403, 404);
    }

    @Test
    void theWebappsEngineApiAnswersTheSame() throws Exception {
        WebappSession mia = login("mia", "tasklist");
        RawHttp.Response tasks = http().send("GET", "/camunda/api/engine/engine/default/task?maxResults=1000", mia.headers(), null);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(ids(tasks.body())).containsExactlyInAnyOrderElementsOf(taskIds("anna", "/engine-rest/task?maxResults=1000"));
        // only in a group named nowhere: Tasklist does not let quinn in at all
        RawHttp.Response refused = loginRequest("quinn", "tasklist", new java.util.LinkedHashMap<>());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }

    @Test
    void extraGroupsGiveNoClaimOnAnotherTeamsGate() {
        for (String user : List.of("mia", "quinn", "lea")) {
            RawHttp.Response claim = http().send("POST", "/engine-rest/task/" + strategyGate + "/claim",
                    with(as(user), "Content-Type", "application/json"), "{\"userId\":\"" + user + "\"}");
            assertThat(claim.status()).as(user + ": " + claim.body()).isGreaterThanOrEqualTo(400);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(strategyGate).singleResult().getAssignee()).isNull();
        RawHttp.Response own = http().send("POST", "/engine-rest/task/" + analyticsGate + "/claim",
                with(as("mia"), "Content-Type", "application/json"), "{\"userId\":\"mia\"}");
        assertThat(own.status()).as("mia is in analytics: " + own.body()).isEqualTo(204);
    }

    @Test
    void callersAtTheSameTimeEachSeeTheirOwnTeamsGates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String user = List.of("sara", "mia", "quinn", "lea").get(i % 4);
                answers.add(pool.submit(() -> {
                    List<String> seen = taskIds(user, "/engine-rest/task?maxResults=1000");
                    return switch (user) {
                        case "sara" -> seen.contains(strategyGate) && !seen.contains(analyticsGate);
                        case "quinn" -> seen.isEmpty();
                        default -> seen.contains(analyticsGate) && !seen.contains(strategyGate);
                    };
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void user(IdentityService identity, String id, String... groups) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Tester");
        user.setPassword(TestUsers.PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            identity.createMembership(id, group);
        }
    }

    private List<String> taskIds(String user, String path) throws Exception {
        RawHttp.Response response = http().send("GET", path, as(user), null);
        assertThat(response.status()).as(path + " as " + user + ": " + response.body()).isEqualTo(200);
        return ids(response.body());
    }

    private long count(String user, String path) throws Exception {
        RawHttp.Response response = http().send("GET", path, as(user), null);
        assertThat(response.status()).as(path + " as " + user).isEqualTo(200);
        return JSON.readTree(response.body()).get("count").asLong();
    }

    private static List<String> ids(String body) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
