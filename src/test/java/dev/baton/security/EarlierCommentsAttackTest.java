package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.returned;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rework attempt's form shows the comments left on the gate's earlier attempts, read by Baton
 * straight from the engine's comment table (LedgerRepository.commentsOnEarlierAttempts). They must
 * reach only those who may read the gate's task: another team asking for the form's variables —
 * by Camunda's REST API, with odd paths or parameters, through the webapps' engine API, or many
 * times at once — gets neither the comment nor a leak of it.
 */
class EarlierCommentsAttackTest extends AttackTestBase {

    private static final String SECRET = "Legal still owes the offer wording (comment 7f3a)";

    private String rework;

    @BeforeEach
    void aBriefReturnedAfterACommentOnItsFirstAttempt() {
        String pi = newCampaign()[0];
        String first = rest().taskId(pi, STRATEGIC_BRIEF);
        RawHttp.Response commented = http().send("POST", "/engine-rest/task/" + first + "/comment/create",
                with(as("sara"), "Content-Type", "application/json"), "{\"message\":\"" + SECRET + "\"}");
        assertThat(commented.status()).as(commented.body()).isEqualTo(200);
        rest().work(pi, STRATEGIC_BRIEF, "sara", brief());
        rest().work(pi, TEST_AND_CONTROL_DESIGN, "anna", returned(2, "The KPI is not measurable"));
        rework = rest().taskId(pi, STRATEGIC_BRIEF);
    }

    @Test
    void theGatesTeamSeesTheEarlierCommentAndAnotherTeamByNoPathOfTheRestApi() {
        RawHttp.Response own = http().send("GET", "/engine-rest/task/" + rework + "/form-variables", as("sara"), null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).as("the check can tell: the strategy team sees it").contains(SECRET);

        for (String path : List.of(
                "/engine-rest/task/" + rework + "/form-variables",
                "/engine-rest/task/" + rework + "/form-variables?variableNames=earlierComments",
                "/engine-rest/task/" + rework + "/form-variables?variableNames=earlierComments&deserializeValues=false",
                "/engine-rest/task/" + rework + ";x=1/form-variables",
                "/engine-rest/task/" + rework + "/form-variables;x=1",
                "/engine-rest//task/" + rework + "/form-variables",
                "/engine-rest/task/" + rework + "/%66orm-variables",
                "/engine-rest/task/" + rework + "/form-variables/",
                "/engine-rest/task/" + rework + "/variables",
                "/engine-rest/task/" + rework + "/variables/earlierComments",
                "/engine-rest/task/" + rework + "/localVariables")) {
            for (String accept : new String[] {null, "application/json", "text/plain", "*/*"}) {
                RawHttp.Response other = http().send("GET", path, with(as("eric"), "Accept", accept), null);
                assertThat(other.body()).as("eric (execution) at " + path + ", Accept " + accept + ": " + other.status())
                        .doesNotContain(SECRET).doesNotContain("7f3a");
            }
        }
    }

    @Test
    void theWebappsEngineApiKeepsItToTheTeamToo() {
        String path = "/camunda/api/engine/engine/default/task/" + rework + "/form-variables";
        RawHttp.Response own = http().send("GET", path, login("sara", "tasklist").headers(), null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains(SECRET);
        RawHttp.Response other = http().send("GET", path, login("eric", "tasklist").headers(), null);
        assertThat(other.status()).as(other.body()).isIn(403, 404);
        assertThat(other.body()).doesNotContain(SECRET);
    }

    @Test
    void manyCallsAtOnceEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String user = i % 2 == 0 ? "sara" : "eric";
                answers.add(pool.submit(() -> user + " " + http().send("GET", "/engine-rest/task/" + rework
                        + "/form-variables?variableNames=earlierComments", as(user), null).body()));
            }
            for (Future<String> answer : answers) {
                String text = answer.get();
                if (text.startsWith("sara ")) {
                    assertThat(text).contains(SECRET);
                } else {
                    assertThat(text).doesNotContain(SECRET);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
