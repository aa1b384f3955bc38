package dev.baton.reliability;

import dev.baton.Causes;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises, in an exception's cause chain, that the database cannot be reached: connection
 * failures (SQL state class 08, PostgreSQL shutting down, Hikari's closed connection), also when
 * the rollback after them failed too.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable e) {
        return Causes.find(e, DatabaseOutage::signalsLostConnection).isPresent();
    }

    private static boolean signalsLostConnection(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
            return true;
        }
        if (t instanceof SQLException sql && (lostConnection(sql.getSQLState())
                || "Connection is closed".equals(sql.getMessage()))) {
            return true;
        }
        // a rollback that failed keeps the failure that caused it aside, not as its cause
        return t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                && causedBy(rollback.getApplicationException());
    }

    /** An error raised inside the PostgreSQL driver itself. */
    static boolean thrownByDriver(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.postgresql.");
    }

    /** SQL state class 08 (connection exception), 57P01-57P03 (server shutting down or starting). */
    private static boolean lostConnection(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
