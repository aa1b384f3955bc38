package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.gate.SlaWatch;
import dev.baton.web.EngineRestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The overdue escalation lets a project manager reassign a gate or move its due date without task
 * permissions. These try to use that way in for something else: a team member completing the
 * escalation, a project manager pointing it at another campaign's gate, texts far past their
 * length, no Content-Type, the due date changed on the gate directly, and two decisions at once.
 * Each is refused with a message and changes nothing; of two at once exactly one applies.
 */
class EscalationActionAttackTest extends AttackTestBase {

    @Autowired
    SlaWatch slaWatch;

    /** A campaign whose brief is overdue, with its escalation open: {process instance, brief task, escalation task}. */
    private String[] overdueBrief() {
        String instance = newCampaign()[0];
        String brief = rest().taskId(instance, CampaignLifecycleProcess.STRATEGIC_BRIEF);
        var past = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        jdbc.sql("UPDATE ACT_RU_TASK SET DUE_DATE_ = :due WHERE ID_ = :id").param("due", past).param("id", brief).update();
        jdbc.sql("UPDATE gate_attempt SET due_at = :due WHERE task_id = :id").param("due", past).param("id", brief).update();
        assertThat(slaWatch.sweep()).isPositive();
        String escalation = rest().taskId(instance, CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE);
        EngineRestClient.expect(rest().claim(escalation, "pat"), 204);
        return new String[] {instance, brief, escalation};
    }

    private RawHttp.Response complete(String user, String task, Map<String, Object> values, String contentType) {
        Map<String, String> headers = contentType == null ? as(user) : with(as(user), "Content-Type", contentType);
        return http().send("POST", "/engine-rest/task/" + task + "/complete", headers,
                json(Map.of("variables", EngineRestClient.typed(values))));
    }

    @Test
    void theEscalationCannotBeTurnedAgainstAnotherGateOrPastItsRules() {
        String[] mine = overdueBrief();
        String otherGate = rest().taskId(newCampaign()[0], CampaignLifecycleProcess.STRATEGIC_BRIEF);
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
        Map<String, Map<String, Object>> attacks = new java.util.LinkedHashMap<>();
        attacks.put("another campaign's gate as overdueTaskId", Map.of("overdueAction", "reassign", "reassignTo", "max",
                "overdueTaskId", otherGate));
        attacks.put("reassignTo 100,000 characters", Map.of("overdueAction", "reassign", "reassignTo", "m".repeat(100_000)));
        attacks.put("reassign to a non-member", Map.of("overdueAction", "reassign", "reassignTo", "eric"));
        attacks.put("extensionReason 1,001 characters × 100", Map.of("overdueAction", "extend", "newDueDate", day,
                "extensionReason", "x".repeat(100_100)));
        attacks.put("a due date as an expression", Map.of("overdueAction", "extend", "newDueDate", "${now()}",
                "extensionReason", "Holiday"));
        attacks.put("an unknown action", Map.of("overdueAction", "approve"));
        var before = snapshot();
        for (var attack : attacks.entrySet()) {
            RawHttp.Response answer = complete("pat", mine[2], attack.getValue(), "application/json");
            assertThat(answer.status()).as(attack.getKey() + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.body()).as(attack.getKey()).containsPattern("\"message\":\"[^\"]{10,}").doesNotContain("\tat ");
        }
        for (String contentType : new String[] {null, "text/plain", "application/x-www-form-urlencoded"}) {
            RawHttp.Response answer = complete("pat", mine[2], Map.of("overdueAction", "reassign", "reassignTo", "max"), contentType);
            assertThat(answer.status()).as("Content-Type " + contentType + ": " + answer.body()).isBetween(400, 499);
        }
        RawHttp.Response asTeamMember = complete("sara", mine[2], Map.of("overdueAction", "extend", "newDueDate", day,
                "extensionReason", "I need more time"), "application/json");
        assertThat(asTeamMember.status()).as("a team member cannot act on the escalation: " + asTeamMember.body())
                .isBetween(400, 499);
        RawHttp.Response dueDirectly = http().send("PUT", "/engine-rest/task/" + mine[1], with(as("pat"), "Content-Type",
                "application/json"), "{\"name\":\"Write strategic brief\",\"due\":\"2030-01-01T17:00:00.000+0000\"}");
        assertThat(dueDirectly.status()).as("the due date only moves through the escalation: " + dueDirectly.body())
                .isBetween(400, 499);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void twoDecisionsAtOnceApplyOnce() throws Exception {
        // a few rounds: the losers' failures differ with the timing (a version conflict, or a scope
        // the engine had half read when the winner committed); each must be a clean 4xx
        for (int round = 0; round < 5; round++) {
            fourDecisionsOnOneEscalation();
        }
    }

    private void fourDecisionsOnOneEscalation() throws Exception {
        String[] mine = overdueBrief();
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
        List<Map<String, Object>> decisions = List.of(Map.of("overdueAction", "reassign", "reassignTo", "max"),
                Map.of("overdueAction", "extend", "newDueDate", day, "extensionReason", "Strategy offsite"),
                Map.of("overdueAction", "remind"), Map.of("overdueAction", "reassign", "reassignTo", "sara"));
        ExecutorService pool = Executors.newFixedThreadPool(decisions.size());
        List<RawHttp.Response> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RawHttp.Response>> calls = new ArrayList<>();
            for (Map<String, Object> decision : decisions) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return complete("pat", mine[2], decision, "application/json");
                }));
            }
            go.countDown();
            for (Future<RawHttp.Response> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers).extracting(RawHttp.Response::status).as(answers.toString()).containsOnlyOnce(204);
        assertThat(answers.stream().filter(a -> a.status() != 204)).allSatisfy(a -> assertThat(a.status()).as(a.body())
                .isBetween(400, 499));
        String code = jdbc.sql("SELECT business_key FROM campaign WHERE process_instance_id = :pi").param("pi", mine[0])
                .query(String.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_escalation_action WHERE business_key = :bk").param("bk", code)
                .query(Long.class).single()).as("exactly one decision recorded").isEqualTo(1L);
    }
}
