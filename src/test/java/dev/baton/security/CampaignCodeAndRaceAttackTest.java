package dev.baton.security;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.web.EngineRestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Findings 5 and 8: a hand-given campaign code never blocks the generated ones, and concurrent
 * requests for the same thing end with one success and clean 4xx answers (no 500, no SQL).
 */
class CampaignCodeAndRaceAttackTest extends AttackTestBase {

    @Test
    void handGivenCodesAheadOfTheSequenceAreSkipped() {
        String first = newCampaign()[1];
        String prefix = first.substring(0, first.lastIndexOf('-') + 1);
        int sequence = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        Set<String> squatted = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            String code = prefix + String.format("%03d", sequence + i);
            var started = rest().start(CampaignLifecycleProcess.PROCESS_ID, code, request());
            assertThat(started.getStatusCode().value()).as("hand-given " + code + ": " + started.getBody()).isEqualTo(200);
            squatted.add(code);
        }
        Set<String> generated = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            var started = rest().start(CampaignLifecycleProcess.PROCESS_ID, null, request());
            assertThat(started.getStatusCode().value()).as("generated start after squatted codes: " + started.getBody()).isEqualTo(200);
            generated.add((String) started.getBody().get("businessKey"));
        }
        RawHttp.Response startForm = http().send("POST", "/engine-rest/process-definition/key/CampaignLifecycle/submit-form",
                with(as("pat"), "Content-Type", "application/json"),
                json(Map.of("variables", EngineRestClient.typed(request()))));
        assertThat(startForm.status()).as("Tasklist's start form sends no code: " + startForm.body()).isEqualTo(200);
        assertThat(generated).hasSize(3).doesNotContainAnyElementsOf(squatted).allMatch(c -> c.startsWith(prefix));
    }

    @Test
    void concurrentStartsWithOneCodeMakeOneCampaign() throws Exception {
        List<RawHttp.Response> answers = concurrently(8, () -> http().send("POST",
                "/engine-rest/process-definition/key/CampaignLifecycle/start", with(as("pat"), "Content-Type", "application/json"),
                json(Map.of("businessKey", "RACE-001", "variables", EngineRestClient.typed(request())))));
        assertThat(answers).extracting(RawHttp.Response::status).containsOnlyOnce(200);
        for (RawHttp.Response refused : answers.stream().filter(r -> r.status() != 200).toList()) {
            assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
            assertThat(refused.body()).contains("RACE-001").doesNotContainIgnoringCase("sql").doesNotContain("Duplicate")
                    .doesNotContain("\tat ");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign WHERE business_key = 'RACE-001'").query(Long.class).single()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("RACE-001").count()).isEqualTo(1);
    }

    @Test
    void concurrentCompletionsOfOneGateGiveOneSuccessAndConflicts() throws Exception {
        for (int round = 0; round < 6; round++) {
            String instance = newCampaign()[0];
            String task = rest().taskId(instance, CampaignLifecycleProcess.STRATEGIC_BRIEF);
            EngineRestClient.expect(rest().claim(task, "sara"), 204);
            List<RawHttp.Response> answers = concurrently(6, () -> http().send("POST", "/engine-rest/task/" + task + "/complete",
                    with(as("sara"), "Content-Type", "application/json"),
                    json(Map.of("variables", EngineRestClient.typed(brief())))));
            assertThat(answers).extracting(RawHttp.Response::status).as(answers.toString()).containsOnlyOnce(204);
            assertThat(answers.stream().filter(r -> r.status() != 204)).as("the others were too late: 409")
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(409));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_attempt WHERE task_id = :t AND completed_at IS NOT NULL")
                    .param("t", task).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff h JOIN campaign c ON c.business_key = h.business_key "
                    + "WHERE c.process_instance_id = :pi").param("pi", instance).query(Long.class).single()).isEqualTo(1);
        }
    }

    private static List<RawHttp.Response> concurrently(int callers, Callable<RawHttp.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RawHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<RawHttp.Response> answers = new ArrayList<>();
            for (Future<RawHttp.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
