package dev.baton.security;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * One of Baton's rules on what a command may do, checked by the {@link CommandGuard} before the
 * command runs. A rule refuses by throwing: {@link PolicyRefusalException} (403) for what the caller
 * may not do at all, {@code SubmissionRejectedException} (400, naming the field) for bad input.
 */
interface CommandRule {

    /** @param caller the authenticated user, or null when Baton's own code or the job executor runs it */
    void check(Command<?> command, Caller caller, CommandContext context);
}
