package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.CampaignFixtures;
import dev.baton.TestPostgres;
import dev.baton.campaign.CampaignLifecycleProcess;
import dev.baton.web.EngineRestClient;
import dev.baton.web.TestUsers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gates completed through /engine-rest on PostgreSQL as the team members would (look the task up,
 * claim it, complete it; HTTP Basic on every call, authorization checks on), with the recommended
 * production configuration, against the same work done in-process on the same server. The clients
 * run in this JVM on the server's cores, so they use a lean HTTP/1.1 client with kept-alive
 * connections and prepared bodies.
 * <ol>
 * <li>in-process, {@code clients} threads, authenticated as the team members (the same
 * authorization checks): the gate rate the engine can do here;</li>
 * <li>REST, closed loop with {@code clients} clients: target ≥ 0.8× the in-process rate;</li>
 * <li>REST, the bare baseline process (same forms and variables, no gate) the same way;</li>
 * <li>REST, open loop: gates arrive at half the in-process rate, whatever the answers take;
 * latency counted from each arrival (queueing included). Target p99 &lt; 100 ms, no errors.</li>
 * </ol>
 * The three closed loops take turns in slices of two seconds for a number of rounds of 10 s each,
 * medians of the rounds, and ratios as the median of the rounds' ratios; a round's rate counts the gates that ended inside its slices over the slices' time. JVM
 * and PostgreSQL CPU per gate are reported for each.
 * Sizes: -Dbench.restClients (8), -Dbench.warmupSeconds (20, for each closed loop; then on until the JIT is quiet, {@link JitWarmUp}), -Dbench.roundSeconds (10),
 * -Dbench.sliceSeconds (2), -Dbench.restRounds (5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "baton.team-leads.strategy=sara", "baton.team-leads.analytics=anna",
        "baton.team-leads.execution=eric", "logging.level.root=WARN", "logging.level.dev.baton=WARN"})
@ActiveProfiles({"postgres", "production"})
@DirtiesContext
class RestLoadBenchmark {

    static final double CLOSED_LOOP_TARGET = 0.8;
    static final double OPEN_LOOP_P99_MS = 100;
    static final String BASELINE = "BareGateBaseline";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The four gates up to the launch, in order, with who works them and what they submit. */
    record Step(String batonTask, String baselineTask, String user, Map<String, Object> values) {
    }

    static final List<Step> STEPS = List.of(
            new Step(CampaignLifecycleProcess.STRATEGIC_BRIEF, "UserTask_One", "sara", CampaignFixtures.brief()),
            new Step(CampaignLifecycleProcess.TEST_AND_CONTROL_DESIGN, "UserTask_Two", "anna", CampaignFixtures.testDesign(10)),
            new Step(CampaignLifecycleProcess.AUDIENCE_PULL, "UserTask_Three", "eric", CampaignFixtures.audiencePull(50_000, 5_000)),
            new Step(CampaignLifecycleProcess.TRACKING_SIGN_OFF, "UserTask_Four", "tom", CampaignFixtures.trackingSignOff()));

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    /** One kept-alive connection per client thread. */
    private final ThreadLocal<LeanHttpClient> http = ThreadLocal.withInitial(() -> new LeanHttpClient("localhost", port));
    /** Request bodies, written once: the clients spend their CPU on the calls, not on JSON. */
    private final Map<String, byte[]> bodies = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new java.util.concurrent.ConcurrentHashMap<>();

    int clients() {
        return Integer.getInteger("bench.restClients", 8);
    }

    double warmupSeconds() {
        return Double.parseDouble(System.getProperty("bench.warmupSeconds", "20"));
    }

    /** The cap on the warm-up that waits for a quiet JIT ({@link JitWarmUp}). */
    double warmupMaxSeconds() {
        return JitWarmUp.maximumSeconds();
    }

    double roundSeconds() {
        return Double.parseDouble(System.getProperty("bench.roundSeconds", "10"));
    }

    /** 5 rounds since 3 gave a closed-loop ratio whose rounds spread by ±5 %, more than its margin. */
    int rounds() {
        return Integer.getInteger("bench.restRounds", 5);
    }

