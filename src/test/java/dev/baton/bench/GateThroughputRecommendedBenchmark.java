package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * Gate throughput with the engine configuration the README recommends for production on
 * PostgreSQL (Performance): history level audit, Camunda's usage metrics off, pgjdbc rewriting
 * batched inserts. Baton and the bare baseline both run on it. The stretch target sets Baton here
 * against the baseline of GateThroughputBenchmark (default configuration) when that ran earlier in
 * the same JVM (mvn -Pbench verify runs the benchmarks in alphabetical order).
 */
@TestPropertySource(properties = {"camunda.bpm.history-level=audit", "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.generic-properties.properties.taskMetricsEnabled=false",
        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true"})
class GateThroughputRecommendedBenchmark extends GateThroughputBenchmark {

    static final double STRETCH_RATIO = 1.0;

    @Override
    String resultName() {
        return "gate-throughput-recommended";
    }

    /** The default-configuration run this one is compared with. */
    String defaultConfigurationResult() {
        return "gate-throughput";
    }

    @Override
    void compareWithOtherRuns(BenchResults results, Map<Integer, Double> batonCompletionsByThreads) throws Exception {
        Path other = Path.of("target", "bench", defaultConfigurationResult() + ".json");
        long jvmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!Files.exists(other) || Files.getLastModifiedTime(other).toMillis() < jvmStarted) {
            results.context("stretch", "not compared: " + other + " was not written in this run");
            return;
        }
        JsonNode figures = new ObjectMapper().readTree(other.toFile()).get("figures");
        for (var entry : batonCompletionsByThreads.entrySet()) {
            String name = "baseline completions/s, " + entry.getKey() + " thread(s)";
            for (JsonNode figure : figures) {
                if (figure.get("measurement").asText().equals(name)) {
                    double ratio = entry.getValue() / figure.get("value").asDouble();
                    results.add("stretch: Baton here / default-config baseline, " + entry.getKey() + " thread(s)", ratio, "x",
                            ">= " + STRETCH_RATIO, ratio >= STRETCH_RATIO);
                }
            }
        }
    }
}
