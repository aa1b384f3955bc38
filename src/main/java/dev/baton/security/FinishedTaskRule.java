package dev.baton.security;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.Page;
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
        if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd || command instanceof ClaimTaskCmd)) {
            return;
        }
        String taskId = CommandFields.text(command, "taskId");
        if (taskId == null || context.getTaskManager().findTaskById(taskId) != null) {
            return;
        }
        HistoricTaskInstanceQueryImpl query = new HistoricTaskInstanceQueryImpl();
        query.taskId(taskId).finished();
        List<HistoricTaskInstance> finished = context.runWithoutAuthorization(
                () -> context.getHistoricTaskInstanceManager().findHistoricTaskInstancesByQueryCriteria(query, new Page(0, 1)));
        if (!finished.isEmpty()) {
            HistoricTaskInstance task = finished.get(0);
            throw new OptimisticLockingException("the gate '" + task.getName() + "' was "
                    + ("completed".equals(task.getDeleteReason()) ? "completed" : "closed") + " already"
                    + (task.getAssignee() == null ? "" : " (by " + task.getAssignee() + ")"));
        }
    }
}