    /** The closed loops take turns in slices of about this length; a round is {@link #roundSeconds()} of each. */
    double sliceSeconds() {
        return BenchResults.sliceSeconds();
    }

    int slicesPerRound() {
        return BenchResults.slicesPerRound(roundSeconds(), sliceSeconds());
    }

    String resultName() {
        return "rest-load";
    }

    /** A campaign (or baseline instance) and the index of its next gate. */
    record Open(String processInstanceId, int step) {
    }

    /** What one run measured. */
    record Run(long gates, long gatesInWindow, long windowNanos, List<Long> gateNanos, List<Long> callNanos, long errors,
               long clientCpuNanos) {

        /** Gates that ended inside the window, per second of it. */
        double gatesPerSecond() {
            return gatesInWindow / (windowNanos / 1e9);
        }
    }

    /** The closed loops a round drives. */
    enum Mode {
        IN_PROCESS("in-process"), REST("REST"), REST_BASELINE("REST, bare baseline");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    @Test
    void restAgainstInProcess() throws Exception {
        engine.getRepositoryService().createDeployment().addModelInstance(BASELINE + ".bpmn", baseline()).deploy();
        // each closed loop gets the whole warm-up, in slices taking turns, and the warm-up goes on
        // until the JIT is quiet (Tomcat's, Jersey's and Camunda's REST code takes C2 minutes)
        JitWarmUp.Result warmUp = JitWarmUp.run(warmupSeconds() * Mode.values().length, warmupMaxSeconds(), () -> {
            double slice = Math.max(0.5, warmupSeconds() / 2);
            closedLoop(false, true, clients(), slice);
            closedLoop(true, true, clients(), slice);
            closedLoop(true, false, clients(), slice);
        });
        java.util.Map<Mode, Measured> measured = interleavedRounds();
        double inProcessRate = measured.get(Mode.IN_PROCESS).gatesPerSecond();
        double restRate = measured.get(Mode.REST).gatesPerSecond();
        double restBaselineRate = measured.get(Mode.REST_BASELINE).gatesPerSecond();
        double rate = inProcessRate / 2;
        Run open = openLoop(rate, roundSeconds());

        BenchResults results = new BenchResults(resultName()).context("clients", clients())
                .context("roundSeconds", roundSeconds()).context("slicesPerRound", slicesPerRound()).context("rounds", rounds()).context("warmupSeconds", warmupSeconds())
                .context("configuration", "recommended (history ledger, metrics off, reWriteBatchedInserts)")
                .context("database", "embedded PostgreSQL (io.zonky.test, fsync off)");
        results.add("warm-up, all closed loops", warmUp.seconds(), "s");
        results.add("JIT compilers' CPU in the last warm-up cycle, % of one core", warmUp.lastCyclePercent(), "%",
                "<= " + JitWarmUp.quietPercent(), warmUp.quiet());
        results.add("in-process gate completions/s, " + clients() + " threads", inProcessRate, "1/s");
        // the median of the rounds' ratios: each round's loops ran side by side
        double[] restPerRound = measured.get(Mode.REST).perRound();
        double[] inProcessPerRound = measured.get(Mode.IN_PROCESS).perRound();
        double closedRatio = BenchResults.pairedRatio(restPerRound, inProcessPerRound);
        results.add("REST gate completions/s, closed loop, " + clients() + " clients", restRate, "1/s");
        results.add("REST closed loop / in-process", closedRatio, "x", ">= " + CLOSED_LOOP_TARGET,
                closedRatio >= CLOSED_LOOP_TARGET);
        double[] byRound = BenchResults.roundRatios(restPerRound, inProcessPerRound);
        results.add("REST closed loop / in-process, lowest round", java.util.Arrays.stream(byRound).min().orElse(0), "x");
        results.add("REST closed loop / in-process, highest round", java.util.Arrays.stream(byRound).max().orElse(0), "x");
        results.add("REST closed loop / in-process, ratio of the medians", restRate / inProcessRate, "x");
        long restErrors = measured.get(Mode.REST).errors();
        results.add("REST closed loop: errors", restErrors, "", "= 0", restErrors == 0);
        results.add("REST baseline task completions/s, closed loop", restBaselineRate, "1/s");
        results.add("REST: Baton / baseline, closed loop",
                BenchResults.pairedRatio(restPerRound, measured.get(Mode.REST_BASELINE).perRound()), "x");
        measured.forEach((mode, m) -> {
            results.add(mode.label + ": JVM CPU per gate", m.jvmMsPerGate(), "ms");
            results.add(mode.label + ": PostgreSQL CPU per gate", m.postgresMsPerGate(), "ms");
            m.jvmMsPerGateByThreads().forEach((threads, ms) -> results.add(mode.label + ": JVM CPU per gate, " + threads, ms, "ms"));
        });
        results.add("open loop: arrival rate (half in-process)", rate, "1/s");
        results.add("open loop: gate completions/s", open.gatesPerSecond(), "1/s");
        double callP99 = BenchResults.percentileMillis(open.callNanos(), 99);
        double gateP99 = BenchResults.percentileMillis(open.gateNanos(), 99);
        results.add("open loop: REST call p50 (look-up, claim or complete)", BenchResults.percentileMillis(open.callNanos(), 50), "ms");
        results.add("open loop: REST call p99", callP99, "ms", "< " + OPEN_LOOP_P99_MS, callP99 < OPEN_LOOP_P99_MS);
        results.add("open loop: whole gate from arrival p50 (3 calls)", BenchResults.percentileMillis(open.gateNanos(), 50), "ms");
        results.add("open loop: whole gate from arrival p99 (3 calls)", gateP99, "ms");
        results.add("open loop: errors", open.errors(), "", "= 0", open.errors() == 0);
        results.write();
        assertThat(restRate).isPositive();
        assertThat(open.gateNanos()).isNotEmpty();
    }

