package dev.baton.security;

import dev.baton.gate.CommandFields;
import dev.baton.reliability.FinishedTasks;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Completing or claiming a gate someone else just completed is a conflict, not a missing task:
 * of several people submitting the same gate at once exactly one succeeds and the others hear 409
 * (someone was first), however late their request arrives. A task id that never existed stays 404.
 */
class FinishedTaskRule implements CommandRule {

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof ClaimTaskCmd) {
            FinishedTasks.finished(context, CommandFields.text(command, "taskId")).ifPresent(task -> {
                throw new OptimisticLockingException(FinishedTasks.conflict(task));
            });
        }
    }
}
