package dev.baton.security;

import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The team rule of a gate (gate.TeamAssignmentCheck, applied in the claim's own ledger statement)
 * attacked through every way an administrator, who may assign anything, could hand the strategy
 * brief to someone outside strategy: each way answers 4xx with a message and changes nothing, in
 * the engine or the ledger; at once from eight callers, no outsider ever holds it.
 */
class TeamRuleAttackTest extends AttackTestBase {

    private static final String ADMIN = "admin";

    @TestFactory
    Stream<DynamicTest> noWayHandsAGateToSomeoneOutsideItsTeam() {
        String brief = rest().taskId(newCampaign()[0], STRATEGIC_BRIEF);
        String task = "/engine-rest/task/" + brief;
        WebappSession tasklist = login(ADMIN, "tasklist");
        Map<String, Supplier<RawHttp.Response>> ways = new LinkedHashMap<>();
        ways.put("assignee", () -> post(ADMIN, task + "/assignee", "{\"userId\":\"anna\"}"));
        ways.put("claim for someone else", () -> post(ADMIN, task + "/claim", "{\"userId\":\"anna\"}"));
        ways.put("delegation", () -> post(ADMIN, task + "/delegate", "{\"userId\":\"eric\"}"));
        ways.put("task update with an assignee", () -> put(ADMIN, task, taskUpdate(brief, "assignee", "anna")));
        ways.put("assignee identity link", () -> post(ADMIN, task + "/identity-links", "{\"userId\":\"anna\",\"type\":\"assignee\"}"));
        ways.put("named engine", () -> post(ADMIN, "/engine-rest/engine/default/task/" + brief + "/assignee", "{\"userId\":\"anna\"}"));
        ways.put("Tasklist's engine API", () -> http().send("POST", "/camunda/api/engine/engine/default/task/" + brief + "/assignee",
                with(tasklist.headers(), "Content-Type", "application/json"), "{\"userId\":\"anna\"}"));
        ways.put("no Content-Type", () -> http().send("POST", task + "/assignee", as(ADMIN), "{\"userId\":\"anna\"}"));
        ways.put("text/plain", () -> http().send("POST", task + "/assignee", with(as(ADMIN), "Content-Type", "text/plain"),
                "{\"userId\":\"anna\"}"));
        ways.put(";parameterised path", () -> post(ADMIN, task + ";x=1/assignee", "{\"userId\":\"anna\"}"));
        ways.put("encoded slash", () -> post(ADMIN, task + "%2Fassignee", "{\"userId\":\"anna\"}"));
        ways.put("encoded letter", () -> post(ADMIN, task + "/%61ssignee", "{\"userId\":\"anna\"}"));
        ways.put("a 10,000-character user id", () -> post(ADMIN, task + "/assignee", "{\"userId\":\"" + "a".repeat(10_000) + "\"}"));
        ways.put("a user id that is SQL", () -> post(ADMIN, task + "/assignee", "{\"userId\":\"anna' OR '1'='1\"}"));
        List<DynamicTest> tests = new ArrayList<>();
        ways.forEach((name, way) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            var before = snapshot();
            RawHttp.Response answer = way.get();
            assertThat(answer.status()).as(name + " answered " + answer.status() + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.body()).as(name + ": no stack trace").doesNotContain("\tat ");
            if (!name.equals("encoded slash")) { // Tomcat's connector refuses %2F with its own page, before any filter
                assertThat(answer.body()).as(name + ": a message").containsPattern("\"message\":\"[^\"]{10,}");
            }
            assertThat(snapshot()).as(name + ": engine and ledger unchanged").isEqualTo(before);
            assertThat(engine.getTaskService().createTaskQuery().taskId(brief).singleResult().getAssignee()).isNull();
        })));
        tests.add(DynamicTest.dynamicTest("the refusal names the team and the field", () -> {
            for (String body : List.of("{\"userId\":\"anna\"}", "{\"userId\":\"" + "a".repeat(10_000) + "\"}")) {
                String message = JSON.readTree(post(ADMIN, task + "/assignee", body).body()).path("message").asText();
                assertThat(message).contains("is not a member of strategy").contains("assign it to a member of strategy");
            }
        }));
        tests.add(DynamicTest.dynamicTest("a member still takes it", () -> {
            assertThat(post(ADMIN, task + "/assignee", "{\"userId\":\"sara\"}").status()).isEqualTo(204);
            assertThat(holder(brief)).isEqualTo("sara");
        }));
        return tests.stream();
    }

    /** With no team to check, the over-long id still meets the engine's column: 400, nothing changed. */
    @Test
    void aTooLongIdIsRefusedAlsoOnAGateOfferedToNoTeam() {
        String brief = rest().taskId(newCampaign()[0], STRATEGIC_BRIEF);
        String task = "/engine-rest/task/" + brief;
        assertThat(post(ADMIN, task + "/identity-links/delete", "{\"groupId\":\"strategy\",\"type\":\"candidate\"}").status())
                .isEqualTo(204);
        var before = snapshot();
        RawHttp.Response answer = post(ADMIN, task + "/assignee", "{\"userId\":\"" + "a".repeat(10_000) + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("longer than its field allows");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void eightAssignmentsAtOnceNeverLeaveTheGateWithAnOutsider() throws Exception {
        String brief = rest().taskId(newCampaign()[0], STRATEGIC_BRIEF);
        List<String> people = List.of("anna", "max", "eric", "sara", "tom", "max", "ella", "sara");
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            List<Callable<RawHttp.Response>> calls = people.stream().<Callable<RawHttp.Response>>map(user ->
                    () -> post(ADMIN, "/engine-rest/task/" + brief + "/assignee", "{\"userId\":\"" + user + "\"}")).toList();
            List<Future<RawHttp.Response>> answers = pool.invokeAll(calls);
            for (int i = 0; i < people.size(); i++) {
                RawHttp.Response answer = answers.get(i).get();
                boolean member = List.of("max", "sara").contains(people.get(i));
                assertThat(answer.status()).as(people.get(i) + ": " + answer.body())
                        .isIn(member ? List.of(204, 409) : List.of(400, 409));
            }
        } finally {
            pool.shutdownNow();
        }
        String holder = engine.getTaskService().createTaskQuery().taskId(brief).singleResult().getAssignee();
        assertThat(holder).as("whoever won is in strategy").isIn("max", "sara");
        assertThat(holder(brief)).as("the ledger agrees with the engine").isEqualTo(holder);
    }

    private String holder(String taskId) {
        return jdbc.sql("SELECT assignee FROM gate_attempt WHERE task_id = :t").param("t", taskId).query(String.class).single();
    }
}
