package dev.baton.web;

import static dev.baton.CampaignFixtures.brief;
import static dev.baton.CampaignFixtures.request;
import static dev.baton.campaign.CampaignLifecycleProcess.PROCESS_ID;
import static dev.baton.campaign.CampaignLifecycleProcess.STRATEGIC_BRIEF;
import static dev.baton.campaign.CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.TestPostgres;
import dev.baton.ledger.GateAttemptRecord;
import dev.baton.ledger.LedgerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many people at once on PostgreSQL, through REST: concurrent starts get distinct campaign codes,
 * gates of different campaigns complete side by side, and two people racing for the same gate
 * get one success and one clear 4xx — never a half-applied completion or a second ledger row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "spring.datasource.hikari.maximum-pool-size=20",
        "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric"})
@ActiveProfiles("postgres")
@DirtiesContext
class ConcurrentGatesPostgresTest {

    private static final int CAMPAIGNS = 16;

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final ExecutorService pool = Executors.newFixedThreadPool(CAMPAIGNS);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void concurrentStartsGetDistinctCodesAndGatesCompleteSideBySide() throws Exception {
        EngineRestClient engine = new EngineRestClient(anonymous);
        List<ResponseEntity<Map<String, Object>>> starts = all(CAMPAIGNS, i -> engine.start(PROCESS_ID, null, request()));
        assertThat(starts).allSatisfy(r -> assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200));
        List<String> codes = starts.stream().map(r -> (String) r.getBody().get("businessKey")).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("ACQ-\\d{4}-\\d{3}"));

        List<String> instances = starts.stream().map(r -> (String) r.getBody().get("id")).toList();
        List<String> briefs = instances.stream().map(pi -> engine.taskId(pi, STRATEGIC_BRIEF)).toList();
        String[] writers = {"sara", "max"};
        List<ResponseEntity<Map<String, Object>>> claims = all(CAMPAIGNS, i -> engine.claim(briefs.get(i), writers[i % 2]));
        assertThat(claims).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(204));
        List<ResponseEntity<Map<String, Object>>> done = all(CAMPAIGNS,
                i -> engine.completeAs(writers[i % 2], briefs.get(i), brief()));
        assertThat(done).allSatisfy(r -> assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(204));
        for (int i = 0; i < CAMPAIGNS; i++) {
            assertThat(ledger.gateAttempts(codes.get(i))).extracting(GateAttemptRecord::gate)
                    .containsExactly("brief", "test-design");
            assertThat(ledger.handoffs(codes.get(i))).hasSize(1);
        }
    }

    @Test
    void twoPeopleRacingForTheSameGateGetOneSuccess() throws Exception {
        EngineRestClient engine = new EngineRestClient(anonymous);
        for (int round = 0; round < 8; round++) {
            Map<String, Object> started = engine.start(PROCESS_ID, null, request()).getBody();
            String pi = (String) started.get("id");
            String code = (String) started.get("businessKey");
            engine.work(pi, STRATEGIC_BRIEF, "sara", brief());
            String design = engine.taskId(pi, TEST_AND_CONTROL_DESIGN);

            // anna and tom claim the same gate at the same moment
            List<ResponseEntity<Map<String, Object>>> claims = race(() -> engine.claim(design, "anna"),
                    () -> engine.claim(design, "tom"));
            assertThat(claims).extracting(r -> r.getStatusCode().value()).as("claims").containsExactlyInAnyOrder(204, 409);
            String winner = claims.get(0).getStatusCode().value() == 204 ? "anna" : "tom";

            // the winner's two browser tabs submit at the same moment
            List<ResponseEntity<Map<String, Object>>> completions = race(
                    () -> engine.completeAs(winner, design, dev.baton.CampaignFixtures.testDesign(10)),
                    () -> engine.completeAs(winner, design, dev.baton.CampaignFixtures.testDesign(10)));
            List<Integer> statuses = completions.stream().map(r -> r.getStatusCode().value()).toList();
            assertThat(statuses).as("completions " + completions).contains(204).hasSize(2)
                    // the loser finds the task gone (404), changed (409), or, when the winner's commit
                    // removed the task's grants before the loser's check ran, not its to work (403)
                    .allMatch(s -> s == 204 || s == 403 || s == 404 || s == 409);
            assertThat(statuses.stream().filter(s -> s == 204).count()).isEqualTo(1);

            assertThat(ledger.gateAttempts(code)).extracting(GateAttemptRecord::gate, GateAttemptRecord::assignee)
                    .as("one row per gate, the winner recorded").containsExactly(
                            org.assertj.core.groups.Tuple.tuple("brief", "sara"),
                            org.assertj.core.groups.Tuple.tuple("test-design", winner),
                            org.assertj.core.groups.Tuple.tuple("audience-pull", null));
            assertThat(ledger.handoffs(code)).hasSize(2);
        }
    }

    @Test
    void aCampaignCodeInUseIsRefusedAlsoWhenTwoStartsRaceForIt() throws Exception {
        EngineRestClient engine = new EngineRestClient(anonymous);
        // given by hand and already used: refused by the campaign row's key, nothing written
        String used = "RET-2026-" + System.nanoTime() % 100_000;
        ResponseEntity<Map<String, Object>> first = engine.start(PROCESS_ID, used, request());
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map<String, Object>> again = engine.start(PROCESS_ID, used, request());
        assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(400);
        assertThat(String.valueOf(again.getBody())).contains("businessKey").contains("already used");
        assertOneCampaign(used, (String) first.getBody().get("id"));
        // the start form's path, and a code at its longest (64 characters) given twice
        ResponseEntity<String> viaForm = engine.as(TestUsers.PROJECT_MANAGER).postForEntity(
                "/engine-rest/process-definition/key/" + PROCESS_ID + "/submit-form",
                Map.of("variables", EngineRestClient.typed(request()), "businessKey", used), String.class);
        assertThat(viaForm.getStatusCode().value()).as(viaForm.getBody()).isEqualTo(400);
        assertThat(viaForm.getBody()).contains("businessKey").contains("already used");
        assertOneCampaign(used, (String) first.getBody().get("id"));
        String longest = ("XSL-" + System.nanoTime() + "-").concat("L".repeat(64)).substring(0, 64);
        ResponseEntity<Map<String, Object>> longFirst = engine.start(PROCESS_ID, longest, request());
        assertThat(longFirst.getStatusCode().value()).as(String.valueOf(longFirst.getBody())).isEqualTo(200);
        ResponseEntity<Map<String, Object>> longAgain = engine.start(PROCESS_ID, longest, request());
        assertThat(longAgain.getStatusCode().value()).isEqualTo(400);
        assertOneCampaign(longest, (String) longFirst.getBody().get("id"));

        // two starts with the same new code at the same moment: one campaign, one clear refusal
        for (int round = 0; round < 4; round++) {
            String code = "WIN-2026-" + round + "-" + System.nanoTime() % 100_000;
            List<ResponseEntity<Map<String, Object>>> starts = race(() -> engine.start(PROCESS_ID, code, request()),
                    () -> engine.start(PROCESS_ID, code, request()));
            assertThat(starts).extracting(r -> r.getStatusCode().value()).as(String.valueOf(starts))
                    .containsExactlyInAnyOrder(200, 400);
            ResponseEntity<Map<String, Object>> won = starts.get(0).getStatusCode().value() == 200 ? starts.get(0) : starts.get(1);
            ResponseEntity<Map<String, Object>> lost = won == starts.get(0) ? starts.get(1) : starts.get(0);
            assertThat(String.valueOf(lost.getBody())).contains("businessKey").contains("already used");
            assertOneCampaign(code, (String) won.getBody().get("id"));
        }
    }

    /** One running instance, one campaign row and one gate attempt for the code: the refused start left nothing. */
    private void assertOneCampaign(String code, String processInstanceId) {
        assertThat(jdbc.sql("SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = :bk AND PARENT_ID_ IS NULL")
                .param("bk", code).query(String.class).list()).containsExactly(processInstanceId);
        assertThat(jdbc.sql("SELECT process_instance_id FROM campaign WHERE business_key = :bk").param("bk", code)
                .query(String.class).list()).containsExactly(processInstanceId);
        assertThat(ledger.gateAttempts(code)).extracting(GateAttemptRecord::processInstanceId).containsExactly(processInstanceId);
    }

    private interface Indexed<T> {
        T call(int i) throws Exception;
    }

    /** Runs n calls as close to simultaneously as the pool allows; results in call order. */
    private <T> List<T> all(int n, Indexed<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                return call.call(index);
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @SafeVarargs
    private <T> List<T> race(Callable<T>... calls) throws Exception {
        return all(calls.length, i -> calls[i].call());
    }
}
