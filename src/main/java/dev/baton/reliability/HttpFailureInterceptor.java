package dev.baton.reliability;

import java.sql.SQLException;

import dev.baton.Causes;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import dev.baton.gate.CommandFields;
import dev.baton.security.PolicyRefusalException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Outside the transaction, for commands of HTTP requests only (REST API, webapps): a database
 * outage becomes 503 instead of 500, an optimistic-locking conflict or a task someone else
 * claimed first 409, a task that is gone (a replayed completion) 404. Everything was rolled
 * back before this point. The job executor keeps the original exceptions, which it handles
 * itself (a conflict is retried without counting against the job's retries).
 */
public class HttpFailureInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (AssertionError e) {
            // pgjdbc throws AssertionError (no cause) when the connection dies inside a statement
            if (RequestContextHolder.getRequestAttributes() != null && DatabaseOutage.thrownByDriver(e)) {
                throw new DatabaseUnavailableException(new IllegalStateException(e));
            }
            throw e;
        } catch (RuntimeException e) {
            if (RequestContextHolder.getRequestAttributes() == null) {
                throw e;
            }
            if (DatabaseOutage.causedBy(e)) {
                throw new DatabaseUnavailableException(e);
            }
            var refusal = Causes.find(e, PolicyRefusalException.class);
            // Camunda's job resources pass an AuthorizationException on as 403 but turn any other
            // runtime exception into 500; every other resource is safer with a RestException
            if (refusal.isPresent() && !(command instanceof ExecuteJobsCmd || command instanceof FailedJobListener)) {
                throw new ForbiddenRequestException(refusal.get());
            }
            if (Causes.find(e, OptimisticLockingException.class).isPresent() || e instanceof TaskAlreadyClaimedException) {
                throw new ConcurrentChangeException(e);
            }
            if (writtenMeanwhile(e)) {
                throw new RestException(Status.CONFLICT, e, "someone else wrote the same record at the same moment (or it "
                        + "exists already); nothing of this request was applied: reload and try again");
            }
            if ((e instanceof AuthorizationException || Causes.find(e, NullPointerException.class).isPresent())
                    && endedMeanwhile(command)) {
                // the task's grants, or the scope the engine had half read, went with the task someone
                // else completed a moment ago (seen when four decisions on one escalation raced)
                throw new ConcurrentChangeException(e);
            }
            if (e instanceof NullValueException && e.getMessage() != null && e.getMessage().startsWith("Cannot find task")) {
                throw new RestException(Status.NOT_FOUND, e, "no open task with this id: it was completed, "
                        + "cancelled or never existed (" + e.getMessage() + ")");
            }
            RestException badInput = EngineInputErrors.describe(e);
            if (badInput != null) {
                throw badInput;
            }
            throw e;
        }
    }

    /**
     * A unique key violated when the engine wrote its rows: another transaction wrote the same row
     * first (two assignments of one task to one person at once both insert that person's task
     * permission). Batched writes carry the database's answer in their chained exceptions.
     */
    private static boolean writtenMeanwhile(Throwable e) {
        return Causes.find(e, t -> t instanceof SQLException sql && duplicateKey(sql)).isPresent();
    }

    private static boolean duplicateKey(SQLException sql) {
        for (SQLException each = sql; each != null; each = each.getNextException()) {
            if (DUPLICATE_KEY.equals(each.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQL's "unique violation", the same on PostgreSQL and H2. */
    private static final String DUPLICATE_KEY = "23505";

    /** Whether the gate a task command worked on was completed by someone else while it ran. */
    private <T> boolean endedMeanwhile(Command<T> command) {
        if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof ClaimTaskCmd)) {
            return false;
        }
        String taskId = CommandFields.text(command, "taskId");
        return taskId != null && next.execute(context -> FinishedTasks.finished(context, taskId).isPresent());
    }
}
