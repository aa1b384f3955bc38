package dev.baton.gate;

import dev.baton.Causes;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost command interceptor, outside the transaction: by the time a refusal reaches it,
 * everything is rolled back. The engine wraps listener exceptions in a plain
 * ProcessEngineException, which the REST API answers with 500; this turns Baton's refusal,
 * found in the cause chain, into the exception the REST API answers with 400 — a
 * FormFieldValidationException for task complete and submit-form (also Tasklist's own API, which
 * then shows the message and keeps the form filled), else a {@link RefusedRequestException}
 * (process starts, claims and assignments, messages, users and groups).
 */
public class SubmissionRejectionInterceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionRejectionInterceptor.class);

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (FormFieldValidationException | RefusedRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            SubmissionRejectedException rejection = find(e);
            if (rejection == null) {
                throw e;
            }
            LOG.info("Refused {}: {}", command.getClass().getSimpleName(), rejection.getMessage());
            if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                throw new FormFieldValidationException(rejection.field(), rejection.forPeople(), rejection);
            }
            throw new RefusedRequestException(rejection);
        }
    }

    static SubmissionRejectedException find(Throwable e) {
        return Causes.find(e, SubmissionRejectedException.class).orElse(null);
    }
}
