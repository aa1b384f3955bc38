package dev.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.TestPostgres;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The production profile's history settings (README, Recommended engine configuration): no removal
 * time stamped on every history row when an instance ends, history cleanup by end time — which
 * keeps running campaigns whole but leaves the historic task permissions of the instances it deletes
 * behind; the sweep removes exactly those. On H2 and PostgreSQL.
 */
class HistoricPermissionSweepTest {

    private static final long DAY = 24L * 3600 * 1000;
    private ProcessEngine engine;

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    @AfterEach
    void close() {
        ClockUtil.reset();
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void removesThePermissionsOfCleanedHistoryAndNothingElse(String database) {
        DataSource dataSource = dataSource(database);
        engine = productionHistoryEngine(dataSource, database);
        assertThat(productionProfile().getProperty(GENERIC + "historyRemovalTimeStrategy")).isEqualTo("none");
        HistoricPermissionSweep sweep = new HistoricPermissionSweep(JdbcClient.create(dataSource));
        engine.getRepositoryService().createDeployment().addModelInstance("short.bpmn", process("ShortLived", 1)).deploy();
        engine.getRepositoryService().createDeployment().addModelInstance("long.bpmn", process("LongLived", 30)).deploy();

        String cleaned = finishedInstance("ShortLived");
        String kept = finishedInstance("LongLived");
        String historyDeleted = finishedInstance("LongLived");
        String running = engine.getRuntimeService().startProcessInstanceByKey("ShortLived").getId();
        org.camunda.bpm.engine.task.Task standalone = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(standalone);
        engine.getTaskService().addCandidateGroup(standalone.getId(), "strategy");
        long standalonePermissions = standalonePermissions(standalone.getId());
        assertThat(standalonePermissions).as("a task of no process has them too, with no instance").isPositive();
        assertThat(historicPermissions(cleaned)).as("Camunda grants them per task").isNotEmpty();
        assertThat(sweep.sweep()).as("nothing is orphaned while the history is there").isZero();

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3 * DAY));
        engine.getManagementService().executeJob(engine.getHistoryService().cleanUpHistoryAsync(true).getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(cleaned).count())
                .as("the cleanup removed the finished instance past its time to live").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(running).count())
                .as("a running instance is never cleaned by end time, however old").isOne();
        assertThat(historicPermissions(cleaned)).as("left behind by the end-time-based cleanup").isNotEmpty();
        // the other way history goes: deleted through the API (Cockpit, REST DELETE /history/process-instance/{id})
        engine.getHistoryService().deleteHistoricProcessInstance(historyDeleted);
        assertThat(historicPermissions(historyDeleted)).as("Camunda's history deletion leaves them too").hasSize(2);

        int removed = sweep.sweep();
        assertThat(removed).isEqualTo(4);
        assertThat(historicPermissions(cleaned)).isEmpty();
        assertThat(historicPermissions(historyDeleted)).as("whoever deleted the history").isEmpty();
        assertThat(historicPermissions(kept)).as("history still there, permissions too").hasSize(2);
        assertThat(historicPermissions(running)).as("a running instance's task").hasSize(1);
        assertThat(standalonePermissions(standalone.getId())).as("a task of no process keeps them").isEqualTo(standalonePermissions);
        assertThat(sweep.sweep()).as("a second sweep (or another node's) finds nothing").isZero();
    }

    /** Every node sweeps: two sweeps at once remove each orphan once, and neither fails. */
    @ParameterizedTest
    @MethodSource("databases")
    void twoNodesSweepingAtOnceRemoveEachPermissionOnce(String database) throws Exception {
        DataSource dataSource = dataSource(database);
        engine = productionHistoryEngine(dataSource, database);
        engine.getRepositoryService().createDeployment().addModelInstance("short.bpmn", process("ShortLived", 1)).deploy();
        List<String> cleaned = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cleaned.add(finishedInstance("ShortLived"));
        }
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3 * DAY));
        engine.getManagementService().executeJob(engine.getHistoryService().cleanUpHistoryAsync(true).getId());
        int orphans = cleaned.stream().mapToInt(id -> historicPermissions(id).size()).sum();
        assertThat(orphans).isEqualTo(40);

        var nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> sweeps = List.of(
                    nodes.submit(() -> { start.await(); return new HistoricPermissionSweep(JdbcClient.create(dataSource)).sweep(); }),
                    nodes.submit(() -> { start.await(); return new HistoricPermissionSweep(JdbcClient.create(dataSource)).sweep(); }));
            start.countDown();
            int removed = 0;
            for (var sweep : sweeps) {
                removed += sweep.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(removed).isEqualTo(orphans);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(cleaned).allSatisfy(id -> assertThat(historicPermissions(id)).isEmpty());
    }

    private String finishedInstance(String key) {
        String id = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();
        engine.getTaskService().setAssignee(task, "sara");
        engine.getTaskService().complete(task);
        return id;
    }

    private List<String> historicPermissions(String processInstanceId) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
                .listPage(0, 100).stream()
                .filter(a -> processInstanceId.equals(((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a)
                        .getRootProcessInstanceId()))
                .map(a -> a.getId()).toList();
    }

    private long standalonePermissions(String taskId) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
                .resourceId(taskId).count();
    }

    private static org.camunda.bpm.model.bpmn.BpmnModelInstance process(String key, int daysToLive) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(daysToLive).startEvent()
                .userTask("UserTask_Work").camundaCandidateGroups("strategy").endEvent().done();
    }

    private static DataSource dataSource(String database) {
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:sweep-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        TestPostgres.Database postgres = TestPostgres.newDatabase();
        return new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
    }

    private static final String GENERIC = "camunda.bpm.generic-properties.properties.";

    static java.util.Properties productionProfile() {
        var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application-production.yaml"));
        return yaml.getObject();
    }

    /** The two history settings come from the production profile, so the test follows it. */
    private static ProcessEngine productionHistoryEngine(DataSource dataSource, String name) {
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("sweep-" + name + System.nanoTime());
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("audit");
        configuration.setAuthorizationEnabled(true);
        configuration.setEnableHistoricInstancePermissions(true);
        java.util.Properties production = productionProfile();
        configuration.setHistoryRemovalTimeStrategy(production.getProperty(GENERIC + "historyRemovalTimeStrategy"));
        configuration.setHistoryCleanupStrategy(production.getProperty(GENERIC + "historyCleanupStrategy"));
        configuration.setJobExecutorActivate(false);
        return configuration.buildProcessEngine();
    }
}
