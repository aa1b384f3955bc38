package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.CampaignFixtures;
import dev.baton.TestPostgres;
import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gate throughput on embedded PostgreSQL at 1, 2 and 4 threads: whole ad-hoc campaigns through
 * Baton (every gate claimed and completed with realistic variables, the measurement timer
 * executed) against a bare Camunda baseline in the same run — same engine, database and history
 * level, a process of the same shape (start, five user tasks, end) with the same variables and
 * no Baton code. Median of rounds; target Baton ≥ 0.85× the baseline's completions/s.
 * Sizes: -Dbench.campaignsPerThread (40), -Dbench.rounds (3), -Dbench.threads (1,2,4).
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "baton.team-leads.strategy=sara",
        "baton.team-leads.analytics=anna", "baton.team-leads.execution=eric", "logging.level.root=WARN",
        "logging.level.dev.baton=WARN"})
@ActiveProfiles("postgres")
@DirtiesContext
@Import(StatementCounter.class)
class GateThroughputBenchmark {

    static final String BASELINE = "BareFiveTaskBaseline";
    static final double TARGET_RATIO = 0.85;
    static final java.util.Set<String> BASELINE_TASKS =
            java.util.Set.of("UserTask_One", "UserTask_Two", "UserTask_Three", "UserTask_Four", "UserTask_Five");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Autowired
    ProcessEngine engine;

    @org.springframework.beans.factory.annotation.Value("${camunda.bpm.history-level}")
    String historyLevel;

    /** statements, round trips and completions, per mode: [0] baseline, [1] Baton */
    final java.util.concurrent.atomic.AtomicLongArray sql = new java.util.concurrent.atomic.AtomicLongArray(6);

    int campaignsPerThread() {
        return Integer.getInteger("bench.campaignsPerThread", 40);
    }

    int rounds() {
        return Integer.getInteger("bench.rounds", 3);
    }

    List<Integer> threads() {
        return Arrays.stream(System.getProperty("bench.threads", "1,2,4").split(",")).map(String::trim)
                .map(Integer::valueOf).toList();
    }

    String resultName() {
        return "gate-throughput";
    }

    @Test
    void batonAgainstBareCamunda() throws Exception {
        engine.getRepositoryService().createDeployment().addModelInstance(BASELINE + ".bpmn", baseline()).deploy();
        run(1, 3, true);  // warm-up: JIT, caches, connection pool
        run(1, 3, false);
        for (int i = 0; i < 6; i++) {
            sql.set(i, 0);
        }
        BenchResults results = new BenchResults(resultName()).context("history", historyLevel)
                .context("campaignsPerThread", campaignsPerThread()).context("rounds", rounds())
                .context("database", "embedded PostgreSQL (io.zonky.test, fsync off)");
        Map<Integer, Double> batonByThreads = new java.util.LinkedHashMap<>();
        for (int t : threads()) {
            double[] baseline = new double[rounds()];
            double[] baton = new double[rounds()];
            List<Long> batonLatencies = Collections.synchronizedList(new ArrayList<>());
            List<Long> baselineLatencies = Collections.synchronizedList(new ArrayList<>());
            for (int r = 0; r < rounds(); r++) {
                Sample b = run(t, campaignsPerThread(), true);
                Sample c = run(t, campaignsPerThread(), false);
                baseline[r] = b.completionsPerSecond();
                baton[r] = c.completionsPerSecond();
                baselineLatencies.addAll(b.latencies());
                batonLatencies.addAll(c.latencies());
            }
            double ratio = BenchResults.median(baton) / BenchResults.median(baseline);
            batonByThreads.put(t, BenchResults.median(baton));
            results.add("baseline completions/s, " + t + " thread(s)", BenchResults.median(baseline), "1/s");
            results.add("Baton completions/s, " + t + " thread(s)", BenchResults.median(baton), "1/s");
            results.add("Baton campaigns/s, " + t + " thread(s)", BenchResults.median(baton) / 5, "1/s");
            results.add("Baton / baseline, " + t + " thread(s)", ratio, "x", ">= " + TARGET_RATIO, ratio >= TARGET_RATIO);
            results.add("baseline completion p50, " + t + " thread(s)", BenchResults.percentileMillis(baselineLatencies, 50), "ms");
            results.add("baseline completion p99, " + t + " thread(s)", BenchResults.percentileMillis(baselineLatencies, 99), "ms");
            results.add("Baton completion p50, " + t + " thread(s)", BenchResults.percentileMillis(batonLatencies, 50), "ms");
            results.add("Baton completion p99, " + t + " thread(s)", BenchResults.percentileMillis(batonLatencies, 99), "ms");
        }
        double baselineStatements = (double) sql.get(0) / sql.get(2);
        double batonStatements = (double) sql.get(3) / sql.get(5);
        results.add("baseline SQL statements per completion", baselineStatements, "");
        results.add("baseline round trips per completion", (double) sql.get(1) / sql.get(2), "");
        results.add("Baton SQL statements per completion", batonStatements, "");
        results.add("Baton round trips per completion", (double) sql.get(4) / sql.get(5), "");
        compareWithOtherRuns(results, batonByThreads);
        results.write();
        assertThat(results.figures()).allSatisfy(f -> assertThat(f.value()).isPositive());
        writeStatements();
    }

