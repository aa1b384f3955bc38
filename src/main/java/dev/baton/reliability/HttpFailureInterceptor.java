package dev.baton.reliability;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Outside the transaction, for commands of HTTP requests only (REST API, webapps): a database
 * outage becomes 503 instead of 500, an optimistic-locking conflict 409. Everything was rolled
 * back before this point. The job executor keeps the original exceptions, which it handles
 * itself (a conflict is retried without counting against the job's retries).
 */
public class HttpFailureInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            if (RequestContextHolder.getRequestAttributes() == null) {
                throw e;
            }
            if (DatabaseOutage.causedBy(e)) {
                throw new DatabaseUnavailableException(e);
            }
            if (e instanceof OptimisticLockingException) {
                throw new ConcurrentChangeException(e);
            }
            throw e;
        }
    }
}
