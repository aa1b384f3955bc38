package dev.baton.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.TestPostgres;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * Gate throughput with the engine configuration the README recommends for production on
 * PostgreSQL (Performance), as the {@code production} profile sets it. Besides the same-configuration comparison, every round also drives
 * the bare baseline on a second engine in the same JVM, on its own database of the same server,
 * configured as Baton ships by default (history full, Camunda's metrics on, authorization on,
 * Camunda's id generator as the Spring Boot starter sets it, pgjdbc's defaults) with no Baton
 * code: the production target is Baton here ≥ 0.90× that engine's completions/s, the moonshot
 * ≥ 1.0×. The two take turns in two-second slices within every round.
 */
@ActiveProfiles({"postgres", "production"})
class GateThroughputRecommendedBenchmark extends GateThroughputBenchmark {

    static final double PRODUCTION_TARGET = 0.90;
    static final double MOONSHOT = 1.0;

    private ProcessEngine outOfTheBox;
    private HikariDataSource outOfTheBoxPool;

    @Override
    String resultName() {
        return "gate-throughput-recommended";
    }

    @Override
    List<Mode> modes() {
        return List.of(Mode.BASELINE, Mode.BATON, Mode.OUT_OF_THE_BOX);
    }

    @Override
    ProcessEngine engineFor(Mode mode) {
        return mode == Mode.OUT_OF_THE_BOX ? outOfTheBox : super.engineFor(mode);
    }

    @Override
    void describe(BenchResults results) {
        super.describe(results);
        results.context("configuration", "recommended (history ledger, metrics off, reWriteBatchedInserts)")
                .context("outOfTheBox", "second engine, same JVM and server: history full, metrics on, authorization on, no Baton code");
    }

    @Override
    void prepare() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        outOfTheBoxPool = new HikariDataSource();
        outOfTheBoxPool.setJdbcUrl(database.url());
        outOfTheBoxPool.setUsername(database.user());
        outOfTheBoxPool.setPassword(database.password());
        var dataSource = StatementCounter.wrap(outOfTheBoxPool);
        SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setProcessEngineName("out-of-the-box");
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setAuthorizationEnabled(true);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        outOfTheBox = configuration.buildProcessEngine();
        outOfTheBox.getRepositoryService().createDeployment().addModelInstance(BASELINE + ".bpmn", baseline()).deploy();
    }

    @AfterEach
    void closeOutOfTheBox() {
        if (outOfTheBox != null) {
            outOfTheBox.close();
            outOfTheBoxPool.close();
        }
    }

    @Override
    void compare(BenchResults results, int threads, Map<Mode, Double> completionsPerSecond, Map<Mode, double[]> perRound) {
        double ratio = BenchResults.pairedRatio(perRound.get(Mode.BATON), perRound.get(Mode.OUT_OF_THE_BOX));
        results.add("production: Baton here / bare engine out of the box, " + threads + " thread(s)", ratio, "x",
                ">= " + PRODUCTION_TARGET, ratio >= PRODUCTION_TARGET);
        addRoundSpread(results, "production", threads, perRound.get(Mode.BATON), perRound.get(Mode.OUT_OF_THE_BOX));
        results.add("production, ratio of the medians, " + threads + " thread(s)",
                completionsPerSecond.get(Mode.BATON) / completionsPerSecond.get(Mode.OUT_OF_THE_BOX), "x");
        results.add("moonshot: same ratio, " + threads + " thread(s)", ratio, "x", ">= " + MOONSHOT, ratio >= MOONSHOT);
    }
}
