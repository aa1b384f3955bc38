package dev.baton.metrics;

import java.time.OffsetDateTime;
import java.util.List;

/** Comments people added to a campaign's tasks in Tasklist, oldest first. */
@FunctionalInterface
public interface GateComments {

    GateComments NONE = processInstanceId -> List.of();

    record Comment(String taskId, String author, OffsetDateTime at, String text) {
    }

    List<Comment> of(String processInstanceId);
}