    /** One closed-loop mode over the rounds: median rate, errors, CPU per gate. */
    record Measured(double gatesPerSecond, double[] perRound, long errors, double jvmMsPerGate, double postgresMsPerGate,
                    Map<String, Double> jvmMsPerGateByThreads) {
    }

    /**
     * The three closed loops take turns in slices, each round starting with the next one, so that
     * neither a noisy neighbour nor the data earlier rounds leave behind favours one of them (whole
     * 10 s rounds in turn let one loop meet a busy stretch of the shared machine that the next missed).
     */
    java.util.Map<Mode, Measured> interleavedRounds() throws Exception {
        java.util.Map<Mode, double[]> rates = new java.util.EnumMap<>(Mode.class);
        java.util.Map<Mode, long[]> totals = new java.util.EnumMap<>(Mode.class); // JVM ns, PostgreSQL ns, gates, errors
        java.util.Map<Mode, Map<String, Long>> byThreads = new java.util.EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            rates.put(mode, new double[rounds()]);
            totals.put(mode, new long[4]);
            byThreads.put(mode, new java.util.TreeMap<>());
        }
        for (int r = 0; r < rounds(); r++) {
            // per mode in this round: gates inside the slices, the slices' time, JIT CPU, wall time
            java.util.Map<Mode, long[]> round = new java.util.EnumMap<>(Mode.class);
            for (int slice = 0; slice < slicesPerRound(); slice++) {
                for (int i = 0; i < Mode.values().length; i++) {
                    Mode mode = Mode.values()[(r + i) % Mode.values().length];
                    long jvm = CpuTime.jvm();
                    long postgres = CpuTime.postgres();
                    long jit = CpuTime.jit();
                    long wall = System.nanoTime();
                    Map<String, Long> threadsBefore = CpuTime.jvmByThreadGroup();
                    Run run = closedLoop(mode != Mode.IN_PROCESS, mode != Mode.REST_BASELINE, clients(),
                            roundSeconds() / slicesPerRound());
                    // the clients' threads are gone by now: they count their own CPU
                    CpuTime.jvmByThreadGroup().forEach((group, nanos) -> byThreads.get(mode)
                            .merge(group, nanos - threadsBefore.getOrDefault(group, 0L), Long::sum));
                    byThreads.get(mode).merge("benchmark clients", run.clientCpuNanos(), Long::sum);
                    long[] t = totals.get(mode);
                    t[0] += CpuTime.jvm() - jvm;
                    t[1] += CpuTime.postgres() - postgres;
                    t[2] += run.gates();
                    t[3] += run.errors();
                    long[] sum = round.computeIfAbsent(mode, m -> new long[4]);
                    sum[0] += run.gatesInWindow();
                    sum[1] += run.windowNanos();
                    sum[2] += CpuTime.jit() - jit;
                    sum[3] += System.nanoTime() - wall;
                }
            }
            for (int i = 0; i < Mode.values().length; i++) {
                Mode mode = Mode.values()[(r + i) % Mode.values().length];
                long[] sum = round.get(mode);
                rates.get(mode)[r] = sum[0] / (sum[1] / 1e9);
                System.out.printf("[bench] round %d, %s: %.1f gates/s, JIT compilers %.1f %% of a core%n", r + 1, mode.label,
                        rates.get(mode)[r], JitWarmUp.percentOfOneCore(sum[2], sum[3]));
            }
        }
        java.util.Map<Mode, Measured> measured = new java.util.EnumMap<>(Mode.class);
        totals.forEach((mode, t) -> {
            Map<String, Double> perGate = new java.util.TreeMap<>();
            byThreads.get(mode).forEach((group, nanos) -> {
                if (nanos / 1e6 / Math.max(1, t[2]) >= 0.05) {
                    perGate.put(group, nanos / 1e6 / Math.max(1, t[2]));
                }
            });
            measured.put(mode, new Measured(BenchResults.median(rates.get(mode)), rates.get(mode), t[3],
                    t[0] / 1e6 / Math.max(1, t[2]), t[1] / 1e6 / Math.max(1, t[2]), perGate));
        });
        return measured;
    }

