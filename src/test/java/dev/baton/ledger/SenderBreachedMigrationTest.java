package dev.baton.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.TestPostgres;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V6 fills handoff.sender_breached for a ledger written before it, on H2 and PostgreSQL. */
class SenderBreachedMigrationTest {

    static Stream<Arguments> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:v6-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", TestPostgres.newDatabase().dataSource()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void existingHandoffsGetTheirSendersBreach(String name, DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                INSERT INTO campaign (business_key, process_instance_id, name, campaign_type, channel, created_at, outcome)
                VALUES ('ACQ-1', 'pi-1', 'Before V6', 'acquisition', 'email', CURRENT_TIMESTAMP, 'running')
                """).update();
        // the brief breached on its first attempt only; test-design never breached
        attempt(jdbc, "brief", 1, true);
        attempt(jdbc, "brief", 2, false);
        attempt(jdbc, "test-design", 1, false);
        handoff(jdbc, "brief", 1, "test-design", 1);
        handoff(jdbc, "brief", 2, "test-design", 2);
        handoff(jdbc, "test-design", 1, "audience-pull", 1);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        List<Boolean> flags = jdbc.sql("SELECT sender_breached FROM handoff ORDER BY from_gate, from_attempt")
                .query(Boolean.class).list();
        assertThat(flags).containsExactly(true, false, false);
    }

    private static void attempt(JdbcClient jdbc, String gate, int attempt, boolean breached) {
        jdbc.sql("""
                INSERT INTO gate_attempt (business_key, process_instance_id, gate, attempt, task_id, team, created_at,
                                          completed_at, sla_breached_at)
                VALUES ('ACQ-1', 'pi-1', :gate, :attempt, :task, 'strategy', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
                        CASE WHEN :breached THEN CURRENT_TIMESTAMP END)
                """).param("gate", gate).param("attempt", attempt).param("task", gate + "-" + attempt)
                .param("breached", breached).update();
    }

    private static void handoff(JdbcClient jdbc, String from, int fromAttempt, String to, int attempt) {
        jdbc.sql("""
                INSERT INTO handoff (business_key, from_gate, from_attempt, to_gate, from_team, to_team, attempt, sent_at)
                VALUES ('ACQ-1', :from, :fromAttempt, :to, 'strategy', 'analytics', :attempt, CURRENT_TIMESTAMP)
                """).param("from", from).param("fromAttempt", fromAttempt).param("to", to).param("attempt", attempt).update();
    }
}
