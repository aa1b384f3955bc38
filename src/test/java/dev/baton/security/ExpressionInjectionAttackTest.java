package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.setup.TasklistFilters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 1: a JUEL expression in a task query runs on the server. Every query endpoint × every
 * field that takes an expression × top level, inside orQueries and after another or-query × no,
 * odd and other content types × /engine-rest and the webapps' /camunda/api/engine: each is refused
 * with a 4xx, and the marker file that a successful injection would create never appears.
 */
class ExpressionInjectionAttackTest extends AttackTestBase {

    static final List<String> EXPRESSION_FIELDS = List.of("assigneeExpression", "assigneeLikeExpression",
            "ownerExpression", "candidateGroupExpression", "candidateGroupsExpression", "candidateUserExpression",
            "involvedUserExpression", "dueBeforeExpression", "dueAfterExpression", "dueDateExpression",
            "followUpBeforeExpression", "followUpAfterExpression", "followUpDateExpression",
            "followUpBeforeOrNotExistentExpression", "createdBeforeExpression", "createdAfterExpression",
            "createdOnExpression", "updatedAfterExpression", "processInstanceBusinessKeyExpression",
            "processInstanceBusinessKeyLikeExpression");
    static final List<String> FEW_FIELDS = List.of("assigneeExpression", "candidateGroupsExpression", "dueBeforeExpression");
    static final List<String> CONTENT_TYPES = java.util.Arrays.asList(null, "application/json", "APPLICATION/JSON",
            "application/json;charset=UTF-8", "application/json; x=\"1\"", "text/plain", "application/x-www-form-urlencoded",
            "application/octet-stream", "application/vnd.api+json");

    Path marker;
    String payload;
    String filterId;
    final List<String> answered = new ArrayList<>();