    /** {@code clients} workers each work gates back to back for {@code seconds}, through REST or in-process. */
    Run closedLoop(boolean viaRest, boolean baton, int clients, double seconds) throws Exception {
        BlockingQueue<Open> open = new LinkedBlockingQueue<>();
        for (int i = 0; i < clients * 2; i++) {
            open.add(new Open(start(baton), 0));
        }
        List<Long> gates = Collections.synchronizedList(new ArrayList<>());
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        AtomicLong inWindow = new AtomicLong();
        try {
            List<Future<Long>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    long mine = 0;
                    long cpuStart = CpuTime.currentThread();
                    while (System.nanoTime() < end) {
                        Open next = open.take();
                        long t0 = System.nanoTime();
                        boolean ok = viaRest ? restGate(next, baton, calls) : inProcessGate(next, baton);
                        long t1 = System.nanoTime();
                        gates.add(t1 - t0);
                        if (ok) {
                            mine++;
                            if (t1 <= end) {
                                inWindow.incrementAndGet();
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                        open.add(next.step() + 1 < STEPS.size() ? new Open(next.processInstanceId(), next.step() + 1)
                                : new Open(start(baton), 0));
                    }
                    clientCpu.addAndGet(CpuTime.currentThread() - cpuStart);
                    return mine;
                }));
            }
            for (Future<Long> f : work) {
                done += f.get();
            }
        } finally {
            pool.shutdown();
        }
        // the gates that run over the window's end finish outside it and are not counted in the rate
        return new Run(done, inWindow.get(), end - start, gates, calls, errors.get(), clientCpu.get());
    }

    /** Gates arrive every 1/rate seconds; each is worked by a free worker; latency from its arrival. */
    Run openLoop(double rate, double seconds) throws Exception {
        int arrivals = (int) Math.max(1, rate * seconds);
        BlockingQueue<Open> open = new LinkedBlockingQueue<>();
        // a campaign per arrival, started before the clock runs, so no arrival waits for an open gate
        for (int i = 0; i < arrivals; i++) {
            open.add(new Open(start(true), 0));
        }
        List<Long> gates = Collections.synchronizedList(new ArrayList<>());
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService workers = Executors.newCachedThreadPool();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            work.add(workers.submit(() -> {
                Open next = open.poll();
                if (next == null) {
                    errors.incrementAndGet();
                    return null;
                }
                boolean ok = restGate(next, true, calls);
                gates.add(System.nanoTime() - due);
                if (ok) {
                    done.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                if (next.step() + 1 < STEPS.size()) {
                    open.add(new Open(next.processInstanceId(), next.step() + 1));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        workers.shutdown();
        // every arrival counts: the open loop's rate is all its gates over the time until the last one ended
        return new Run(done.get(), done.get(), System.nanoTime() - start, gates, calls, errors.get(), 0);
    }

    private String start(boolean baton) {
        String key = (baton ? "REST-" : "RBASE-") + UUID.randomUUID().toString().substring(0, 18);
        return engine.getRuntimeService().startProcessInstanceByKey(baton ? CampaignLifecycleProcess.PROCESS_ID : BASELINE,
                key, CampaignFixtures.request()).getId();
    }

    /**
     * The same three steps in-process, authenticated as the team member like the REST calls, so
     * that both do the same authorization checks and the comparison shows what HTTP adds.
     */
    private boolean inProcessGate(Open open, boolean baton) {
        Step step = STEPS.get(open.step());
        var identity = engine.getIdentityService();
        identity.setAuthentication(step.user(), groups.computeIfAbsent(step.user(), user -> identity.createGroupQuery()
                .groupMember(user).listPage(0, 50).stream().map(org.camunda.bpm.engine.identity.Group::getId).toList()));
        try {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(open.processInstanceId())
                    .taskDefinitionKey(baton ? step.batonTask() : step.baselineTask()).singleResult();
            engine.getTaskService().claim(task.getId(), step.user());
            engine.getTaskService().complete(task.getId(), step.values());
            return true;
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * As the team member: find the task, claim it, complete it; three calls, each timed. The task
     * is found as Tasklist finds tasks, with the query as a JSON body (POST /task), not as query
     * parameters.
     */
    private boolean restGate(Open open, boolean baton, List<Long> calls) throws Exception {
        Step step = STEPS.get(open.step());
        String key = baton ? step.batonTask() : step.baselineTask();
        String authorization = LeanHttpClient.basic(step.user(), TestUsers.PASSWORD);
        LeanHttpClient.Answer found = call("POST", "/engine-rest/task?maxResults=1", authorization,
                JSON.writeValueAsBytes(Map.of("processInstanceId", open.processInstanceId(), "taskDefinitionKey", key)),
                calls);
        java.util.regex.Matcher id = TASK_ID.matcher(found.body());
        if (found.status() != 200 || !id.find()) {
            return false;
        }
        if (call("POST", "/engine-rest/task/" + id.group(1) + "/claim", authorization,
                body("claim " + step.user(), Map.of("userId", step.user())), calls).status() != 204) {
            return false;
        }
        return call("POST", "/engine-rest/task/" + id.group(1) + "/complete", authorization,
                body("complete " + step.batonTask(), Map.of("variables", EngineRestClient.typed(step.values()))), calls)
                .status() == 204;
    }

    private static final java.util.regex.Pattern TASK_ID = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private byte[] body(String name, Object value) {
        return bodies.computeIfAbsent(name, n -> {
            try {
                return JSON.writeValueAsBytes(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private LeanHttpClient.Answer call(String method, String path, String authorization, byte[] body, List<Long> calls)
            throws Exception {
        long t0 = System.nanoTime();
        LeanHttpClient.Answer answer = http.get().send(method, path, authorization, body);
        calls.add(System.nanoTime() - t0);
        return answer;
    }

    /** The bare baseline: four user tasks with the gates' forms and candidate groups, no gate properties. */
    static BpmnModelInstance baseline() {
        return Bpmn.createExecutableProcess(BASELINE).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("UserTask_One").camundaCandidateGroups("strategy").camundaFormRef("StrategicBrief").camundaFormRefBinding("latest")
                .userTask("UserTask_Two").camundaCandidateGroups("analytics").camundaFormRef("TestAndControlDesign").camundaFormRefBinding("latest")
                .userTask("UserTask_Three").camundaCandidateGroups("execution").camundaFormRef("AudiencePull").camundaFormRefBinding("latest")
                .userTask("UserTask_Four").camundaCandidateGroups("analytics").camundaFormRef("TrackingSignOff").camundaFormRefBinding("latest")
                .endEvent("EndEvent_Done").done();
    }
}
