package dev.baton.resilience;

import static dev.baton.CampaignFixtures.audiencePull;
import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.readout;
import static dev.baton.CampaignFixtures.testDesign;
import static dev.baton.CampaignFixtures.trackingSignOff;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.web.EngineRestClient;
import dev.baton.web.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Works campaigns through one Baton node's REST API as its users would, one gate at a time, and
 * records every completion attempt with its answer and duration.
 */
public final class GateWorker {

    public record Answer(int status, String body, long millis) {
    }

    public record Completion(String node, String taskId, String gate, int status, long millis, String body) {
    }

    private record Step(String user, Map<String, Object> values) {
    }

    private static final Map<String, Step> STEPS = Map.of(
            CampaignLifecycleProcess.STRATEGIC_BRIEF, new Step("sara", brief()),
            CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, new Step("anna", testDesign(10)),
            CampaignLifecycleProcess.AUDIENCE_PULL, new Step("eric", audiencePull(50_000, 5_000)),
            CampaignLifecycleProcess.TRACKING_SIGN_OFF, new Step("tom", trackingSignOff()),
            CampaignLifecycleProcess.RESULTS_READOUT, new Step("anna", readout(2_700, 225)));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String node;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
    /** Claims that succeeded (failed ones are in completions, since the gate was not completed). */
    public final Queue<Completion> claims = new ConcurrentLinkedQueue<>();

    public GateWorker(String node, String baseUrl) {
        this.node = node;
        this.baseUrl = baseUrl;
    }

    /** Starts a campaign as project manager pat; returns [process instance id, campaign code]. */
    public String[] start(Map<String, Object> request) throws Exception {
        Answer answer = call("POST", "/engine-rest/process-definition/key/" + CampaignLifecycleProcess.PROCESS_ID + "/start",
                TestUsers.PROJECT_MANAGER, Map.of("variables", EngineRestClient.typed(request)));
        if (answer.status() != 200) {
            throw new IllegalStateException("start answered " + answer.status() + ": " + answer.body());
        }
        Map<String, Object> body = JSON.readValue(answer.body(), new TypeReference<>() {
        });
        return new String[] {(String) body.get("id"), (String) body.get("businessKey")};
    }

    /**
     * Claims and completes the campaign's open gate, if it has one; false when none is open (the
     * campaign waits for a timer or is finished) or the look-up failed.
     */
    public boolean advance(String processInstanceId) throws Exception {
        Answer open = call("GET", "/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=10",
                TestUsers.ADMIN, null);
        if (open.status() != 200) {
            completions.add(new Completion(node, null, "look-up", open.status(), open.millis(), open.body()));
            return false;
        }
        List<Map<String, Object>> tasks = JSON.readValue(open.body(), new TypeReference<>() {
        });
        for (Map<String, Object> task : tasks) {
            Step step = STEPS.get((String) task.get("taskDefinitionKey"));
            if (step == null) {
                continue; // the project managers' overdue-gate escalation, not a gate
            }
            String id = (String) task.get("id");
            if (!step.user().equals(task.get("assignee"))) {
                Answer claim = call("POST", "/engine-rest/task/" + id + "/claim", step.user(), Map.of("userId", step.user()));
                if (claim.status() == 204) {
                    claims.add(new Completion(node, id, (String) task.get("taskDefinitionKey"), 204, claim.millis(), ""));
                } else {
                    completions.add(new Completion(node, id, (String) task.get("taskDefinitionKey"), claim.status(),
                            claim.millis(), "claim: " + claim.body()));
                    return true;
                }
            }
            Answer done = call("POST", "/engine-rest/task/" + id + "/complete", step.user(),
                    Map.of("variables", EngineRestClient.typed(step.values())));
            completions.add(new Completion(node, id, (String) task.get("taskDefinitionKey"), done.status(), done.millis(),
                    done.body()));
            return true;
        }
        return false;
    }

    public Answer call(String method, String path, String user, Object body) throws Exception {
        String password = TestUsers.ADMIN.equals(user) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - t0) / 1_000_000);
    }
}
