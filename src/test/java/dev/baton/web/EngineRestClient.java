package dev.baton.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives campaigns through Camunda's REST API (/engine-rest), as an integration would: each call
 * authenticated as the person who would make it (project manager pat starts, a gate's assignee
 * completes it, the admin looks things up).
 */
public class EngineRestClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final TestRestTemplate anonymous;
    private final TestRestTemplate rest;

    public EngineRestClient(TestRestTemplate rest) {
        this.anonymous = rest;
        this.rest = TestUsers.asAdmin(rest);
    }

    /** The same template, authenticated as the user. */
    public TestRestTemplate as(String user) {
        return TestUsers.as(anonymous, user);
    }

    public ResponseEntity<Map<String, Object>> start(String processKey, String businessKey, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", typed(variables));
        if (businessKey != null) {
            body.put("businessKey", businessKey);
        }
        return post(as(TestUsers.PROJECT_MANAGER), "/engine-rest/process-definition/key/" + processKey + "/start", body);
    }

    public String taskId(String processInstanceId, String taskKey) {
        List<Map<String, Object>> tasks = rest.exchange("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey + "&maxResults=10", HttpMethod.GET, null, LIST).getBody();
        if (tasks == null || tasks.size() != 1) {
            throw new AssertionError("expected one open " + taskKey + " task, found " + tasks);
        }
        return (String) tasks.get(0).get("id");
    }

    public ResponseEntity<Map<String, Object>> claim(String taskId, String user) {
        return post(as(user), "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    }

    public ResponseEntity<Map<String, Object>> complete(String taskId, Map<String, Object> variables) {
        return post(actor(taskId), "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
    }

    public ResponseEntity<Map<String, Object>> submitForm(String taskId, Map<String, Object> variables) {
        return post(actor(taskId), "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typed(variables)));
    }

    public ResponseEntity<Map<String, Object>> completeAs(String user, String taskId, Map<String, Object> variables) {
        return post(as(user), "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
    }

    /** The task's assignee, who completes it; the admin for an unclaimed task. */
    private TestRestTemplate actor(String taskId) {
        Map<String, Object> task = rest.exchange("/engine-rest/task/" + taskId, HttpMethod.GET, null, OBJECT).getBody();
        Object assignee = task == null ? null : task.get("assignee");
        return assignee == null ? rest : as((String) assignee);
    }

    /** Claims the gate as {@code user} and completes it; fails unless the engine answers 204. */
    public void work(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        String task = taskId(processInstanceId, taskKey);
        expect(claim(task, user), 204);
        expect(complete(task, variables), 204);
    }

    public void executeTimer(String processInstanceId, String activityId) {
        List<Map<String, Object>> jobs = rest.exchange("/engine-rest/job?processInstanceId=" + processInstanceId
                + "&activityId=" + activityId + "&maxResults=10", HttpMethod.GET, null, LIST).getBody();
        if (jobs == null || jobs.size() != 1) {
            throw new AssertionError("expected one job at " + activityId + ", found " + jobs);
        }
        expect(post(rest, "/engine-rest/job/" + jobs.get(0).get("id") + "/execute", Map.of()), 204);
    }

    public static ResponseEntity<Map<String, Object>> post(TestRestTemplate rest, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
    }

    public static void expect(ResponseEntity<?> response, int status) {
        if (response.getStatusCode().value() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response.getStatusCode().value()
                    + ": " + response.getBody());
        }
    }

    /** Camunda's typed variable JSON: {"name": {"value": v, "type": T}}. */
    public static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", value);
            if (value instanceof Long || value instanceof Integer) {
                v.put("type", "Long");
            } else if (value instanceof Double) {
                v.put("type", "Double");
            } else if (value instanceof Boolean) {
                v.put("type", "Boolean");
            } else {
                v.put("type", "String");
            }
            typed.put(name, v);
        });
        return typed;
    }
}