    @BeforeEach
    void marker() throws Exception {
        marker = Files.createTempDirectory("baton-injection").resolve("ran-" + UUID.randomUUID());
        payload = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
                + marker + "')}";
        filterId = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TEAMS_GATES).singleResult().getId();
    }

    @AfterEach
    void nothingRan() throws Exception {
        Thread.sleep(200); // an exec'd touch would have finished by now
        assertThat(marker).as("an injected expression ran on the server").doesNotExist();
        Files.deleteIfExists(marker.getParent()); // empty when nothing ran; one per test piled up in /tmp
    }

    @Test
    void everyExpressionFieldInEveryShapeIsRefusedWithoutContentType() {
        for (String endpoint : List.of("/engine-rest/task?firstResult=0&maxResults=10",
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=10")) {
            for (String field : EXPRESSION_FIELDS) {
                for (String body : shapes(field)) {
                    refused("POST", endpoint, as("sara"), null, body);
                }
            }
        }
        for (String field : EXPRESSION_FIELDS) {
            refused("GET", "/engine-rest/task?maxResults=10&" + field + "=" + java.net.URLEncoder.encode(payload,
                    java.nio.charset.StandardCharsets.UTF_8), as("sara"), null, null);
        }
    }

    @Test
    void everyQueryEndpointAndContentTypeIsRefused() {
        List<String> endpoints = List.of("/engine-rest/task?firstResult=0&maxResults=10", "/engine-rest/task/count",
                "/engine-rest/engine/default/task?maxResults=10", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=10",
                "/engine-rest/filter/" + filterId + "/count", "/engine-rest/filter/" + filterId + "/singleResult",
                "/engine-rest/engine/default/filter/" + filterId + "/list?maxResults=10");
        for (String endpoint : endpoints) {
            for (String type : CONTENT_TYPES) {
                for (String field : FEW_FIELDS) {
                    for (String body : shapes(field)) {
                        refused("POST", endpoint, as("sara"), type, body);
                    }
                }
            }
        }
        assertThat(answered).hasSizeGreaterThan(500);
    }

    @Test
    void theWebappsEngineApiRefusesThemToo() {
        WebappSession tasklist = login("sara", "tasklist");
        for (String endpoint : List.of("/camunda/api/engine/engine/default/task?maxResults=10",
                "/camunda/api/engine/engine/default/task/count",
                "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=10",
                "/camunda/api/engine/engine/default/filter/" + filterId + "/count")) {
            for (String type : java.util.Arrays.asList(null, "application/json", "text/plain", "application/json;charset=UTF-8")) {
                for (String field : FEW_FIELDS) {
                    for (String body : shapes(field)) {
                        refused("POST", endpoint, tasklist.headers(), type, body);
                    }
                }
            }
        }
        RawHttp.Response plain = http().send("POST", "/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=10", with(tasklist.headers(), "Content-Type", "application/json"), "{}");
        assertThat(plain.status()).as("the filter itself still works in Tasklist: " + plain.body()).isEqualTo(200);
    }

    @Test
    void storedFiltersTakeOnlyTheExpressionsTasklistNeeds() {
        for (String type : java.util.Arrays.asList(null, "application/json")) {
            refused("POST", "/engine-rest/filter/create", as("admin"), type,
                    "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"" + json(payload) + "\"}}");
            refused("POST", "/engine-rest/filter/create", as("admin"), type,
                    "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"ownerExpression\":\"" + json(payload) + "\"}]}}");
            refused("PUT", "/engine-rest/filter/" + filterId, as("admin"), type,
                    "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"dueBeforeExpression\":\"" + json(payload) + "\"}}");
        }
        RawHttp.Response allowed = http().send("POST", "/engine-rest/filter/create", with(as("admin"), "Content-Type",
                "application/json"), "{\"resourceType\":\"Task\",\"name\":\"Mine, due this week\",\"query\":"
                + "{\"assigneeExpression\":\"${currentUser()}\",\"dueBeforeExpression\":\"${dateTime().plusDays(7).toDate()}\"}}");
        assertThat(allowed.status()).as("Tasklist's own expressions: " + allowed.body()).isEqualTo(200);
        RawHttp.Response teamGates = http().send("POST", "/engine-rest/filter/" + filterId + "/list?maxResults=10",
                with(as("sara"), "Content-Type", "application/json"), "{}");
        assertThat(teamGates.status()).as("Baton's own filters still run: " + teamGates.body()).isEqualTo(200);
    }

    @Test
    void theJavaApiRefusesThemWithOrWithoutAUser() {
        var tasks = engine.getTaskService();
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(payload).endOr().list())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("may not contain expressions");
        engine.getIdentityService().setAuthentication("sara", List.of("strategy"));
        try {
            assertThatThrownBy(() -> tasks.createTaskQuery().or().taskCandidateGroupInExpression(payload).endOr().count())
                    .isInstanceOf(BadUserRequestException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        var filter = engine.getFilterService().newTaskFilter("injected")
                .setQuery(tasks.createTaskQuery().dueBeforeExpression(payload));
        assertThatThrownBy(() -> engine.getFilterService().saveFilter(filter)).isInstanceOf(BadUserRequestException.class);
    }

    private List<String> shapes(String field) {
        String value = "\"" + json(payload) + "\"";
        return List.of("{\"" + field + "\":" + value + "}",
                "{\"orQueries\":[{\"" + field + "\":" + value + "}]}",
                "{\"orQueries\":[{\"assignee\":\"sara\"},{\"" + field + "\":" + value + "}]}");
    }

    private void refused(String method, String target, Map<String, String> headers, String contentType, String body) {
        RawHttp.Response response = http().send(method, target, with(headers, "Content-Type", contentType), body);
        if (target.startsWith("/camunda")) System.out.println("WEBAPP " + response.status() + " " + contentType + " " + response.body());
        String what = method + " " + target + " [" + contentType + "] " + (body == null ? "" : body.substring(0, Math.min(60, body.length())));
        assertThat(response.status()).as(what + " answered " + response.status() + ": " + response.body()).isBetween(400, 499);
        assertThat(response.body()).as(what + ": a message").isNotBlank();
        assertThat(marker).as(what + " ran the injected expression").doesNotExist();
        answered.add(what);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
