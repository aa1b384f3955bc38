package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.resilience.BatonNode;
import dev.baton.web.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;
import org.junit.jupiter.api.Test;

/**
 * Startup and memory on a fresh H2 file database, the way the README recommends running Baton:
 * the jar extracted with Spring Boot's jar tools and started with the recommended JVM flags.
 * Time from launch to /actuator/health UP and resident memory after 10 s idle; median of
 * -Dbench.startups (3). Targets: < 8 s and < 450 MB. The packaged jar started as it is, with the
 * same flags but the JIT's default tiers, is timed alongside for comparison.
 */
class StartupBenchmark {

    /** The README's recommended flags (Performance). */
    static final List<String> RECOMMENDED_FLAGS = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Xss512k", "-XX:TieredStopAtLevel=1");

    int startups() {
        return Integer.getInteger("bench.startups", 3);
    }

    String resultName() {
        return "startup";
    }

    @Test
    void startupTimeAndIdleMemory() throws Exception {
        Path extracted = extract(BatonNode.packagedJar());
        List<String> fullJit = RECOMMENDED_FLAGS.stream().filter(f -> !f.startsWith("-XX:TieredStopAtLevel")).toList();
        double[][] recommended = starts("recommended", extracted, RECOMMENDED_FLAGS);
        double[][] packaged = starts("packaged", BatonNode.packagedJar(), fullJit);
        double time = BenchResults.median(recommended[0]);
        double rss = BenchResults.median(recommended[1]);
        BenchResults results = new BenchResults(resultName()).context("database", "H2 file, empty")
                .context("jvmFlags", String.join(" ", RECOMMENDED_FLAGS)).context("startups", startups());
        results.add("time to ready (health UP), extracted jar, recommended flags", time, "s", "< 8", time < 8);
        results.add("idle RSS after 10 s, extracted jar, recommended flags", rss, "MB", "< 450", rss < 450);
        results.add("time to ready, packaged jar, flags without TieredStopAtLevel", BenchResults.median(packaged[0]), "s");
        results.add("idle RSS after 10 s, same (packaged)", BenchResults.median(packaged[1]), "MB");
        results.write();
        assertThat(time).isPositive();
    }

    /** Seconds to ready and idle megabytes of each start. */
    private double[][] starts(String kind, Path jar, List<String> flags) throws Exception {
        double[][] figures = new double[2][startups()];
        for (int i = 0; i < startups(); i++) {
            Path data = Files.createTempDirectory("baton-h2-");
            List<String> settings = List.of("spring.datasource.url=jdbc:h2:file:" + data.resolve("baton") + ";DB_CLOSE_ON_EXIT=FALSE",
                    "camunda.bpm.admin-user.id=" + TestUsers.ADMIN, "camunda.bpm.admin-user.password=" + TestUsers.ADMIN_PASSWORD);
            long start = System.nanoTime();
            BatonNode node = new BatonNode("startup-" + kind + "-" + i, jar, flags, settings);
            try (node) {
                node.awaitReady(120_000);
                figures[0][i] = (System.nanoTime() - start) / 1e9;
                Thread.sleep(10_000);
                figures[1][i] = node.residentBytes() / (1024.0 * 1024.0);
            }
            // a stop (SIGTERM) undeploys from a database that is still open
            assertThat(node.log()).as("log of a clean stop").contains("Process application baton undeployed")
                    .doesNotContain(" ERROR ");
            FileSystemUtils.deleteRecursively(data);
        }
        return figures;
    }

    /** java -Djarmode=tools -jar baton.jar extract, as the README tells operators to do once per release. */
    static Path extract(Path packaged) throws IOException, InterruptedException {
        Path destination = Path.of("target", "bench", "extracted");
        FileSystemUtils.deleteRecursively(destination);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--destination", destination.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-extract.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("jar extraction finished").isTrue();
        assertThat(process.exitValue()).as("jar extraction exit code, see target/bench-extract.log").isZero();
        return destination.resolve(packaged.getFileName());
    }
}
