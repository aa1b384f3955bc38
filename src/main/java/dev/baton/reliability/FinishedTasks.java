package dev.baton.reliability;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Whether a task id belongs to a gate that was completed or closed already (it is no longer open). */
public final class FinishedTasks {

    private FinishedTasks() {
    }

    /** The finished task, when the id is not an open task but one that ended; empty otherwise. */
    public static Optional<HistoricTaskInstance> finished(CommandContext context, String taskId) {
        if (taskId == null || context.getTaskManager().findTaskById(taskId) != null) {
            return Optional.empty();
        }
        HistoricTaskInstanceQueryImpl query = new HistoricTaskInstanceQueryImpl();
        query.taskId(taskId).finished();
        List<HistoricTaskInstance> found = context.runWithoutAuthorization(
                () -> context.getHistoricTaskInstanceManager().findHistoricTaskInstancesByQueryCriteria(query, new Page(0, 1)));
        return found.stream().findFirst();
    }

    /** The conflict to answer when someone works a gate that just ended. */
    public static String conflict(HistoricTaskInstance task) {
        return "the gate '" + task.getName() + "' was " + ("completed".equals(task.getDeleteReason()) ? "completed" : "closed")
                + " already" + (task.getAssignee() == null ? "" : " (by " + task.getAssignee() + ")");
    }
}
