package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.CampaignFixtures;
import dev.baton.TestPostgres;
import dev.baton.resilience.GateWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * REST under load: 32 concurrent clients claim and complete gates of their own campaigns through
 * /engine-rest on PostgreSQL, authenticated as the team members, with production settings.
 * Reports completions/s, p50/p99 of each claim and complete call, and errors.
 * Targets: p99 < 150 ms, no errors. Size: -Dbench.restCampaignsPerClient (3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna",
        "baton.team-leads.execution=eric", "logging.level.root=WARN", "logging.level.dev.baton=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
class RestLoadBenchmark {

    static final int CLIENTS = 32;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    int clients() {
        return CLIENTS;
    }

    int campaignsPerClient() {
        return Integer.getInteger("bench.restCampaignsPerClient", 3);
    }

    String resultName() {
        return "rest-load";
    }

    @Test
    void thirtyTwoClients() throws Exception {
        int perClient = campaignsPerClient();
        int clientCount = clients();
        GateWorker warmUp = new GateWorker("warm-up", "http://localhost:" + port);
        drive(warmUp, warmUp.start(CampaignFixtures.request())[0]);

        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        List<GateWorker> clients = new ArrayList<>();
        List<Future<?>> work = new ArrayList<>();
        List<List<String>> campaigns = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            GateWorker client = new GateWorker("client-" + c, "http://localhost:" + port);
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                mine.add(client.start(CampaignFixtures.request())[0]);
            }
            clients.add(client);
            campaigns.add(mine);
        }
        long start = System.nanoTime();
        for (int c = 0; c < clientCount; c++) {
            GateWorker client = clients.get(c);
            List<String> mine = campaigns.get(c);
            work.add(pool.submit(() -> {
                for (String pi : mine) {
                    drive(client, pi);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(600, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        List<Long> nanos = new ArrayList<>();
        long errors = 0;
        long completions = 0;
        for (GateWorker client : clients) {
            for (GateWorker.Completion claim : client.claims) {
                nanos.add(claim.millis() * 1_000_000);
            }
            for (GateWorker.Completion c : client.completions) {
                nanos.add(c.millis() * 1_000_000);
                if (c.status() >= 300) {
                    errors++;
                } else {
                    completions++;
                }
            }
        }
        double p99 = BenchResults.percentileMillis(nanos, 99);
        BenchResults results = new BenchResults(resultName()).context("clients", clientCount)
                .context("campaignsPerClient", perClient).context("database", "embedded PostgreSQL (io.zonky.test, fsync off)");
        results.add("REST gate completions/s, " + clientCount + " clients", completions / seconds, "1/s");
        results.add("REST call p50 (claim or complete)", BenchResults.percentileMillis(nanos, 50), "ms");
        results.add("REST call p99 (claim or complete)", p99, "ms", "< 150", p99 < 150);
        results.add("REST errors", errors, "", "= 0", errors == 0);
        results.write();
        assertThat(completions).isPositive();
    }

    /** Claims and completes the campaign's four gates up to its launch (the measurement window then waits). */
    private static void drive(GateWorker client, String pi) throws Exception {
        for (int gate = 0; gate < 4; gate++) {
            if (!client.advance(pi)) {
                throw new IllegalStateException("no open gate in " + pi);
            }
        }
    }
}
