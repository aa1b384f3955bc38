package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.resilience.BatonNode;
import dev.baton.web.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Startup and memory: the packaged jar on a fresh H2 file database with the JVM flags the README
 * recommends, time from launch to /actuator/health UP and resident memory after 10 s idle;
 * median of -Dbench.startups (3). Targets: < 8 s and < 450 MB.
 */
class StartupBenchmark {

    /** The README's recommended flags (Performance). */
    static final List<String> RECOMMENDED_FLAGS = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Xss512k");

    int startups() {
        return Integer.getInteger("bench.startups", 3);
    }

    String resultName() {
        return "startup";
    }

    @Test
    void startupTimeAndIdleMemory() throws Exception {
        int startups = startups();
        double[] seconds = new double[startups];
        double[] megabytes = new double[startups];
        for (int i = 0; i < startups; i++) {
            Path data = Files.createTempDirectory("baton-h2-");
            List<String> settings = List.of("spring.datasource.url=jdbc:h2:file:" + data.resolve("baton"),
                    "camunda.bpm.admin-user.id=" + TestUsers.ADMIN, "camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD);
            long start = System.nanoTime();
            try (BatonNode node = new BatonNode("startup-" + i, RECOMMENDED_FLAGS, settings)) {
                node.awaitReady(120_000);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                Thread.sleep(10_000);
                megabytes[i] = node.residentBytes() / (1024.0 * 1024.0);
            }
        }
        double time = BenchResults.median(seconds);
        double rss = BenchResults.median(megabytes);
        BenchResults results = new BenchResults(resultName()).context("database", "H2 file, empty")
                .context("jvmFlags", String.join(" ", RECOMMENDED_FLAGS)).context("startups", startups);
        results.add("time to ready (health UP)", time, "s", "< 8", time < 8);
        results.add("idle RSS after 10 s", rss, "MB", "< 450", rss < 450);
        results.write();
        assertThat(time).isPositive();
    }
}
