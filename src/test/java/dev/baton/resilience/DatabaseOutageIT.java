package dev.baton.resilience;

import static dev.baton.CampaignFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stops while four users work campaigns through REST, and starts again: meanwhile
 * every request is answered 503 promptly (no hang), afterwards Baton serves again without a
 * restart, every acknowledged completion is in the ledger and none that failed is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "spring.datasource.hikari.connection-timeout=2000",
        "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric"})
@ActiveProfiles("postgres")
@DirtiesContext
class DatabaseOutageIT {

    private static final int CAMPAIGNS = 24;
    private static final int WORKERS = 4;
    private static StoppablePostgres postgres;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) {
        postgres = new StoppablePostgres("baton");
        registry.add("spring.datasource.url", postgres::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void anOutageCostsNoAcknowledgedGateAndRecordsNoFailedOne() throws Exception {
        GateWorker worker = new GateWorker("node", "http://localhost:" + port);
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            instances.add(worker.start(request())[0]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        AtomicBoolean databaseDown = new AtomicBoolean();
        List<GateWorker.Answer> duringOutage = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            List<String> mine = instances.subList(w * CAMPAIGNS / WORKERS, (w + 1) * CAMPAIGNS / WORKERS);
            work.add(pool.submit(() -> {
                Set<String> done = new HashSet<>();
                long deadline = System.currentTimeMillis() + 180_000;
                while (done.size() < mine.size() && System.currentTimeMillis() < deadline) {
                    for (String pi : mine) {
                        if (done.contains(pi)) {
                            continue;
                        }
                        boolean down = databaseDown.get();
                        if (!worker.advance(pi) && !down && !databaseDown.get() && atMeasurementWindow(pi)) {
                            done.add(pi);
                        }
                    }
                    if (databaseDown.get()) {
                        Await.pause(100);
                    }
                }
                return done.size();
            }));
        }

        Await.until(() -> acknowledged(worker) >= 30, 60_000);
        databaseDown.set(true);
        postgres.stop();
        long outageStarted = System.currentTimeMillis();
        // while it is down, Baton's own API and the engine's answer 503 as well
        duringOutage.add(worker.call("GET", "/api/metrics/hygiene", "pat", null));
        duringOutage.add(worker.call("GET", "/engine-rest/task?maxResults=5", "pat", null));
        Await.pause(Math.max(0, 6_000 - (System.currentTimeMillis() - outageStarted)));
        postgres.start();
        databaseDown.set(false);

        for (Future<?> f : work) {
            assertThat(f.get(240, TimeUnit.SECONDS)).as("every campaign reached its measurement window")
                    .isEqualTo(CAMPAIGNS / WORKERS);
        }
        pool.shutdown();

        assertThat(duringOutage).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(503);
            assertThat(a.body()).contains("database is not reachable");
            assertThat(a.millis()).as("answered, not hung").isLessThan(15_000);
        });
        List<GateWorker.Completion> all = new ArrayList<>(worker.completions);
        assertThat(all).extracting(GateWorker.Completion::status).as("only successes and 503s: " + all.stream()
                        .filter(c -> c.status() != 204 && c.status() != 503).toList())
                .allMatch(s -> s == 204 || s == 503).contains(503);
        assertThat(all).allSatisfy(c -> assertThat(c.millis()).as("no hang").isLessThan(15_000));

        Set<String> acknowledged = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (GateWorker.Completion c : all) {
            if (c.taskId() != null) {
                (c.status() == 204 ? acknowledged : failed).add(c.taskId());
            }
        }
        long failedAttempts = all.stream().filter(c -> c.taskId() != null && c.status() != 204).count();
        failed.removeAll(acknowledged); // failed during the outage, completed after it
        Set<String> inLedger = new HashSet<>(jdbc.sql("SELECT task_id FROM gate_attempt WHERE completed_at IS NOT NULL")
                .query(String.class).list());
        Set<String> inEngine = new HashSet<>(jdbc.sql("SELECT ID_ FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL "
                + "AND DELETE_REASON_ = 'completed'").query(String.class).list());
        assertThat(inLedger).as("every acknowledged completion is in the ledger").containsAll(acknowledged)
                .as("and nothing else").isEqualTo(acknowledged);
        // (equality above also means: an attempt that failed and was never acknowledged left no row)
        assertThat(failed).as("failed and never retried successfully").isEmpty();
        assertThat(inEngine).as("ledger and engine agree").isEqualTo(inLedger);
        System.out.printf("DatabaseOutageIT: %d completions acknowledged, %d claim/complete attempts and %d look-ups "
                        + "answered 503, slowest answer %d ms%n", acknowledged.size(), failedAttempts,
                all.stream().filter(c -> c.taskId() == null && c.status() == 503).count(),
                all.stream().mapToLong(GateWorker.Completion::millis).max().orElse(0));
    }

    private boolean atMeasurementWindow(String pi) {
        try {
            return waitingForWindow(pi);
        } catch (RuntimeException databaseAway) {
            return false;
        }
    }

    private boolean waitingForWindow(String pi) {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e ON j.EXECUTION_ID_ = e.ID_ "
                        + "WHERE j.PROCESS_INSTANCE_ID_ = :pi AND e.ACT_ID_ = :a")
                .param("pi", pi).param("a", CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED)
                .query(Long.class).single() == 1;
    }

    private static long acknowledged(GateWorker worker) {
        return worker.completions.stream().filter(c -> c.status() == 204).count();
    }

}
