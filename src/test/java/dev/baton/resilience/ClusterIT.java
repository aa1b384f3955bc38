package dev.baton.resilience;

import static dev.baton.CampaignFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.TestPostgres;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.setup.DemoUsers;
import dev.baton.web.TestUsers;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Baton nodes — the packaged jar in two JVMs — on one PostgreSQL, both with the job executor
 * on (Camunda's shared-database cluster). 200 campaigns are started and worked through both nodes
 * at once; a third of the brief SLA timers and every measurement window are made due at once, so
 * both job executors compete for them. Every SLA breach, launch and read-out must be recorded
 * exactly once, no job lost or run twice, no gate completed twice.
 */
class ClusterIT {

    private static final int CAMPAIGNS = 200;
    private static final int THREADS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoNodesShareTheWorkAndRecordEveryEventExactlyOnce() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        List<String> settings = List.of("spring.profiles.active=postgres", "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
                "camunda.bpm.admin-user.id=" + TestUsers.ADMIN, "camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD,
                "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric",
                "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=1000",
                "baton.sla.watch.interval=PT1S", "baton.sla.watch.initial-delay=PT1S",
                "baton.notifications.poll-interval=PT1S");
        // the first node creates the schema; the second joins it (README, Operations)
        try (BatonNode a = new BatonNode("node-a", settings)) {
            a.awaitReady(180_000);
            try (BatonNode b = new BatonNode("node-b", settings)) {
                b.awaitReady(180_000);
                GateWorker[] nodes = {new GateWorker(a.name(), a.url()), new GateWorker(b.name(), b.url())};
                createTeamUsers(nodes[0]);
                run(nodes, jdbc);
            }
        }
        // both job executors were polling the shared database: Camunda reports each node's job
        // acquisitions under its hostname when its engine closes. Which node wins a due job is the
        // engine's race (runs here split 200 windows anywhere from 100/100 to 0/200), so the split
        // itself is printed, not asserted; every job ran exactly once (above).
        assertThat(jdbc.sql("SELECT DISTINCT REPORTER_ FROM ACT_RU_METER_LOG WHERE NAME_ = 'job-acquisition-attempt'"
                + " AND VALUE_ > 0").query(String.class).list()).as("nodes whose job executor polled")
                .containsExactlyInAnyOrder("node-a", "node-b");
    }

    private void run(GateWorker[] nodes, JdbcClient jdbc) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            GateWorker node = nodes[i % 2];
            starts.add(pool.submit(() -> node.start(request())[0]));
        }
        List<String> instances = new ArrayList<>();
        for (Future<String> f : starts) {
            instances.add(f.get(120, TimeUnit.SECONDS));
        }

        // a third of the briefs run past their SLA: both nodes' SLA watches race for the breaches
        Set<String> late = new HashSet<>();
        for (int i = 0; i < CAMPAIGNS; i += 3) {
            jdbc.sql("UPDATE gate_attempt SET due_at = :due WHERE process_instance_id = :pi AND gate = 'brief'")
                    .param("due", java.time.OffsetDateTime.now().minusMinutes(1)).param("pi", instances.get(i)).update();
            late.add(instances.get(i));
        }
        Await.until(() -> count(jdbc, "SELECT COUNT(*) FROM gate_attempt WHERE sla_breached_at IS NOT NULL") >= late.size(), 180_000);

        // every campaign through every gate, each step through either node
        List<Future<Integer>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                Set<String> windowsDue = new HashSet<>();
                Set<String> done = new HashSet<>();
                List<String> mine = new ArrayList<>();
                for (int i = thread; i < CAMPAIGNS; i += THREADS) {
                    mine.add(instances.get(i));
                }
                long deadline = System.currentTimeMillis() + 400_000;
                while (done.size() < mine.size() && System.currentTimeMillis() < deadline) {
                    for (String pi : mine) {
                        if (done.contains(pi)) {
                            continue;
                        }
                        GateWorker node = nodes[ThreadLocalRandom.current().nextInt(2)];
                        if (node.advance(pi)) {
                            continue;
                        }
                        if ("completed".equals(outcome(jdbc, pi))) {
                            done.add(pi);
                        } else if (!windowsDue.contains(pi) && makeDue(node, pi, CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED)) {
                            windowsDue.add(pi);
                        }
                    }
                    Thread.sleep(50);
                }
                return done.size();
            }));
        }
        int finished = 0;
        for (Future<Integer> f : work) {
            finished += f.get(420, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(finished).as("campaigns read out").isEqualTo(CAMPAIGNS);

        List<GateWorker.Completion> completions = new ArrayList<>();
        for (GateWorker node : nodes) {
            completions.addAll(node.completions);
        }
        assertThat(completions).extracting(GateWorker.Completion::status).as("every REST completion succeeded")
                .allMatch(s -> s == 204);
        assertThat(completions).extracting(GateWorker.Completion::node).contains("node-a", "node-b");

        // SLA breaches: exactly one per late brief, one escalation each, no duplicate mail
        assertThat(count(jdbc, "SELECT COUNT(*) FROM gate_attempt WHERE sla_breached_at IS NOT NULL")).isEqualTo(late.size());
        assertThat(count(jdbc, "SELECT COUNT(*) FROM gate_attempt WHERE sla_breached_at IS NOT NULL AND gate = 'brief'"))
                .isEqualTo(late.size());
        assertThat(count(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = :k")
                .param("k", CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE))).as("escalations").isEqualTo(late.size());
        for (String kind : List.of("SLA_BREACHED", "CAMPAIGN_LAUNCHED", "RESULT_READ_OUT")) {
            assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT business_key FROM notification_event WHERE kind = '"
                    + kind + "' GROUP BY business_key HAVING COUNT(*) > 1) d")).as("duplicate " + kind + " event").isZero();
        }
        // both nodes resolve events to people: each event once, by one of them
        Await.until(() -> count(jdbc, "SELECT COUNT(*) FROM notification_event WHERE expanded_at IS NULL") == 0, 60_000);
        for (String kind : List.of("SLA_BREACHED", "CAMPAIGN_LAUNCHED", "RESULT_READ_OUT")) {
            assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT business_key, recipient FROM notification WHERE kind = '"
                    + kind + "' GROUP BY business_key, recipient HAVING COUNT(*) > 1) d")).as("duplicate " + kind).isZero();
        }
        assertThat(count(jdbc, "SELECT COUNT(DISTINCT business_key) FROM notification WHERE kind = 'SLA_BREACHED'"))
                .isEqualTo(late.size());
        // launches and read-outs: once per campaign
        assertThat(count(jdbc, "SELECT COUNT(*) FROM campaign WHERE launched_at IS NOT NULL")).isEqualTo(CAMPAIGNS);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM campaign_result")).isEqualTo(CAMPAIGNS);
        assertThat(count(jdbc, "SELECT COUNT(DISTINCT business_key) FROM notification WHERE kind = 'CAMPAIGN_LAUNCHED'"))
                .isEqualTo(CAMPAIGNS);
        // gates: five per campaign, each once, the ledger and the engine agree
        assertThat(count(jdbc, "SELECT COUNT(*) FROM gate_attempt WHERE completed_at IS NOT NULL")).isEqualTo(5L * CAMPAIGNS);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT business_key, gate, attempt FROM gate_attempt "
                + "GROUP BY business_key, gate, attempt HAVING COUNT(*) > 1) d")).isZero();
        assertThat(count(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE DELETE_REASON_ = 'completed' AND TASK_DEF_KEY_ <> :k")
                .param("k", CampaignLifecycleProcess.RESOLVE_OVERDUE_GATE))).isEqualTo(5L * CAMPAIGNS);
        // jobs: none lost (no failed job, no incident, no window left), none run twice, run by the two nodes
        assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ < 3")).as("jobs that failed").isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2")).as("successful job runs: "
                + "the measurement windows (the SLA watch needs no job)").isEqualTo(CAMPAIGNS);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 "
                + "GROUP BY JOB_ID_ HAVING COUNT(*) > 1) d")).as("jobs run twice").isZero();
        List<String> hosts = jdbc.sql("SELECT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2").query(String.class).list();
        long onA = hosts.stream().filter("node-a"::equals).count();
        assertThat(hosts).isSubsetOf("node-a", "node-b");
        System.out.printf("ClusterIT: %d campaigns, %d REST completions (node-a %d, node-b %d), %d late briefs, "
                        + "%d jobs run (node-a %d, node-b %d)%n", CAMPAIGNS, completions.size(),
                completions.stream().filter(c -> c.node().equals("node-a")).count(),
                completions.stream().filter(c -> c.node().equals("node-b")).count(), late.size(), hosts.size(), onA,
                hosts.size() - onA);
    }

    /** Sets the due date of the campaign's timer at this activity (the measurement window) to a minute ago; false when it has none. */
    private static boolean makeDue(GateWorker node, String pi, String activity) throws Exception {
        GateWorker.Answer jobs = node.call("GET", "/engine-rest/job?processInstanceId=" + pi + "&activityId=" + activity
                + "&maxResults=5", TestUsers.ADMIN, null);
        List<Map<String, Object>> found = JSON.readValue(jobs.body(), new TypeReference<>() {
        });
        if (found.isEmpty()) {
            return false;
        }
        String due = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date(System.currentTimeMillis() - 60_000));
        GateWorker.Answer set = node.call("PUT", "/engine-rest/job/" + found.get(0).get("id") + "/duedate", TestUsers.ADMIN,
                Map.of("duedate", due));
        if (set.status() != 204) {
            throw new AssertionError("setting the due date answered " + set.status() + ": " + set.body());
        }
        return true;
    }

    /** The team users, created by the admin through the REST API as an operator would. */
    private static void createTeamUsers(GateWorker node) throws Exception {
        for (DemoUsers.DemoUser u : DemoUsers.USERS) {
            GateWorker.Answer created = node.call("POST", "/engine-rest/user/create", TestUsers.ADMIN, Map.of(
                    "profile", Map.of("id", u.id(), "firstName", u.firstName(), "lastName", u.lastName(),
                            "email", u.id() + "@baton.example"),
                    "credentials", Map.of("password", TestUsers.PASSWORD)));
            assertThat(created.status()).as(created.body()).isEqualTo(204);
            for (String group : u.groups()) {
                GateWorker.Answer member = node.call("PUT", "/engine-rest/group/" + group + "/members/" + u.id(),
                        TestUsers.ADMIN, null);
                assertThat(member.status()).as(member.body()).isEqualTo(204);
            }
        }
    }

    private static String outcome(JdbcClient jdbc, String pi) {
        return jdbc.sql("SELECT outcome FROM campaign WHERE process_instance_id = :p").param("p", pi)
                .query(String.class).optional().orElse(null);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long count(JdbcClient.StatementSpec statement) {
        return statement.query(Long.class).single();
    }

}
