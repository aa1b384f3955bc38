package dev.baton.metrics;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** The comments Tasklist stores with the engine: the full text, not the shortened message. */
@Component
public class EngineGateComments implements GateComments {

    private final TaskService tasks;

    public EngineGateComments(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<Comment> of(String processInstanceId, java.util.Collection<String> taskIds) {
        java.util.Map<String, org.camunda.bpm.engine.task.Comment> byId = new java.util.LinkedHashMap<>();
        if (processInstanceId != null) {
            tasks.getProcessInstanceComments(processInstanceId).forEach(c -> byId.put(c.getId(), c));
        }
        for (String taskId : taskIds) {
            tasks.getTaskComments(taskId).forEach(c -> byId.putIfAbsent(c.getId(), c));
        }
        return byId.values().stream()
                .filter(c -> c.getTaskId() != null)
                .map(c -> new Comment(c.getId(), c.getTaskId(), c.getUserId(), c.getTime().toInstant().atOffset(ZoneOffset.UTC),
                        c.getFullMessage()))
                .sorted(Comparator.comparing(Comment::at))
                .toList();
    }
}