    /** Figures that set this run against another benchmark of the same mvn run; none here. */
    void compareWithOtherRuns(BenchResults results, Map<Integer, Double> batonCompletionsByThreads) throws Exception {
    }

    /**
     * One campaign of each kind once more, with the SQL of every claim + completion recorded, to
     * target/bench/NAME-statements.txt: where Baton's extra statements per gate come from.
     */
    private void writeStatements() throws java.io.IOException {
        traced = new java.util.LinkedHashMap<>();
        baselineCampaign(new ArrayList<>());
        batonCampaign(new ArrayList<>());
        StringBuilder text = new StringBuilder("SQL per claim + completion (setAssignee, complete), one campaign each.\n");
        traced.forEach((task, statements) -> {
            text.append("\n=== ").append(task).append(": ").append(statements.size()).append(" statements ===\n");
            Map<String, Long> byStatement = new java.util.LinkedHashMap<>();
            statements.forEach(sql -> byStatement.merge(sql.length() > 160 ? sql.substring(0, 160) + " …" : sql, 1L, Long::sum));
            byStatement.forEach((sql, times) -> text.append(String.format("%3d  %s%n", times, sql)));
        });
        traced = null;
        java.nio.file.Path file = java.nio.file.Path.of("target", "bench", resultName() + "-statements.txt");
        java.nio.file.Files.writeString(file, text);
    }

    /** While set, each completion's SQL by task: see {@link #writeStatements()}. */
    private volatile Map<String, List<String>> traced;

    record Sample(double completionsPerSecond, List<Long> latencies) {
    }

    /** {@code threads} threads each drive {@code perThread} campaigns; five task completions per campaign. */
    Sample run(int threads, int perThread, boolean baseline) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (baseline) {
                            baselineCampaign(latencies);
                        } else {
                            batonCampaign(latencies);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Sample(5.0 * threads * perThread / seconds, latencies);
    }

    private void batonCampaign(List<Long> latencies) {
        String code = "BENCH-" + UUID.randomUUID().toString().substring(0, 18);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(CampaignLifecycleProcess.PROCESS_ID,
                code, CampaignFixtures.request());
        complete(pi, CampaignLifecycleProcess.STRATEGIC_BRIEF, "sara", CampaignFixtures.brief(), latencies);
        complete(pi, CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "anna", CampaignFixtures.testDesign(10), latencies);
        complete(pi, CampaignLifecycleProcess.AUDIENCE_PULL, "eric", CampaignFixtures.audiencePull(50_000, 5_000), latencies);
        complete(pi, CampaignLifecycleProcess.TRACKING_SIGN_OFF, "tom", CampaignFixtures.trackingSignOff(), latencies);
        var timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(CampaignLifecycleProcess.MEASUREMENT_WINDOW_CLOSED).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        complete(pi, CampaignLifecycleProcess.RESULTS_READOUT, "anna", CampaignFixtures.readout(2_700, 225), latencies);
    }

    private void baselineCampaign(List<Long> latencies) {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(BASELINE,
                "BASE-" + UUID.randomUUID().toString().substring(0, 18), CampaignFixtures.request());
        complete(pi, "UserTask_One", "sara", CampaignFixtures.brief(), latencies);
        complete(pi, "UserTask_Two", "anna", CampaignFixtures.testDesign(10), latencies);
        complete(pi, "UserTask_Three", "eric", CampaignFixtures.audiencePull(50_000, 5_000), latencies);
        complete(pi, "UserTask_Four", "tom", CampaignFixtures.trackingSignOff(), latencies);
        complete(pi, "UserTask_Five", "anna", CampaignFixtures.readout(2_700, 225), latencies);
    }

    private void complete(ProcessInstance pi, String key, String user, Map<String, Object> values, List<Long> latencies) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .singleResult();
        Map<String, List<String>> trace = traced;
        if (trace != null) {
            trace.put((BASELINE_TASKS.contains(key) ? "baseline " : "Baton ") + key, StatementCounter.record(() -> {
                engine.getTaskService().setAssignee(task.getId(), user);
                engine.getTaskService().complete(task.getId(), values);
            }));
            return;
        }
        long[] before = StatementCounter.snapshot();
        long start = System.nanoTime();
        engine.getTaskService().setAssignee(task.getId(), user);
        engine.getTaskService().complete(task.getId(), values);
        latencies.add(System.nanoTime() - start);
        long[] after = StatementCounter.snapshot();
        int mode = BASELINE_TASKS.contains(key) ? 0 : 1;
        sql.addAndGet(3 * mode, after[0] - before[0]);
        sql.addAndGet(3 * mode + 1, after[1] - before[1]);
        sql.addAndGet(3 * mode + 2, 1);
    }

    /** The bare baseline: start, five user tasks, end; no listeners, validation, DMN or ledger. */
    static BpmnModelInstance baseline() {
        return Bpmn.createExecutableProcess(BASELINE).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("UserTask_One").camundaCandidateGroups("strategy")
                .userTask("UserTask_Two").camundaCandidateGroups("analytics")
                .userTask("UserTask_Three").camundaCandidateGroups("execution")
                .userTask("UserTask_Four").camundaCandidateGroups("analytics")
                .userTask("UserTask_Five").camundaCandidateGroups("analytics")
                .endEvent("EndEvent_Done").done();
    }
}
