package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.CampaignFixtures;
import dev.baton.DatabaseSnapshot;
import dev.baton.web.EngineRestClient;
import dev.baton.web.TestUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A running Baton (H2, production security settings) for each attack suite: the suite attacks it
 * as a user would over HTTP and checks that nothing ran and nothing changed. (One engine per JVM:
 * each suite's context is closed after it, as in every Spring Boot test here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:attacks-${random.uuid};DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false",
        "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric"})
@AutoConfigureObservability
@DirtiesContext
abstract class AttackTestBase {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;

    /** Reads the JSON the attacks get back. */
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    EngineRestClient rest() {
        return new EngineRestClient(anonymous);
    }

    RawHttp http() {
        return new RawHttp(port);
    }

    static Map<String, String> as(String user) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", TestUsers.ADMIN.equals(user) ? RawHttp.basic(user, TestUsers.ADMIN_PASSWORD)
                : RawHttp.basic(user, TestUsers.PASSWORD));
        return headers;
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value != null) {
            copy.put(name, value);
        }
        return copy;
    }

    /** A JSON POST as the user, over HTTP Basic. */
    RawHttp.Response post(String user, String path, String body) {
        return http().send("POST", path, with(as(user), "Content-Type", "application/json"), body);
    }

    /** A JSON PUT as the user, over HTTP Basic. */
    RawHttp.Response put(String user, String path, String body) {
        return http().send("PUT", path, with(as(user), "Content-Type", "application/json"), body);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of PUT /task/{id} as Tasklist sends it: the task's current values with one changed. */
    String taskUpdate(String taskId, String field, Object value) {
        var current = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", current.getName());
        body.put("description", current.getDescription());
        body.put("priority", current.getPriority());
        body.put("assignee", current.getAssignee());
        body.put("owner", current.getOwner());
        body.put("due", current.getDueDate() == null ? null
                : new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(current.getDueDate()));
        body.put(field, value);
        return json(body);
    }

    /** A new campaign; returns [process instance id, business key]. */
    String[] newCampaign() {
        Map<String, Object> started = rest().start("CampaignLifecycle", null, CampaignFixtures.request()).getBody();
        assertThat(started).as("campaign started").containsKey("id");
        return new String[] {(String) started.get("id"), (String) started.get("businessKey")};
    }

    Map<String, List<String>> snapshot() {
        return DatabaseSnapshot.of(jdbc);
    }

    /** A logged-in webapp session (as Tasklist has it): cookies and the CSRF token to send back. */
    record WebappSession(String cookies, String csrfToken) {
        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Cookie", cookies);
            headers.put("X-XSRF-TOKEN", csrfToken);
            return headers;
        }
    }

    WebappSession login(String user, String app) {
        Map<String, String> cookies = new LinkedHashMap<>();
        RawHttp.Response login = loginRequest(user, app, cookies);
        assertThat(login.status()).as("webapp login of " + user + ": " + login.body()).isEqualTo(200);
        cookies(login, cookies);
        // the login starts a new session; its first read hands out that session's CSRF token
        RawHttp.Response me = http().send("GET", "/camunda/api/admin/auth/user/default", Map.of("Cookie", cookieHeader(cookies)), null);
        cookies(me, cookies);
        return new WebappSession(cookieHeader(cookies), cookies.get("XSRF-TOKEN"));
    }

    /** The webapp login as a browser sends it (the app's page first, for its CSRF cookie); whatever it answers. */
    RawHttp.Response loginRequest(String user, String app, Map<String, String> cookies) {
        RawHttp.Response page = http().send("GET", "/camunda/app/" + app + "/default/", Map.of(), null);
        cookies(page, cookies);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", cookieHeader(cookies));
        headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String password = TestUsers.ADMIN.equals(user) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
        return http().send("POST", "/camunda/api/admin/auth/user/default/login/" + app, headers,
                "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private static Map<String, String> cookies(RawHttp.Response response, Map<String, String> into) {
        for (String cookie : response.headers("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            into.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return into;
    }

    private static String cookieHeader(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }
}
