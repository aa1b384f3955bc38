package dev.baton.gate;

import dev.baton.Causes;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
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
 * FormFieldValidationException (task complete and submit-form, also Tasklist's own API) or,
 * for the start endpoints, a {@link RejectedStartException}.
 */
public class SubmissionRejectionInterceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionRejectionInterceptor.class);

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (FormFieldValidationException | RejectedStartException e) {
            throw e;
        } catch (RuntimeException e) {
            SubmissionRejectedException rejection = find(e);
            if (rejection == null) {
                throw e;
            }
            LOG.info("Refused {}: {}", command.getClass().getSimpleName(), rejection.getMessage());
            if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
                throw new RejectedStartException(rejection);
            }
            throw new FormFieldValidationException(rejection.field(), rejection.getMessage(), rejection);
        }
    }

    static SubmissionRejectedException find(Throwable e) {
        return Causes.find(e, SubmissionRejectedException.class).orElse(null);
    }
}
