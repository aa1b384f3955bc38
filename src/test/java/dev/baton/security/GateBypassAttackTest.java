package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.web.EngineRestClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Finding 6 (and the write paths of finding 8): the people holding a gate, project managers and
 * administrators try every way to write campaign variables or move a campaign past its gates —
 * task, process-instance and execution variables (set, patch, delete, local, async, binary), extra
 * variables on complete and submit-form, serialized objects, assignment to other teams,
 * delegation, candidate groups, due dates, start instructions, modification, restart, skipped
 * listeners, messages with foreign payloads, signals, direct triggers, BPMN errors, jobs, and the
 * webapps' engine API. Each answers 4xx with a message; engine and ledger are unchanged row by row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateBypassAttackTest extends AttackTestBase {

    String instance;
    String code;
    String brief;
    String otherInstance;
    String design;
    String timerJob;
    String freeBrief;
    final List<String> outcomes = new ArrayList<>();

    @BeforeAll
    void twoCampaigns() {
        String[] a = newCampaign();
        instance = a[0];
        code = a[1];
        brief = rest().taskId(instance, CampaignLifecycleProcess.STRATEGIC_BRIEF);
        EngineRestClient.expect(rest().claim(brief, "sara"), 204);
        otherInstance = newCampaign()[0];
        rest().work(otherInstance, CampaignLifecycleProcess.STRATEGIC_BRIEF, "sara", brief());
        design = rest().taskId(otherInstance, CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN);
        EngineRestClient.expect(rest().claim(design, "anna"), 204);
        freeBrief = rest().taskId(newCampaign()[0], CampaignLifecycleProcess.STRATEGIC_BRIEF);
        String launched = newCampaign()[0];
        rest().work(launched, CampaignLifecycleProcess.STRATEGIC_BRIEF, "sara", brief());
        rest().work(launched, CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "anna", dev.baton.CampaignFixtures.testDesign(10));
        rest().work(launched, CampaignLifecycleProcess.AUDIENCE_PULL, "eric", dev.baton.CampaignFixtures.audiencePull(50_000, 5_000));
        rest().work(launched, CampaignLifecycleProcess.TRACKING_SIGN_OFF, "tom", dev.baton.CampaignFixtures.trackingSignOff());
        timerJob = engine.getManagementService().createJobQuery().processInstanceId(launched).singleResult().getId();
    }

    @TestFactory
    Stream<DynamicTest> everyWayPastAGateIsRefusedAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((name, call) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            var before = snapshot();
            RawHttp.Response response = call.get();
            assertThat(response.status()).as(name + " answered " + response.status() + ": " + response.body()).isBetween(400, 499);
            assertThat(response.body()).as(name + ": a message, no stack trace").doesNotContain("\tat ").doesNotContain("<html")
                    .containsPattern("\"(message|detail)\":\"[^\"]{10,}");
            assertThat(snapshot()).as(name + ": engine and ledger unchanged").isEqualTo(before);
            outcomes.add(name + " | " + response.status() + " | " + response.body().replaceAll("\\s+", " "));
        })));
        assertThat(tests).hasSizeGreaterThanOrEqualTo(45);
        return tests.stream();
    }

    /** What each attempt was answered, for the record: target/gate-bypass-outcomes.txt. */
    @AfterAll
    void writeOutcomes() throws java.io.IOException {
        java.nio.file.Files.write(java.nio.file.Path.of("target", "gate-bypass-outcomes.txt"), outcomes);
    }

    @Test
    void theGateStillWorksTheNormalWay() {
        String[] c = newCampaign();
        String task = rest().taskId(c[0], CampaignLifecycleProcess.STRATEGIC_BRIEF);
        EngineRestClient.expect(rest().claim(task, "max"), 204);
        RawHttp.Response assignToTeammate = post("max", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"sara\"}");
        assertThat(assignToTeammate.status()).as("a gate can be handed to a member of its team: " + assignToTeammate.body()).isEqualTo(204);
        RawHttp.Response complete = post("sara", "/engine-rest/task/" + task + "/complete", json(Map.of("variables", EngineRestClient.typed(brief()))));
        assertThat(complete.status()).as(complete.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT assignee FROM gate_attempt WHERE task_id = :t").param("t", task).query(String.class).single())
                .isEqualTo("sara");
        RawHttp.Response cancel = post("pat", "/engine-rest/message", "{\"messageName\":\"CancelCampaign\",\"businessKey\":\""
                + c[1] + "\",\"processVariables\":{\"cancellationReason\":{\"value\":\"Budget moved to Q1\",\"type\":\"String\"}}}");
        assertThat(cancel.status()).as("a cancellation with its reason: " + cancel.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT outcome FROM campaign WHERE business_key = :k").param("k", c[1]).query(String.class).single())
                .isEqualTo("cancelled");
    }

    @Test
    void everyCampaignVariableIsWrittenOnlyThroughItsGate() {
        var before = snapshot();
        List<String> briefFields = List.of("objective", "primaryKpi", "targetAudienceDefinition", "offer", "successCriteria");
        for (String name : dev.baton.campaign.CampaignVariables.NAMES) {
            String value = "{\"value\":\"x\",\"type\":\"String\"}";
            assertThat(put("sara", "/engine-rest/task/" + brief + "/variables/" + name, value).status()).as("task variable " + name)
                    .isEqualTo(403);
            assertThat(put("sara", "/engine-rest/task/" + brief + "/localVariables/" + name, value).status()).as("local " + name)
                    .isEqualTo(403);
            assertThat(put("pat", "/engine-rest/process-instance/" + instance + "/variables/" + name, value).status())
                    .as("process variable " + name).isEqualTo(403);
            assertThat(put("admin", "/engine-rest/execution/" + instance + "/localVariables/" + name, value).status())
                    .as("execution variable " + name).isEqualTo(403);
            if (!briefFields.contains(name)) {
                RawHttp.Response extra = complete("sara", "complete", with(brief(), name, "x"));
                assertThat(extra.status()).as("complete carrying " + name + ": " + extra.body()).isEqualTo(400);
                assertThat(extra.body()).contains(name + ": is not a field of");
            }
        }
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }

    @Test
    void anAdministratorDeletingACampaignClosesItInTheLedger() {
        String[] c = newCampaign();
        String task = rest().taskId(c[0], CampaignLifecycleProcess.STRATEGIC_BRIEF);
        RawHttp.Response delete = http().send("DELETE", "/engine-rest/process-instance/" + c[0],
                as("admin"), null);
        assertThat(delete.status()).as(delete.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT outcome FROM campaign WHERE business_key = :k").param("k", c[1]).query(String.class).single())
                .isEqualTo("cancelled");
        assertThat(jdbc.sql("SELECT cancellation_reason FROM campaign WHERE business_key = :k").param("k", c[1]).query(String.class)
                .single()).contains("Deleted by admin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_attempt WHERE task_id = :t AND cancelled_at IS NOT NULL").param("t", task)
                .query(Long.class).single()).isEqualTo(1);
    }

    private Map<String, Supplier<RawHttp.Response>> cases() {
        Map<String, Supplier<RawHttp.Response>> c = new LinkedHashMap<>();
        String task = "/engine-rest/task/" + brief;
        String pi = "/engine-rest/process-instance/" + instance;
        // variables written directly, by the gate's holder
        c.put("holder sets campaignType", () -> put("sara", task + "/variables/campaignType", "{\"value\":\"retention\",\"type\":\"String\"}"));
        c.put("holder sets a 215-character campaignName", () -> put("sara", task + "/variables/campaignName",
                "{\"value\":\"" + "n".repeat(215) + "\",\"type\":\"String\"}"));
        c.put("holder sets estimatedAudienceSize -5", () -> put("sara", task + "/variables/estimatedAudienceSize", "{\"value\":-5,\"type\":\"Long\"}"));
        c.put("holder sets the task-local gateAttempt", () -> put("sara", task + "/localVariables/gateAttempt", "{\"value\":7,\"type\":\"Long\"}"));
        c.put("holder patches the strategy lead", () -> post("sara", task + "/variables",
                "{\"modifications\":{\"strategyLead\":{\"value\":\"sara\",\"type\":\"String\"}}}"));
        c.put("holder deletes a local variable", () -> post("sara", task + "/localVariables", "{\"deletions\":[\"gateAttempt\"]}"));
        c.put("holder deletes campaignName", () -> http().send("DELETE", task + "/variables/campaignName", as("sara"), null));
        c.put("holder uploads campaignType as binary", () -> multipart("sara", task + "/variables/campaignType/data"));
        c.put("holder through the webapps' engine API", () -> {
            WebappSession tasklist = login("sara", "tasklist");
            return http().send("PUT", "/camunda/api/engine/engine/default/task/" + brief + "/variables/campaignType",
                    with(tasklist.headers(), "Content-Type", "application/json"), "{\"value\":\"retention\",\"type\":\"String\"}");
        });
        // ... by project managers and administrators
        c.put("project manager sets a process variable", () -> put("pat", pi + "/variables/campaignType", "{\"value\":\"retention\",\"type\":\"String\"}"));
        c.put("project manager patches process variables", () -> post("pat", pi + "/variables",
                "{\"modifications\":{\"channel\":{\"value\":\"sms\",\"type\":\"String\"}}}"));
        c.put("project manager deletes a process variable", () -> http().send("DELETE", pi + "/variables/campaignName", as("pat"), null));
        c.put("project manager sets an execution-local variable", () -> put("pat", "/engine-rest/execution/" + instance
                + "/localVariables/campaignType", "{\"value\":\"retention\",\"type\":\"String\"}"));
        c.put("project manager sets variables async", () -> post("pat", "/engine-rest/process-instance/variables-async",
                "{\"processInstanceIds\":[\"" + instance + "\"],\"variables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        c.put("admin sets a process variable", () -> put("admin", pi + "/variables/campaignType", "{\"value\":\"retention\",\"type\":\"String\"}"));
        c.put("admin sets variables async", () -> post("admin", "/engine-rest/process-instance/variables-async",
                "{\"processInstanceIds\":[\"" + instance + "\"],\"variables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        // submissions carrying more than the form
        c.put("complete with campaignType", () -> complete("sara", "complete", with(brief(), "campaignType", "retention")));
        c.put("submit-form with estimatedAudienceSize", () -> complete("sara", "submit-form", with(brief(), "estimatedAudienceSize", -5L)));
        c.put("complete with the task-local gateAttempt", () -> complete("sara", "complete", with(brief(), "gateAttempt", 9L)));
        c.put("complete with a Java-serialized object", () -> post("sara", task + "/complete", "{\"variables\":{\"objective\":"
                + "{\"value\":\"rO0ABXQABGV2aWw=\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}"));
        c.put("complete with bytes", () -> post("sara", task + "/complete", "{\"variables\":{\"objective\":{\"value\":\"AAEC\",\"type\":\"Bytes\"}}}"));
        c.put("complete with a NUL character", () -> complete("sara", "complete", with(brief(), "objective", "Grow\u0000repeat")));
        c.put("complete with variables as an array", () -> post("sara", task + "/complete", "{\"variables\":[1,2]}"));
        c.put("complete with variables as a string", () -> post("sara", task + "/complete", "{\"variables\":\"objective\"}"));
        // who holds the gate
        c.put("holder assigns the brief to analytics", () -> post("sara", task + "/assignee", "{\"userId\":\"anna\"}"));
        c.put("holder delegates the brief to execution", () -> post("sara", task + "/delegate", "{\"userId\":\"eric\"}"));
        c.put("admin assigns the brief to execution", () -> post("admin", task + "/assignee", "{\"userId\":\"eric\"}"));
        c.put("admin claims a brief for himself", () -> post("admin", "/engine-rest/task/" + freeBrief + "/claim", "{\"userId\":\"admin\"}"));
        c.put("execution claims a free brief for sara's colleague eric", () -> post("eric", "/engine-rest/task/" + freeBrief + "/claim",
                "{\"userId\":\"eric\"}"));
        c.put("holder adds execution as candidate group", () -> post("sara", task + "/identity-links",
                "{\"groupId\":\"execution\",\"type\":\"candidate\"}"));
        c.put("holder adds a candidate user", () -> post("sara", task + "/identity-links", "{\"userId\":\"eric\",\"type\":\"candidate\"}"));
        c.put("holder removes the candidate group", () -> post("sara", task + "/identity-links/delete",
                "{\"groupId\":\"strategy\",\"type\":\"candidate\"}"));
        c.put("holder makes eric owner", () -> post("sara", task + "/identity-links", "{\"userId\":\"eric\",\"type\":\"owner\"}"));
        c.put("holder moves the due date", () -> updateTask("sara", "due", "2030-01-01T17:00:00.000+0000"));
        c.put("holder renames the gate", () -> updateTask("sara", "name", "Done already"));
        c.put("holder raises the priority", () -> updateTask("sara", "priority", 99));
        c.put("complete with a flag that is not a boolean", () -> post("sara", task + "/complete",
                "{\"variables\":{},\"withVariablesInReturn\":\"perhaps\"}"));
        c.put("claim with a user id that is an object", () -> post("sara", task + "/claim", "{\"userId\":{\"id\":\"sara\"}}"));
        c.put("holder comments on another team's gate", () -> post("sara", "/engine-rest/task/" + design + "/comment/create",
                "{\"message\":\"strategy was here\"}"));
        // moving the campaign past its gates
        c.put("start at the audience pull", () -> post("pat", "/engine-rest/process-definition/key/CampaignLifecycle/start",
                json(Map.of("variables", EngineRestClient.typed(request()), "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", CampaignLifecycleProcess.AUDIENCE_PULL))))));
        c.put("start skipping listeners", () -> post("pat", "/engine-rest/process-definition/key/CampaignLifecycle/start",
                json(Map.of("variables", EngineRestClient.typed(request()), "skipCustomListeners", true,
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", CampaignLifecycleProcess.STRATEGIC_BRIEF))))));
        c.put("admin starts before a service task", () -> post("admin", "/engine-rest/process-definition/key/CampaignLifecycle/start",
                json(Map.of("variables", EngineRestClient.typed(request()), "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", CampaignLifecycleProcess.LAUNCH_CAMPAIGN))))));
        c.put("start with a variable not on the request form", () -> post("pat", "/engine-rest/process-definition/key/CampaignLifecycle/start",
                json(Map.of("variables", EngineRestClient.typed(with(request(), "campaignOwner", "mallory"))))));
        c.put("project manager cancels the brief skipping listeners", () -> post("pat", pi + "/modification",
                "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_StrategicBrief\"}]}"));
        c.put("admin jumps to the tracking sign-off", () -> post("admin", pi + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"UserTask_TrackingSignOff\"}]}"));
        c.put("admin modifies asynchronously", () -> post("admin", pi + "/modification-async",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_StrategicBrief\"}]}"));
        c.put("admin deletes skipping listeners", () -> http().send("DELETE", pi + "?skipCustomListeners=true", as("admin"), null));
        c.put("admin restarts a campaign", () -> post("admin", "/engine-rest/process-definition/"
                + engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId()
                + "/restart", "{\"processInstanceIds\":[\"" + instance + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"UserTask_AudiencePull\"}]}"));
        c.put("cancel message carrying campaignType", () -> post("pat", "/engine-rest/message", "{\"messageName\":\"CancelCampaign\","
                + "\"businessKey\":\"" + code + "\",\"processVariables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        c.put("cancel message with a 1,001-character reason", () -> post("pat", "/engine-rest/message", "{\"messageName\":\"CancelCampaign\","
                + "\"businessKey\":\"" + code + "\",\"processVariables\":{\"cancellationReason\":{\"value\":\"" + "r".repeat(1001)
                + "\",\"type\":\"String\"}}}"));
        c.put("cancel message with local variables", () -> post("pat", "/engine-rest/message", "{\"messageName\":\"CancelCampaign\","
                + "\"businessKey\":\"" + code + "\",\"processVariablesLocal\":{\"channel\":{\"value\":\"sms\",\"type\":\"String\"}}}"));
        c.put("admin broadcasts a signal with variables", () -> post("admin", "/engine-rest/signal",
                "{\"name\":\"anything\",\"variables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        c.put("project manager signals the execution", () -> post("pat", "/engine-rest/execution/" + instance + "/signal",
                "{\"variables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        c.put("admin triggers the cancel subscription directly", () -> post("admin", "/engine-rest/execution/" + instance
                + "/messageSubscriptions/CancelCampaign/trigger", "{\"variables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        c.put("holder throws a BPMN error", () -> post("sara", task + "/bpmnError", "{\"errorCode\":\"done\"}"));
        c.put("holder throws an escalation", () -> post("sara", task + "/bpmnEscalation", "{\"escalationCode\":\"up\"}"));
        c.put("project manager fires the measurement timer", () -> post("pat", "/engine-rest/job/" + timerJob + "/execute", "{}"));
        c.put("project manager moves the measurement timer", () -> put("pat", "/engine-rest/job/" + timerJob + "/duedate",
                "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}"));
        c.put("project manager sets job retries", () -> put("pat", "/engine-rest/job/" + timerJob + "/retries", "{\"retries\":0}"));
        c.put("project manager evaluates start conditions", () -> post("pat", "/engine-rest/condition",
                "{\"variables\":{\"campaignType\":{\"value\":\"retention\",\"type\":\"String\"}}}"));
        return c;
    }

    private RawHttp.Response complete(String user, String endpoint, Map<String, Object> variables) {
        return post(user, "/engine-rest/task/" + brief + "/" + endpoint, json(Map.of("variables", EngineRestClient.typed(variables))));
    }

    private RawHttp.Response updateTask(String user, String field, Object value) {
        return put(user, "/engine-rest/task/" + brief, taskUpdate(brief, field, value));
    }

    private RawHttp.Response multipart(String user, String path) {
        String boundary = "----baton" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nretention\r\n--" + boundary + "--\r\n";
        return http().send("POST", path, with(as(user), "Content-Type", "multipart/form-data; boundary=" + boundary), body);
    }


    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        return dev.baton.CampaignFixtures.with(values, key, value);
    }
}
