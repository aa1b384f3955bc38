package dev.baton.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** The cause chains PostgreSQL and the engine produce when the database goes away. */
class DatabaseOutageTest {

    @Test
    void recognisesALostConnectionInsideTheEnginesWrapping() {
        PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketException("Broken pipe"));
        Exception listener = new ProcessEngineException("Exception while invoking TaskListener",
                new ProcessEnginePersistenceException("persistence layer", new PersistenceException("querying", io)));
        assertThat(DatabaseOutage.causedBy(listener)).isTrue();
        assertThat(DatabaseOutage.causedBy(new PSQLException("terminating connection due to administrator command",
                PSQLState.CONNECTION_FAILURE))).isTrue();
        // seen when PostgreSQL stopped mid-transaction: the rollback failed, the I/O error is kept aside
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"));
        rollback.initApplicationException(listener);
        assertThat(DatabaseOutage.causedBy(new ProcessEnginePersistenceException("persistence layer", rollback))).isTrue();
        assertThat(DatabaseOutage.causedBy(new ProcessEngineException("validation failed"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new java.sql.SQLException("syntax error", "42601"))).isFalse();
    }
}
