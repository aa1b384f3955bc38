package dev.baton.metrics;

import java.time.OffsetDateTime;
import java.util.List;

/** Comments people added to a campaign's tasks in Tasklist, oldest first. */
@FunctionalInterface
public interface GateComments {

    GateComments NONE = (processInstanceId, taskIds) -> List.of();

    record Comment(String id, String taskId, String author, OffsetDateTime at, String text) {
    }

    /**
     * The comments on these tasks of the process instance and on the instance's other tasks.
     * Both are needed: a comment created through the REST API for a task need not name its instance.
     */
    List<Comment> of(String processInstanceId, java.util.Collection<String> taskIds);
}
