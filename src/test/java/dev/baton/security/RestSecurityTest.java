package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.web.EngineRestClient;
import dev.baton.web.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/** Baton's production security defaults, tried from outside through HTTP and at deployment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:security;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureObservability
@DirtiesContext
class RestSecurityTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ProcessEngine engine;

    @Test
    void everyApiNeedsCredentials() {
        for (String path : List.of("/engine-rest/task?maxResults=5", "/engine-rest/process-definition?maxResults=5",
                "/api/metrics/hygiene", "/api/notifications", "/api/openapi", "/actuator/prometheus")) {
            ResponseEntity<String> none = anonymous.getForEntity(path, String.class);
            assertThat(none.getStatusCode().value()).as(path).isEqualTo(401);
            if (path.startsWith("/api") || path.startsWith("/actuator")) {
                assertThat(none.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
            }
            assertThat(anonymous.withBasicAuth("anna", "wrong-password").getForEntity(path, String.class)
                    .getStatusCode().value()).as(path + " with a wrong password").isEqualTo(401);
            assertThat(anonymous.withBasicAuth("nobody", TestUsers.PASSWORD).getForEntity(path, String.class)
                    .getStatusCode().value()).as(path + " for an unknown user").isEqualTo(401);
        }
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode().value())
                .as("health stays open for load balancers").isEqualTo(200);
    }

    @Test
    void eachGroupReachesWhatItNeedsAndNoMore() {
        assertThat(status("anna", "/api/metrics/hygiene")).isEqualTo(200);
        assertThat(status("pat", "/api/campaigns/NOPE-1/timeline")).isEqualTo(404);
        assertThat(status("anna", "/api/notifications")).isEqualTo(403);
        assertThat(status(TestUsers.ADMIN, "/api/notifications")).isEqualTo(200);
        assertThat(status("tom", "/api/notification-preferences/tom")).isEqualTo(200);
        assertThat(status("anna", "/api/notification-preferences/tom")).isEqualTo(403);
        assertThat(status("anna", "/actuator/prometheus")).isEqualTo(403);
        assertThat(status(TestUsers.ADMIN, "/actuator/prometheus")).isEqualTo(200);

        User outsider = engine.getIdentityService().newUser("outsider");
        outsider.setPassword(TestUsers.PASSWORD);
        engine.getIdentityService().saveUser(outsider);
        try {
            ResponseEntity<Map> refused = TestUsers.as(anonymous, "outsider").getForEntity("/api/metrics/hygiene", Map.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat((String) refused.getBody().get("message")).contains("outsider").contains("none of the groups");
            assertThat(TestUsers.as(anonymous, "outsider").getForEntity("/engine-rest/task?maxResults=5", List.class)
                    .getBody()).as("authenticated, but no task is visible to a user without a team").isEmpty();
        } finally {
            engine.getIdentityService().deleteUser("outsider");
        }
    }

    @Test
    void teamsSeeOnlyTheirOwnGatesAndOnlyAdminsDeploy() {
        EngineRestClient rest = new EngineRestClient(anonymous);
        String pi = (String) rest.start("CampaignLifecycle", null, dev.baton.CampaignFixtures.request()).getBody().get("id");
        String query = "/engine-rest/task?processInstanceId=" + pi + "&maxResults=10";
        assertThat(TestUsers.as(anonymous, "sara").getForObject(query, List.class)).hasSize(1);
        assertThat(TestUsers.as(anonymous, "eric").getForObject(query, List.class)).as("execution sees no strategy gate").isEmpty();
        assertThat(TestUsers.as(anonymous, "pat").getForObject(query, List.class)).as("project managers see all").hasSize(1);
        assertThat(TestUsers.as(anonymous, "eric").getForEntity("/engine-rest/process-instance/" + pi, String.class)
                .getStatusCode().value()).as("nor the campaign").isEqualTo(404);
        assertThat(TestUsers.as(anonymous, "sara").postForEntity("/engine-rest/process-instance/" + pi + "/suspended",
                null, String.class).getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> cancel = TestUsers.as(anonymous, "sara").exchange("/engine-rest/process-instance/" + pi,
                HttpMethod.DELETE, null, String.class);
        assertThat(cancel.getStatusCode().value()).as("strategy may not delete a campaign").isEqualTo(403);
        ResponseEntity<String> deploy = TestUsers.as(anonymous, "pat").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, multipartDeployment(), String.class);
        assertThat(deploy.getStatusCode().value()).as("only admins deploy").isEqualTo(403);
    }

    @Test
    void adminFirstUserSetupIsClosed() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N",
                "email", "i@example.com"), "credentials", Map.of("password", "Intruder#2026x"));
        ResponseEntity<Map> setup = anonymous.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
                new HttpEntity<>(body, json), Map.class);
        assertThat(setup.getStatusCode().value()).isEqualTo(403);
        assertThat((String) setup.getBody().get("message")).contains("first-user setup is disabled");
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count())
                .as("a direct member of camunda-admin exists").isPositive();
    }

    @Test
    void queriesAreBoundedAndCarryNoExpressions() {
        TestRestTemplate pat = TestUsers.as(anonymous, "pat");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> orExpression = pat.exchange("/engine-rest/task?maxResults=5", HttpMethod.POST, new HttpEntity<>(
                "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}", json), Map.class);
        assertThat(orExpression.getStatusCode().value()).isEqualTo(400);
        assertThat((String) orExpression.getBody().get("message")).contains("orQueries").contains("AssigneeExpression");
        ResponseEntity<Map> nestedInFilter = TestUsers.asAdmin(anonymous).exchange("/engine-rest/filter/create", HttpMethod.POST,
                new HttpEntity<>("{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"candidateGroupsExpression\":\"${1}\"}]}}",
                        json), Map.class);
        assertThat(nestedInFilter.getStatusCode().value()).as("also in a stored filter").isEqualTo(400);
        ResponseEntity<Map> throughTasklistsApi = anonymous.exchange("/camunda/api/engine/engine/default/task",
                HttpMethod.POST, new HttpEntity<>("{\"orQueries\":[{\"assigneeExpression\":\"${1}\"}]}", json), Map.class);
        assertThat(throughTasklistsApi.getStatusCode().is4xxClientError())
                .as("also on the webapps' engine API (logged in: ExpressionInjectionAttackTest)").isTrue();
        ResponseEntity<List> plainOr = pat.exchange("/engine-rest/task?maxResults=5", HttpMethod.POST, new HttpEntity<>(
                "{\"orQueries\":[{\"assignee\":\"sara\",\"candidateGroup\":\"strategy\"}]}", json), List.class);
        assertThat(plainOr.getStatusCode().value()).as("or-queries without expressions still work").isEqualTo(200);
        ResponseEntity<Map> adhoc = pat.exchange("/engine-rest/task?maxResults=5", HttpMethod.POST,
                new HttpEntity<>("{\"assigneeExpression\":\"${currentUser()}\"}", json), Map.class);
        assertThat(adhoc.getStatusCode().value()).as("ad-hoc expressions are off").isEqualTo(400);
        assertThat(status("pat", "/engine-rest/task")).as("unbounded list").isEqualTo(400);
        assertThat(status("pat", "/engine-rest/task?maxResults=5000")).as("over queryMaxResultsLimit").isEqualTo(400);
        assertThat(status("pat", "/engine-rest/task?maxResults=1000")).isEqualTo(200);
    }

    @Test
    void deploymentsMayNotReadLocalFilesOrCarryScripts(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + process("<bpmn:process id=\"Xxe\" name=\"&xxe;\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<bpmn:startEvent id=\"StartEvent_S\"/></bpmn:process>");
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("xxe.bpmn", xxe).deploy())
                .hasMessageContaining("DOCTYPE");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Xxe").count()).isZero();

        String script = process("<bpmn:process id=\"Scripted\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:sequenceFlow id=\"SequenceFlow_1\" sourceRef=\"StartEvent_S\" targetRef=\"ScriptTask_X\"/>"
                + "<bpmn:scriptTask id=\"ScriptTask_X\" scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"
                + "</bpmn:process>");
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("script.bpmn", script).deploy())
                .hasMessageContaining("Scripts are not allowed");
        String listener = process("<bpmn:process id=\"ScriptedListener\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">"
                + "println 'x'</camunda:script></camunda:executionListener></bpmn:extensionElements>"
                + "<bpmn:startEvent id=\"StartEvent_S\"/></bpmn:process>");
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("listener.bpmn", listener).deploy())
                .hasMessageContaining("Scripts are not allowed");

        String dmn = "<?xml version=\"1.0\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"D\" name=\"D\" namespace=\"x\">"
                + "<decision id=\"ScriptedDecision\" name=\"S\" camunda:historyTimeToLive=\"1\"><decisionTable id=\"DecisionTable_S\">"
                + "<input id=\"Input_1\"><inputExpression id=\"InputExpression_1\" typeRef=\"string\" expressionLanguage=\"javascript\">"
                + "<text>java.lang.System.getenv('HOME')</text></inputExpression></input>"
                + "<output id=\"Output_1\" name=\"o\" typeRef=\"string\"/>"
                + "<rule id=\"Rule_1\"><inputEntry id=\"InputEntry_1\"><text>-</text></inputEntry>"
                + "<outputEntry id=\"OutputEntry_1\"><text>\"x\"</text></outputEntry></rule>"
                + "</decisionTable></decision></definitions>";
        String deployment = engine.getRepositoryService().createDeployment().addString("scripted.dmn", dmn).deploy().getId();
        try {
            assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionTableByKey("ScriptedDecision", Map.of()))
                    .hasStackTraceContaining("Scripting is disabled in Baton");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private static String process(String body) {
        return "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_T\" targetNamespace=\"x\">"
                + body + "</bpmn:definitions>";
    }

    private static HttpEntity<?> multipartDeployment() {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "intruder");
        parts.add("data", new org.springframework.core.io.ByteArrayResource(process(
                "<bpmn:process id=\"Intruder\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"StartEvent_S\"/></bpmn:process>")
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "intruder.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private int status(String user, String path) {
        return TestUsers.as(anonymous, user).getForEntity(path, String.class).getStatusCode().value();
    }
}
