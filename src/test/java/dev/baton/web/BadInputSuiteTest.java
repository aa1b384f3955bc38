package dev.baton.web;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.with;
import static dev.baton.campaign.CampaignLifecycleProcess.PROCESS_ID;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.DatabaseSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Malformed requests against every API Baton exposes: each must answer 4xx with a message, and
 * the ledger and the engine's runtime tables must be exactly as before (compared row by row).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:bad-input;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.metrics.enabled=false",
        "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSuiteTest {

    private static final String LONG_TEXT = "x".repeat(100_000);
    private static final String INJECTION = "x'); DROP TABLE handoff; --";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcClient jdbc;

    EngineRestClient engine;
    final List<String> outcomes = new ArrayList<>();
    String existingCode;
    String briefTask;
    String designTask;
    String completedTask;

    @BeforeAll
    void twoCampaignsMidway() {
        engine = new EngineRestClient(anonymous);
        Map<String, Object> a = engine.start(PROCESS_ID, null, request()).getBody();
        existingCode = (String) a.get("businessKey");
        briefTask = engine.taskId((String) a.get("id"), STRATEGIC_BRIEF);
        EngineRestClient.expect(engine.claim(briefTask, "sara"), 204);

        String b = (String) engine.start(PROCESS_ID, null, request()).getBody().get("id");
        completedTask = engine.taskId(b, STRATEGIC_BRIEF);
        engine.work(b, STRATEGIC_BRIEF, "sara", brief());
        designTask = engine.taskId(b, TEST_AND_CONTROL_DESIGN);
        EngineRestClient.expect(engine.claim(designTask, "anna"), 204);
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((name, call) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Map<String, List<String>> before = snapshot();
            ResponseEntity<String> response = call.get();
            assertThat(response.getStatusCode().is4xxClientError()).as(name + " answered " + response.getStatusCode()
                    + ": " + response.getBody()).isTrue();
            assertThat(response.getBody()).as(name + ": a message, not a page or a stack trace").isNotBlank()
                    .doesNotContain("<html").doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("ENGINE-")
                    .containsPattern("\"(message|detail)\":\"[^\"]{10,}");
            assertThat(snapshot()).as(name + ": database unchanged").isEqualTo(before);
            String body = response.getBody().replaceAll("\\s+", " ");
            outcomes.add(name + " | " + response.getStatusCode().value() + " | " + body.substring(0, Math.min(160, body.length())));
        })));
        assertThat(tests).hasSizeGreaterThanOrEqualTo(75);
        return tests.stream();
    }

    /** What each request was answered, for the record: target/bad-input-outcomes.txt. */
    @AfterAll
    void writeOutcomes() throws java.io.IOException {
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-outcomes.txt"), outcomes);
    }

    private Map<String, Supplier<ResponseEntity<String>>> cases() {
        Map<String, Supplier<ResponseEntity<String>>> c = new java.util.LinkedHashMap<>();
        // campaign requests (process start, as project manager)
        c.put("start: campaignName missing", () -> start(without(request(), "campaignName")));
        c.put("start: campaignName empty", () -> start(with(request(), "campaignName", "")));
        c.put("start: campaignName 121 characters", () -> start(with(request(), "campaignName", "n".repeat(121))));
        c.put("start: campaignName 100,000 characters", () -> start(with(request(), "campaignName", LONG_TEXT)));
        c.put("start: campaignType unknown", () -> start(with(request(), "campaignType", "guerrilla")));
        c.put("start: campaignType expression", () -> start(with(request(), "campaignType", "${''.getClass()}")));
        c.put("start: channel unknown", () -> start(with(request(), "channel", "fax")));
        c.put("start: channel SQL injection", () -> start(with(request(), "channel", "email' OR '1'='1")));
        c.put("start: plannedLaunchDate in the past", () -> start(with(request(), "plannedLaunchDate", "2020-01-01")));
        c.put("start: plannedLaunchDate not a date", () -> start(with(request(), "plannedLaunchDate", "next tuesday")));
        c.put("start: estimatedAudienceSize zero", () -> start(with(request(), "estimatedAudienceSize", 0L)));
        c.put("start: estimatedAudienceSize negative", () -> start(with(request(), "estimatedAudienceSize", -5L)));
        c.put("start: estimatedAudienceSize a word", () -> start(with(request(), "estimatedAudienceSize", "lots")));
        c.put("start: estimatedAudienceSize a boolean", () -> start(with(request(), "estimatedAudienceSize", true)));
        c.put("start: businessKey SQL injection", () -> startWithKey(INJECTION));
        c.put("start: businessKey 65 characters", () -> startWithKey("K".repeat(65)));
        c.put("start: businessKey already used", () -> startWithKey(existingCode));
        c.put("start: Long variable with text value", () -> raw(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID
                + "/start", "{\"variables\":{\"estimatedAudienceSize\":{\"value\":\"abc\",\"type\":\"Long\"}}}"));
        c.put("start: malformed JSON", () -> raw(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                "{\"variables\": {"));
        c.put("start: unknown process", () -> raw(pat(), "/engine-rest/process-definition/key/NoSuchProcess/start", "{}"));
        c.put("start: campaignName with a NUL character", () -> start(with(request(), "campaignName", "Winter\u0000sale")));
        c.put("start: campaignName with an HTML tag", () -> start(with(request(), "campaignName", "Winter <img src=x> sale")));
        c.put("start: estimatedAudienceSize 1e308", () -> start(with(request(), "estimatedAudienceSize", 1e308)));
        c.put("start: estimatedAudienceSize 20 billion", () -> start(with(request(), "estimatedAudienceSize", 20_000_000_000L)));
        c.put("start: a Java-serialized variable", () -> raw(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                "{\"variables\":{\"campaignName\":{\"value\":\"rO0ABXQABGV2aWw=\",\"type\":\"Object\",\"valueInfo\":"
                        + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}"));
        c.put("start: variables as an array", () -> raw(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                "{\"variables\":[\"campaignName\"]}"));
        c.put("start: variables as a string", () -> raw(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                "{\"variables\":\"campaignName\"}"));
        c.put("start: before a service task (admin)", () -> post(TestUsers.asAdmin(anonymous), "/engine-rest/process-definition/key/"
                + PROCESS_ID + "/start", Map.of("variables", EngineRestClient.typed(request()), "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "ServiceTask_LaunchCampaign")))));
        c.put("start: by strategy, not a project manager", () -> post(engine.as("sara"),
                "/engine-rest/process-definition/key/" + PROCESS_ID + "/start", Map.of("variables", EngineRestClient.typed(request()))));
        // the strategic brief (claimed by sara)
        c.put("brief: primaryKpi missing", () -> complete("sara", briefTask, without(brief(), "primaryKpi")));
        c.put("brief: objective empty", () -> complete("sara", briefTask, with(brief(), "objective", "")));
        c.put("brief: offer 100,000 characters", () -> complete("sara", briefTask, with(brief(), "offer", LONG_TEXT)));
        c.put("brief: successCriteria a number", () -> complete("sara", briefTask, with(brief(), "successCriteria", 42L)));
        c.put("brief: submit-form with a field missing", () -> submitForm("sara", briefTask, without(brief(), "offer")));
        c.put("brief: completed by execution", () -> complete("eric", briefTask, brief()));
        c.put("brief: claimed by execution", () -> post(engine.as("eric"), "/engine-rest/task/" + briefTask + "/claim",
                Map.of("userId", "eric")));
        c.put("brief: claimed for someone else while sara holds it", () -> post(engine.as("max"),
                "/engine-rest/task/" + briefTask + "/claim", Map.of("userId", "max")));
        // the test-and-control design (claimed by anna)
        c.put("design: handoffDecision unknown", () -> complete("anna", designTask, with(testDesign(10), "handoffDecision", "maybe")));
        c.put("design: handoffQuality 0", () -> complete("anna", designTask, with(testDesign(10), "handoffQuality", 0L)));
        c.put("design: handoffQuality 6", () -> complete("anna", designTask, with(testDesign(10), "handoffQuality", 6L)));
        c.put("design: handoffQuality a word", () -> complete("anna", designTask, with(testDesign(10), "handoffQuality", "five")));
        c.put("design: return without a reason", () -> complete("anna", designTask,
                with(with(testDesign(10), "handoffDecision", "return"), "returnReason", "")));
        c.put("design: controlGroupPercent 51", () -> complete("anna", designTask, testDesign(51)));
        c.put("design: controlGroupPercent negative", () -> complete("anna", designTask, testDesign(-1)));
        c.put("design: no control group without exemption", () -> complete("anna", designTask, testDesign(0)));
        c.put("design: holdoutMethod unknown", () -> complete("anna", designTask, with(testDesign(10), "holdoutMethod", "coinflip")));
        c.put("design: minimumDetectableLiftPercent 0", () -> complete("anna", designTask,
                with(testDesign(10), "minimumDetectableLiftPercent", 0.0)));
        c.put("design: testCells 0", () -> complete("anna", designTask, with(testDesign(10), "testCells", 0L)));
        c.put("design: returnReason with an HTML tag", () -> complete("anna", designTask,
                with(with(testDesign(10), "handoffDecision", "return"), "returnReason", "See <a href=x>this</a>")));
        c.put("design: returnReason 100,000 characters", () -> complete("anna", designTask,
                with(with(testDesign(10), "handoffDecision", "return"), "returnReason", LONG_TEXT)));
        // task ids that do not fit
        c.put("complete: unknown task id", () -> complete("sara", "no-such-task", brief()));
        c.put("complete: task id SQL injection", () -> complete("sara", "1' OR '1'='1", brief()));
        c.put("complete: replayed completion", () -> complete("sara", completedTask, brief()));
        c.put("claim: replayed on a completed task", () -> post(engine.as("sara"), "/engine-rest/task/" + completedTask + "/claim",
                Map.of("userId", "sara")));
        c.put("query: maxResults negative", () -> get(pat(), "/engine-rest/task?maxResults=-1"));
        c.put("query: maxResults a word", () -> get(pat(), "/engine-rest/task?maxResults=many"));
        c.put("message: unknown message name", () -> post(pat(), "/engine-rest/message",
                Map.of("messageName", "NoSuchMessage", "businessKey", existingCode)));
        c.put("message: cancel for an unknown campaign", () -> post(pat(), "/engine-rest/message",
                Map.of("messageName", "CancelCampaign", "businessKey", "NOPE-2026-999")));
        // users, groups and deployments (as the administrator)
        c.put("user: a password that breaks the policy", () -> post(TestUsers.asAdmin(anonymous), "/engine-rest/user/create",
                Map.of("profile", Map.of("id", "newbie", "firstName", "New", "lastName", "Bie"), "credentials", Map.of("password", "short"))));
        c.put("user: an id with a hyphen", () -> post(TestUsers.asAdmin(anonymous), "/engine-rest/user/create",
                Map.of("profile", Map.of("id", "new-bie", "firstName", "New", "lastName", "Bie"),
                        "credentials", Map.of("password", "Fresh#Password-2027"))));
        c.put("group: an id with a space", () -> post(TestUsers.asAdmin(anonymous), "/engine-rest/group/create",
                Map.of("id", "brand team", "name", "Brand", "type", "WORKFLOW")));
        c.put("membership: removing the last administrator", () -> anonymous.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .exchange("/engine-rest/group/camunda-admin/members/admin", HttpMethod.DELETE, null, String.class));
        c.put("deployment: BPMN with a DOCTYPE", () -> deploy("doctype.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\" targetNamespace=\"x\">"
                + "<bpmn:process id=\"Doctype\" isExecutable=\"true\"/></bpmn:definitions>"));
        c.put("deployment: DMN with a DOCTYPE", () -> deploy("doctype.dmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]>"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"D\" name=\"D\" namespace=\"x\">"
                + "<decision id=\"Doctype\" name=\"&x;\"/></definitions>"));
        // Baton's own API
        c.put("metrics: from not a date", () -> get(pat(), "/api/metrics/gates?from=yesterday"));
        c.put("metrics: from after to", () -> get(pat(), "/api/metrics/gates?from=2026-06-01&to=2026-01-01"));
        c.put("metrics: gate script injection", () -> get(pat(), "/api/metrics/gates?gate=<script>alert(1)</script>"));
        c.put("metrics: team unknown", () -> get(pat(), "/api/metrics/teams?team=marketing-ops"));
        c.put("metrics: campaignType SQL injection", () -> get(pat(), "/api/metrics/handoffs?campaignType=" + INJECTION));
        c.put("timeline: campaign code SQL injection", () -> get(pat(), "/api/campaigns/" + INJECTION + "/timeline"));
        c.put("notifications: unknown status", () -> get(TestUsers.asAdmin(anonymous), "/api/notifications?status=lost"));
        c.put("preferences: field missing", () -> put(engine.as("tom"), "/api/notification-preferences/tom", "{}"));
        c.put("preferences: wrong type", () -> put(engine.as("tom"), "/api/notification-preferences/tom",
                "{\"informationalOptOut\":\"sometimes\"}"));
        c.put("preferences: malformed JSON", () -> put(engine.as("tom"), "/api/notification-preferences/tom", "{\"x\""));
        c.put("preferences: someone else's", () -> put(engine.as("anna"), "/api/notification-preferences/tom",
                "{\"informationalOptOut\":true}"));
        return c;
    }

    private ResponseEntity<String> deploy(String fileName, String content) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "bad-input");
        parts.add("data", new org.springframework.core.io.ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return TestUsers.asAdmin(anonymous).exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
                String.class);
    }

    private Map<String, List<String>> snapshot() {
        return DatabaseSnapshot.of(jdbc);
    }

    private TestRestTemplate pat() {
        return engine.as(TestUsers.PROJECT_MANAGER);
    }

    private ResponseEntity<String> start(Map<String, Object> variables) {
        return post(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                Map.of("variables", EngineRestClient.typed(variables)));
    }

    private ResponseEntity<String> startWithKey(String businessKey) {
        return post(pat(), "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                Map.of("variables", EngineRestClient.typed(request()), "businessKey", businessKey));
    }

    private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
        return post(engine.as(user), "/engine-rest/task/" + taskId + "/complete", Map.of("variables", EngineRestClient.typed(variables)));
    }

    private ResponseEntity<String> submitForm(String user, String taskId, Map<String, Object> variables) {
        return post(engine.as(user), "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", EngineRestClient.typed(variables)));
    }

    private static Map<String, Object> without(Map<String, Object> values, String field) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.remove(field);
        return copy;
    }

    private static ResponseEntity<String> post(TestRestTemplate rest, String path, Object body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, json()), String.class);
    }

    private static ResponseEntity<String> raw(TestRestTemplate rest, String path, String body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, json()), String.class);
    }

    private static ResponseEntity<String> put(TestRestTemplate rest, String path, String body) {
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, json()), String.class);
    }

    private static ResponseEntity<String> get(TestRestTemplate rest, String path) {
        return rest.exchange(path, HttpMethod.GET, null, String.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
