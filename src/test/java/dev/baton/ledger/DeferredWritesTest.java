package dev.baton.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.TestPostgres;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deferred ledger writes on H2 and PostgreSQL (one multi-statement call there): a transaction
 * reads its own deferred writes, a commit sends them all (nulls and texts with semicolons and
 * colons included), a rollback sends none.
 */
class DeferredWritesTest {

    static Stream<DataSource> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:deferred-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return Stream.of(h2, TestPostgres.newDatabase().dataSource()).peek(
                ds -> Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate());
    }

    @org.junit.jupiter.api.Test
    void parametersAreRenamedLikeTheRegularExpressionDid() {
        java.util.regex.Pattern parameter = java.util.regex.Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");
        for (String sql : java.util.List.of("UPDATE t SET a = :a, b = CAST(:b AS VARCHAR) WHERE c = :c",
                "SELECT x::text, ':notAParam' FROM t WHERE y = :y_1 AND z=:z", ":first", "no parameters at all", "",
                "a = :a AND a2 = :a2 AND again = :a")) {
            for (String suffix : java.util.List.of("_0", "_12")) {
                StringBuilder renamed = new StringBuilder();
                DeferredWrites.appendRenamed(renamed, sql, suffix);
                assertThat(renamed.toString()).as(sql).isEqualTo(parameter.matcher(sql).replaceAll(r -> ":" + r.group(1) + suffix));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readBackInTheTransactionSentAtCommitNeverAfterRollback(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        LedgerRepository ledger = new LedgerRepository(jdbc);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        OffsetDateTime now = OffsetDateTime.now();
        tx.executeWithoutResult(s -> ledger.insertCampaign(new CampaignRecord("DEF-1", "pi-1", "Deferred", "acquisition",
                "email", "pat", null, null, now, null, null, CampaignRecord.RUNNING, null)));

        tx.executeWithoutResult(s -> {
            ledger.insertNextGateAttempt("DEF-1", "pi-1", "brief", "task-1", "strategy", null, now, now.plusDays(1));
            ledger.markLaunched("DEF-1", now, 10.0, null, true);
            ledger.close("DEF-1", CampaignRecord.CANCELLED, "a reason; with: a colon, a semicolon and 'quotes'", now);
            assertThat(ledger.findCampaign("DEF-1")).as("read back in its own transaction").get()
                    .satisfies(c -> assertThat(c.outcome()).isEqualTo(CampaignRecord.CANCELLED));
            ledger.markCompleted("task-1", "sara", now);
            ledger.markCancelled("task-1", now);
        });
        assertThat(ledger.findCampaign("DEF-1")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CampaignRecord.CANCELLED);
            assertThat(c.cancellationReason()).isEqualTo("a reason; with: a colon, a semicolon and 'quotes'");
        });
        assertThat(ledger.findGateAttempt("task-1")).get().satisfies(a -> assertThat(a.completedAt()).isNotNull());

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            ledger.close("DEF-1", CampaignRecord.COMPLETED, null, now);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(ledger.findCampaign("DEF-1")).get().extracting(CampaignRecord::outcome).isEqualTo(CampaignRecord.CANCELLED);
    }
}
